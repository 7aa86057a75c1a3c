package org.cxrlstm.protocol;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cxrlstm.cluster.Classpath;
import org.cxrlstm.cluster.KubernetesJob;
import org.cxrlstm.cluster.KubernetesResources;
import org.cxrlstm.cluster.LocalWorkers;
import org.cxrlstm.cluster.SlurmResources;
import org.cxrlstm.cluster.SlurmScript;
import org.cxrlstm.cluster.TrialJob;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.results.Environment;
import org.cxrlstm.results.ResultsLayout;

/**
 * {@code -Dworkers=K} and {@code -Demit=slurm|k8s} of a sweep experiment: turns its settings into the
 * commands that run one trial and the merge, and hands them to {@code org.cxrlstm.cluster}
 * (docs/cluster.md). Every child command carries the command-line settings it was given, so the
 * children compute the same plan as the parent.
 */
public final class ScaleOut {
  /** The entry point the trial JVMs start (the root package's Main). */
  static final String MAIN = "org.cxrlstm.Main";

  /** Where emitted jobs go, under results/NAME/. */
  static final String JOBS = "jobs";
  /** Child and task logs, under results/NAME/. */
  static final String LOGS = "logs";

  private ScaleOut() {}

  /** The command-line settings a child needs: all but the ones that say how this process runs. */
  static Map<String, String> carried(Map<String, String> overrides) {
    Map<String, String> out = new LinkedHashMap<>();
    overrides.forEach((k, v) -> {
      if (!Keys.PROCESS_KEYS.contains(k) && !k.startsWith("slurm.") && !k.startsWith("k8s.")) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** {@code java -XmxH -Dthreads=T -Dk=v... [extra] -cp CP org.cxrlstm.Main NAME}. */
  static List<String> javaCommand(String java, long heapMiB, int threads, Map<String, String> carried,
      List<String> extra, String experiment) {
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heapMiB + "m", "-Djava.awt.headless=true",
        "-Dthreads=" + threads));
    carried.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
    cmd.addAll(extra);
    cmd.addAll(List.of("-cp", Classpath.joined(Classpath.of(ScaleOut.class)), MAIN, experiment));
    return cmd;
  }

  /** Writes the job files for {@code -Demit=slurm|k8s}; returns the submit script. */
  public static Path emit(String experiment, Settings s, Map<String, String> overrides, int trials, ResultsLayout layout,
      PrintStream out) throws IOException {
    Path root = layout.root().toAbsolutePath().normalize();
    Path jobs = root.resolve(JOBS);
    Path workdir = Path.of("").toAbsolutePath();
    Map<String, String> carried = carried(overrides);
    String engine = s.string("emit");
    try {
      Path submit;
      if (engine.equals("slurm")) {
        SlurmResources r = new SlurmResources(s.optional("slurm.partition"), s.optional("slurm.account"),
            s.string("slurm.time"), s.integer("slurm.cpus"), s.string("slurm.mem"), s.integer("slurm.parallel"));
        String java = s.string("slurm.java");
        long heap = Math.max(256, r.memoryMiB() / 2);
        TrialJob job = new TrialJob(experiment, trials, workdir,
            javaCommand(java, heap, r.cpus(), carried, List.of(), experiment),
            javaCommand(java, heap, 1, carried, List.of("-Dmerge=true"), experiment));
        submit = new SlurmScript(job, r, root.resolve(LOGS)).write(jobs);
      } else {
        KubernetesResources r = new KubernetesResources(s.string("k8s.image"), s.string("k8s.claim"),
            s.string("k8s.mount"), s.integer("k8s.cpus"), s.string("k8s.mem"), s.integer("k8s.parallel"),
            s.string("k8s.namespace"));
        String base = r.mount().endsWith("/") ? r.mount() : r.mount() + "/";
        Path podWorkdir = Path.of(s.string("k8s.workdir", base + "cxr-lstm"));
        String m2 = s.string("k8s.m2", base + "m2");
        TrialJob job = new TrialJob(experiment, trials, podWorkdir,
            mavenCommand(m2, r.cpus(), carried, Optional.empty(), experiment),
            mavenCommand(m2, 1, carried, Optional.of("-Dmerge=true"), experiment));
        submit = new KubernetesJob(job, r).write(jobs);
      }
      out.println("wrote " + engine + " job for " + trials + " trial(s) of '" + experiment + "' to " + jobs
          + "; submit with: bash " + submit);
      return submit;
    } catch (IllegalArgumentException e) {
      if (e instanceof SettingException) {
        throw e;
      }
      throw new SettingException("emit", engine, "cannot be written: " + e.getMessage());
    }
  }

  /** {@code mvn -q -B -Dmaven.repo.local=M2 exec:java -Dexperiment=NAME -Dthreads=T -Dk=v...}: no compile. */
  static List<String> mavenCommand(String m2, int threads, Map<String, String> carried, Optional<String> extra,
      String experiment) {
    List<String> cmd = new ArrayList<>(List.of("mvn", "-q", "-B", "-Dmaven.repo.local=" + m2, "exec:java",
        "-Dexperiment=" + experiment, "-Dthreads=" + threads));
    carried.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
    extra.ifPresent(cmd::add);
    return cmd;
  }

  /**
   * Runs {@code indices} as child JVMs, {@code workers} at a time, threads = cores / workers each
   * unless {@code -Dthreads} was given; returns the outcomes that failed.
   */
  public static List<LocalWorkers.Outcome> runWorkers(String experiment, int workers, Map<String, String> overrides,
      List<Integer> indices, ResultsLayout layout, PrintStream out) throws IOException, InterruptedException {
    int cores = Runtime.getRuntime().availableProcessors();
    String given = overrides.getOrDefault("threads", "auto").trim();
    // an explicit -Dthreads wins; otherwise the cores are shared out between the workers
    int threads = given.equals("auto") ? LocalWorkers.threadsPerTrial(cores, workers) : Integer.parseInt(given);
    long heap = Math.max(512, Runtime.getRuntime().maxMemory() / (1024 * 1024) / workers);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, String> carried = carried(overrides);
    out.printf("running %d trial(s) as %d worker process(es), %d thread(s) each (%d cores)%n", indices.size(),
        workers, threads, cores);
    LocalWorkers pool = new LocalWorkers(workers,
        i -> javaCommand(java, heap, threads, carried, List.of("-Dtrial=" + i), experiment),
        Path.of("").toAbsolutePath(), layout.root().toAbsolutePath().resolve(LOGS), out);
    List<LocalWorkers.Outcome> failed = pool.run(indices).stream().filter(o -> !o.ok()).toList();
    Environment.recordWorkers(layout, workers);
    return failed;
  }
}
