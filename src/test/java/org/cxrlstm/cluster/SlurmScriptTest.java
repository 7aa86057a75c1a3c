package org.cxrlstm.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmScriptTest {
  static final TrialJob JOB = new TrialJob("sweep", 12, Path.of("/proj"),
      List.of("java", "-Dthreads=4", "-cp", "/a b/x.jar", "org.cxrlstm.Main", "sweep"),
      List.of("java", "-Dmerge=true", "-cp", "/a b/x.jar", "org.cxrlstm.Main", "sweep"));
  static final SlurmResources RES = new SlurmResources(Optional.of("gpu"), Optional.empty(), "1-02:00:00", 4,
      "16G", 3);

  @Test
  void arrayCoversEveryTrialWithTheConcurrencyLimit() {
    SlurmScript s = new SlurmScript(JOB, RES, Path.of("/proj/results/sweep/jobs/logs"));
    assertEquals("0-11%3", s.arraySpec());
    String trials = s.trials();
    assertTrue(trials.startsWith("#!/usr/bin/env bash\n"));
    assertTrue(trials.contains("#SBATCH --array=0-11%3\n"), trials);
    assertTrue(trials.contains("#SBATCH --partition=gpu\n"));
    assertFalse(trials.contains("--account"), "no account unless given");
    assertTrue(trials.contains("#SBATCH --cpus-per-task=4\n"));
    assertTrue(trials.contains("#SBATCH --mem=16G\n"));
    assertTrue(trials.contains("#SBATCH --time=1-02:00:00\n"));
    assertTrue(trials.contains("#SBATCH --chdir=/proj\n"));
    assertTrue(trials.contains("#SBATCH --output=/proj/results/sweep/jobs/logs/trial-%a.out\n"));
    // the word with a space is quoted; no -Dtrial: the index comes from SLURM_ARRAY_TASK_ID
    assertTrue(trials.contains("java -Dthreads=4 -cp '/a b/x.jar' org.cxrlstm.Main sweep &\n"), trials);
    assertFalse(trials.contains("-Dtrial"));
  }

  @Test
  void mergeRunsOnOneCpuAndIsSubmittedAfterAnyEndOfTheArray() {
    SlurmScript s = new SlurmScript(JOB, RES, Path.of("/logs"));
    String merge = s.merge();
    assertTrue(merge.contains("#SBATCH --cpus-per-task=1\n"));
    assertFalse(merge.contains("--array"));
    assertTrue(merge.contains("-Dmerge=true"));
    String submit = s.submit();
    assertTrue(submit.contains("array=$(sbatch --parsable trials.sbatch)"), submit);
    assertTrue(submit.contains("array=${array%%;*}"), submit);
    assertTrue(submit.contains("sbatch --parsable --dependency=afterany:${array} merge.sbatch"), submit);
  }

  @Test
  void writesExecutableSubmitScript(@TempDir Path dir) throws Exception {
    Path submit = new SlurmScript(JOB, RES, dir.resolve("logs")).write(dir.resolve("jobs"));
    assertTrue(Files.isExecutable(submit));
    assertTrue(Files.readString(dir.resolve("jobs/trials.sbatch")).contains("--array=0-11%3"));
    assertTrue(Files.isDirectory(dir.resolve("logs")));
    // the generated scripts are valid bash
    for (String f : List.of("trials.sbatch", "merge.sbatch", "submit-slurm.sh")) {
      Process p = new ProcessBuilder("bash", "-n", dir.resolve("jobs").resolve(f).toString())
          .redirectErrorStream(true).start();
      assertEquals(0, p.waitFor(), f + ": " + new String(p.getInputStream().readAllBytes()));
    }
  }

  @Test
  void trialsAreRequeuedAfterACheckpointOnSigterm() {
    String trials = new SlurmScript(JOB, RES, Path.of("/logs")).trials();
    assertTrue(trials.contains("#SBATCH --requeue\n"), trials);
    assertTrue(trials.contains("#SBATCH --signal=B:TERM@120\n"), trials);
    assertTrue(trials.contains("#SBATCH --open-mode=append\n"), trials);
    assertFalse(new SlurmScript(JOB, RES, Path.of("/logs")).merge().contains("--requeue"));
  }

  /**
   * The trial body in bash, with a stand-in trial that exits 75 on SIGTERM as the harness does and
   * a stand-in {@code scontrol} that records its arguments: SIGTERM to the batch shell reaches the
   * trial, the task is requeued and the script exits with the trial's code.
   */
  @Test
  void sigtermToTheBatchShellReachesTheTrialAndRequeuesTheTask(@TempDir Path dir) throws Exception {
    Path ready = dir.resolve("ready");
    TrialJob job = new TrialJob("sweep", 4, dir, List.of("bash", "-c",
        "trap 'exit 75' TERM; touch " + ready + "; while :; do sleep 0.1; done"), List.of("true"));
    Path script = dir.resolve("trials.sbatch");
    Files.writeString(script, new SlurmScript(job, RES, dir.resolve("logs")).trials());
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(bin.resolve("scontrol"), "#!/usr/bin/env bash\necho \"$@\" > " + dir.resolve("scontrol.args") + "\n");
    bin.resolve("scontrol").toFile().setExecutable(true);
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.log").toFile());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("SLURM_ARRAY_JOB_ID", "4242");
    pb.environment().put("SLURM_ARRAY_TASK_ID", "3");
    Process p = pb.start();
    for (int i = 0; i < 600 && !Files.exists(ready); i++) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(ready), "the stand-in trial did not start");
    p.destroy(); // SIGTERM to the batch shell, as --signal=B:TERM sends it
    assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(75, p.exitValue(), Files.readString(dir.resolve("out.log")));
    assertEquals("requeue 4242_3\n", Files.readString(dir.resolve("scontrol.args")));
  }

  @Test
  void oneTrialIsAnArrayOfOne() {
    TrialJob one = new TrialJob("smoke", 1, Path.of("/p"), List.of("x"), List.of("y"));
    assertEquals("0-0%3", new SlurmScript(one, RES, Path.of("/l")).arraySpec());
  }

  @Test
  void badResourcesNameTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SlurmResources(Optional.empty(), Optional.empty(), "2 hours", 1, "1G", 1));
    assertTrue(e.getMessage().contains("slurm.time '2 hours'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new SlurmResources(Optional.empty(), Optional.empty(), "60", 1, "1GB", 1));
    assertTrue(e.getMessage().contains("slurm.mem '1GB'"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new SlurmResources(Optional.of("a;rm"), Optional.empty(), "60", 1, "1G", 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SlurmResources(Optional.empty(), Optional.empty(), "60", 1, "1G", 0));
    assertThrows(IllegalArgumentException.class,
        () -> new TrialJob("smoke", 0, Path.of("/p"), List.of("x"), List.of("y")));
  }

  @Test
  void memoryInMiB() {
    assertEquals(16 * 1024, RES.memoryMiB());
    assertEquals(4000, new SlurmResources(Optional.empty(), Optional.empty(), "10", 1, "4000", 1).memoryMiB());
  }
}
