package org.cxrlstm.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.cxrlstm.train.PreemptedException;

/**
 * A Slurm job array for an experiment's trials plus a merge job that waits for it.
 *
 * <p>{@code trials.sbatch} runs one trial per array task ({@code --array=0-(N-1)%P}); the harness
 * takes the trial index from {@code SLURM_ARRAY_TASK_ID}. {@code merge.sbatch} gathers the results;
 * {@code submit-slurm.sh} submits both, the merge with {@code --dependency=afterany:ARRAY} so it
 * runs once every task has ended, failed ones included (the merge lists what is missing).
 */
public final class SlurmScript {
  public static final String TRIALS_FILE = "trials.sbatch";
  public static final String MERGE_FILE = "merge.sbatch";
  public static final String SUBMIT_FILE = "submit-slurm.sh";

  private final TrialJob job;
  private final SlurmResources resources;
  private final Path logDir;

  /** {@code logDir}: absolute folder for the tasks' stdout/stderr (on the shared filesystem). */
  public SlurmScript(TrialJob job, SlurmResources resources, Path logDir) {
    if (!logDir.isAbsolute()) {
      throw new IllegalArgumentException("log folder '" + logDir + "' must be an absolute path");
    }
    this.job = job;
    this.resources = resources;
    this.logDir = logDir;
  }

  /** The array value, {@code 0-(N-1)%P}. */
  public String arraySpec() {
    return "0-" + job.lastIndex() + "%" + resources.parallel();
  }

  /**
   * The job-array script: one trial per task. Slurm sends SIGTERM to the batch shell
   * {@value #SIGNAL_SECONDS} s before the time limit ({@code --signal=B:TERM@...}); the shell
   * passes it to the trial, which writes a checkpoint and exits
   * {@value PreemptedException#EXIT_CODE}, and the task is requeued to resume there
   * ({@code --requeue} also lets a preempting scheduler requeue it).
   */
  public String trials() {
    StringBuilder s = header("cxr-" + job.experiment(), resources.cpus());
    directive(s, "--array=" + arraySpec());
    directive(s, "--output=" + logDir.resolve("trial-%a.out"));
    directive(s, "--open-mode=append");
    directive(s, "--requeue");
    directive(s, "--signal=B:TERM@" + SIGNAL_SECONDS);
    prologue(s, "trial $SLURM_ARRAY_TASK_ID of " + job.trials());
    s.append(Shell.line(job.trialCommand())).append(" &\n")
        .append("pid=$!\n")
        .append("trap 'kill -TERM \"$pid\" 2>/dev/null || true' TERM\n")
        .append("code=0\n")
        .append("wait \"$pid\" || code=$?\n")
        .append("# a trapped signal ends the first wait early: wait for the trial's own exit code\n")
        .append("while kill -0 \"$pid\" 2>/dev/null; do code=0; wait \"$pid\" || code=$?; done\n")
        .append("if [ \"$code\" -eq ").append(PreemptedException.EXIT_CODE).append(" ]; then\n")
        .append("  echo \"$(date -Is) stopped with a checkpoint; requeueing to resume\"\n")
        .append("  scontrol requeue \"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\" || true\n")
        .append("fi\n")
        .append("exit \"$code\"\n");
    return s.toString();
  }

  /** Seconds before the time limit at which Slurm asks a trial to checkpoint and stop. */
  public static final int SIGNAL_SECONDS = 120;

  /** The merge job: one task on one CPU, submitted after the array. */
  public String merge() {
    StringBuilder s = header("cxr-" + job.experiment() + "-merge", 1);
    directive(s, "--output=" + logDir.resolve("merge.out"));
    body(s, job.mergeCommand(), "merge");
    return s.toString();
  }

  /** Submits the array, then the merge with {@code --dependency=afterany} on the array's job id. */
  public String submit() {
    return """
        #!/usr/bin/env bash
        # Submits the trials of experiment '%1$s' as a job array, then a merge job that runs once
        # every array task has ended (afterany: failed trials too; the merge lists them).
        set -euo pipefail
        cd "$(dirname "$0")"
        mkdir -p %2$s
        array=$(sbatch --parsable %3$s)
        array=${array%%%%;*}
        merge=$(sbatch --parsable --dependency=afterany:${array} %4$s)
        merge=${merge%%%%;*}
        echo "submitted trials: job ${array} (%5$d tasks, at most %6$d at once); merge: job ${merge}"
        echo "${array}" > array.jobid
        echo "${merge}" > merge.jobid
        """.formatted(job.experiment(), Shell.quote(logDir.toString()), TRIALS_FILE, MERGE_FILE,
        job.trials(), resources.parallel());
  }

  /** Writes the three files into {@code dir} (created if needed); returns the submit script's path. */
  public Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.createDirectories(logDir);
    Files.writeString(dir.resolve(TRIALS_FILE), trials());
    Files.writeString(dir.resolve(MERGE_FILE), merge());
    Path submit = dir.resolve(SUBMIT_FILE);
    Files.writeString(submit, submit());
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    return submit;
  }

  private StringBuilder header(String name, int cpus) {
    StringBuilder s = new StringBuilder("#!/usr/bin/env bash\n");
    directive(s, "--job-name=" + name);
    resources.partition().ifPresent(p -> directive(s, "--partition=" + p));
    resources.account().ifPresent(a -> directive(s, "--account=" + a));
    directive(s, "--nodes=1");
    directive(s, "--ntasks=1");
    directive(s, "--cpus-per-task=" + cpus);
    directive(s, "--mem=" + resources.memory());
    directive(s, "--time=" + resources.time());
    directive(s, "--chdir=" + job.workdir());
    return s;
  }

  private static void directive(StringBuilder s, String option) {
    s.append("#SBATCH ").append(option).append('\n');
  }

  private void body(StringBuilder s, List<String> command, String what) {
    prologue(s, what);
    s.append(Shell.line(command)).append('\n');
  }

  private void prologue(StringBuilder s, String what) {
    s.append("# generated by cxr-lstm for experiment '").append(job.experiment()).append("'; runs ")
        .append(what).append('\n')
        .append("set -euo pipefail\n")
        .append("export TF_CPP_MIN_LOG_LEVEL=3\n")
        .append("echo \"$(date -Is) $(hostname) ").append(what).append("\"\n");
  }
}
