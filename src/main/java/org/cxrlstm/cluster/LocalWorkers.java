package org.cxrlstm.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs trials as separate JVM processes, at most {@code workers} at once, on this machine.
 *
 * <p>Separate processes rather than threads: each trial owns its TensorFlow graph and session and
 * its intra-op thread pool, and a native crash ends one trial, not the sweep. Each child's output
 * goes to {@code logDir/trial-N.log}. The scheduler's index variables are removed from the child's
 * environment so only the explicit index in its command counts.
 */
public final class LocalWorkers {
  /** How one trial process ended. */
  public record Outcome(int index, int exitCode, Path log, Duration wall) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private final int workers;
  private final IntFunction<List<String>> command;
  private final Path workdir;
  private final Path logDir;
  private final PrintStream progress;

  /** {@code command}: the full command line that runs trial {@code index}. */
  public LocalWorkers(int workers, IntFunction<List<String>> command, Path workdir, Path logDir,
      PrintStream progress) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers " + workers + " must be >= 1");
    }
    this.workers = workers;
    this.command = command;
    this.workdir = workdir;
    this.logDir = logDir;
    this.progress = progress;
  }

  /** Threads each of {@code workers} trials gets when they share {@code cores}: cores / workers, at least 1. */
  public static int threadsPerTrial(int cores, int workers) {
    return Math.max(1, cores / workers);
  }

  /** Runs every index (in order of submission, {@code workers} at a time); returns one outcome per index. */
  public List<Outcome> run(List<Integer> indices) throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "trial-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int index : indices) {
        futures.add(pool.submit(() -> runOne(index)));
      }
      List<Outcome> out = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      throw new IOException("a trial worker failed to start: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Outcome runOne(int index) throws IOException, InterruptedException {
    Path log = logDir.resolve("trial-" + index + ".log");
    ProcessBuilder pb = new ProcessBuilder(command.apply(index))
        .directory(workdir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().remove("SLURM_ARRAY_TASK_ID");
    pb.environment().remove("JOB_COMPLETION_INDEX");
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
    long start = System.nanoTime();
    Process p = pb.start();
    try {
      int code = p.waitFor();
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      synchronized (progress) {
        progress.printf(Locale.ROOT, "trial %d %s in %.1f s (log %s)%n", index,
            code == 0 ? "ended" : "FAILED with exit code " + code, wall.toMillis() / 1000.0, log);
      }
      return new Outcome(index, code, log, wall);
    } finally {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }
}
