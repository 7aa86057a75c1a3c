package org.cxrlstm.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cxrlstm.cluster.Classpath;
import org.cxrlstm.config.OneDnnSettings;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.ThreadSettings;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.results.io.AtomicFiles;
import org.cxrlstm.results.io.PropertiesText;
import org.cxrlstm.train.Precision;
import org.cxrlstm.train.bench.OneDnnIsa;
import org.tensorflow.TensorFlow;

/**
 * {@code environment.properties}: what machine and code produced the results (git commit and
 * whether the tree was dirty, Java and TensorFlow versions, OS, CPU, its instruction-set flags,
 * oneDNN's chosen ISA and its cap, cores, threads, precision and
 * why, dataset content hash, GPU, start and end times). Each process that trains rewrites it
 * atomically with its start time; the merge at the end of a run adds the end time
 * ({@link #finish}). trial.properties keeps the per-trial threads, precision and times.
 */
public final class Environment {
  private Environment() {}

  public static void write(ResultsLayout layout, Settings s, int plannedTrials, Dataset dataset) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("git.commit", git("rev-parse", "HEAD"));
    String status = git("status", "--porcelain", "--untracked-files=no");
    env.put("git.dirty", status.equals("unknown") ? "unknown" : String.valueOf(!status.isBlank()));
    env.put("java.version", System.getProperty("java.version"));
    env.put("java.vendor", System.getProperty("java.vendor"));
    env.put("tensorflow.version", TensorFlow.version());
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    env.put("cpu.model", cpuModel());
    env.put("cpu.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    // float32 results repeat across hosts only where oneDNN runs the same kernels (OneDnnIsa)
    env.put("cpu.flags", OneDnnIsa.relevantFlags(Precision.cpuFlags()));
    env.put("onednn.max.cpu.isa", System.getenv().getOrDefault(OneDnnSettings.ENV, ""));
    env.put("onednn.isa", OneDnnIsa.probe(Classpath.joined(Classpath.of(OneDnnIsa.class)), ""));
    env.put("threads", String.valueOf(ThreadSettings.threads(s)));
    env.put("inter.threads", s.string("inter.threads", "1"));
    env.put("workers", s.string("workers", "1"));
    env.put("xla", s.string("xla", "false"));
    List<String> precisions = s.list("precision");
    StringBuilder reasons = new StringBuilder();
    StringBuilder chosen = new StringBuilder();
    for (String p : precisions) {
      Precision.Choice c = Precision.choose(p, Precision.cpuFlags(), false);
      chosen.append(chosen.length() == 0 ? "" : ",").append(c.precision().id());
      reasons.append(reasons.length() == 0 ? "" : "; ").append(p).append(": ").append(c.reason());
    }
    env.put("precision", chosen.toString());
    env.put("precision.reason", reasons.toString());
    env.put("dataset.root", dataset.root().toString());
    env.put("dataset.images", String.valueOf(dataset.size()));
    env.put("dataset.hash", dataset.contentHash());
    env.put("plan.trials", String.valueOf(plannedTrials));
    env.put("tensorflow.native", nativeClassifier());
    env.put("gpu", gpu());
    env.put("cuda.visible.devices", System.getenv().getOrDefault("CUDA_VISIBLE_DEVICES", ""));
    env.put("started", Instant.now().toString());
    env.put("host", hostName());
    AtomicFiles.writeProperties(layout.environment(), "cxr-lstm environment of the last process that trained", env);
  }

  /**
   * Records in environment.properties that the trials ran as {@code workers} local worker processes
   * (each worker process wrote the file as its own single process); nothing without the file.
   */
  public static void recordWorkers(ResultsLayout layout, int workers) throws IOException {
    if (!Files.exists(layout.environment())) {
      return;
    }
    Map<String, String> env = new LinkedHashMap<>(PropertiesText.read(layout.environment()));
    env.put("workers", String.valueOf(workers));
    AtomicFiles.writeProperties(layout.environment(), "cxr-lstm environment of the last process that trained", env);
  }

  /**
   * Adds {@code finished} (now) to environment.properties: called when a run's merge is done.
   * Without the file (a merge of trials whose processes wrote none) nothing is written.
   */
  static void finish(ResultsLayout layout) throws IOException {
    if (!Files.exists(layout.environment())) {
      return;
    }
    Map<String, String> env = new LinkedHashMap<>(PropertiesText.read(layout.environment()));
    env.put("finished", Instant.now().toString());
    AtomicFiles.writeProperties(layout.environment(), "cxr-lstm environment of the last process that trained", env);
  }

  /**
   * The native TensorFlow build on the class path: {@code linux-x86_64-gpu} under {@code -Pgpu},
   * else {@code linux-x86_64} (or another platform's classifier), "unknown" if none is found.
   */
  static String nativeClassifier() {
    ClassLoader loader = Environment.class.getClassLoader();
    for (String c : List.of("linux-x86_64-gpu", "linux-x86_64", "linux-arm64", "macosx-arm64", "macosx-x86_64",
        "windows-x86_64")) {
      if (loader.getResource("org/tensorflow/internal/c_api/" + c + "/LICENSE") != null) {
        return c;
      }
    }
    return "unknown";
  }

  /**
   * The GPUs this process could use: TF Java cannot list them cheaply, so this is the output of
   * {@code nvidia-smi -L} (one device per line, joined by "; ") when it runs, else "none".
   */
  static String gpu() {
    String devices = run(List.of("nvidia-smi", "-L"));
    return devices.equals("unknown") || devices.isBlank() ? "none" : String.join("; ", devices.lines().toList());
  }

  static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String hostName() {
    String h = System.getenv("HOSTNAME");
    return h == null || h.isBlank() ? "unknown" : h;
  }

  /** Output of a git command in the working directory, or "unknown" where git or a repository is missing. */
  static String git(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    return run(command);
  }

  /** Output of {@code command}, or "unknown" where it is missing or fails. */
  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return "unknown";
      }
      return new String(output, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
