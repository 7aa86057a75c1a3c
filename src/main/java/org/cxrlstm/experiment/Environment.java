package org.cxrlstm.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.train.Precision;
import org.tensorflow.TensorFlow;

/**
 * {@code environment.properties}: what machine and code produced the results (git commit and
 * whether the tree was dirty, Java and TensorFlow versions, OS, CPU, cores, threads, precision and
 * why, dataset content hash). Each process that trains rewrites it atomically; trial.properties
 * keeps the per-trial threads and precision.
 */
final class Environment {
  private Environment() {}

  static void write(ResultsLayout layout, Settings s, Plan plan, Dataset dataset) throws IOException {
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
    env.put("threads", String.valueOf(FoldTraining.threads(s)));
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
    env.put("plan.trials", String.valueOf(plan.size()));
    env.put("started", Instant.now().toString());
    env.put("host", hostName());
    AtomicFiles.writeProperties(layout.environment(), "cxr-lstm environment of the last process that trained", env);
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
