package org.cxrlstm.command;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrlstm.cluster.LocalWorkers;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.results.PlanFile;
import org.cxrlstm.results.io.AtomicFiles;
import org.cxrlstm.results.io.Csv;

/**
 * {@code -Dexperiment=bench-workers}: does running trials as K processes at once beat one at a time
 * on this machine? Runs the same sweep ({@code -Dsweep=NAME}, default {@code bench-workers-sweep}: the CPU
 * baseline spec on synthetic images, 2 epochs) once per worker count ({@code -Dworkers.list=1,2}),
 * each from scratch in its own results folder, and writes wall-clock seconds to
 * {@code results/bench-workers/bench-workers.csv}. Worker counts are run in the order given; list a
 * count twice (1,2,1) to see how much the order matters.
 */
final class BenchWorkersExperiment implements Experiment {
  static final String[] COLUMNS = {"sweep", "run", "workers", "threads_per_trial", "cores", "trials", "seconds",
      "seconds_per_trial"};

  private final PrintStream out;

  BenchWorkersExperiment(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "bench-workers";
  }

  @Override
  public String description() {
    return "time one sweep with -Dworkers=1 and 2 (results/bench-workers/bench-workers.csv)";
  }

  @Override
  public Schema schema() {
    return Schema.of("bench-workers",
        Keys.Key.of("sweep", ValueKind.text(), "bench-workers-sweep", "the experiment file timed"),
        Keys.Key.of("workers.list", ValueKind.list(ValueKind.integer(1, 256)), "1,2", "worker counts timed, in order"),
        Keys.get("results.dir"));
  }

  @Override
  public void execute(Settings settings) throws Exception {
    String sweep = settings.string("sweep");
    List<Integer> counts = settings.integers("workers.list");
    Path root = Path.of(settings.string("results.dir")).resolve("bench-workers");
    Experiment experiment = Catalog.standard().find(sweep)
        .orElseThrow(() -> new SettingException("sweep", sweep, "is not an experiment file in experiments/"));
    int cores = Runtime.getRuntime().availableProcessors();
    List<List<Object>> rows = new ArrayList<>();
    for (int run = 0; run < counts.size(); run++) {
      int k = counts.get(run);
      if (k < 1) {
        throw new SettingException("workers.list", settings.string("workers.list"), "has a count below 1");
      }
      Path dir = root.resolve("run" + run + "-k" + k);
      if (Files.exists(dir)) {
        AtomicFiles.deleteRecursively(dir);
      }
      out.printf(Locale.ROOT, "== bench-workers run %d: %s with %d worker(s)%n", run, sweep, k);
      long start = System.nanoTime();
      experiment.run(Settings.of(Map.of("workers", String.valueOf(k), "results.dir", dir.toString())));
      double seconds = (System.nanoTime() - start) / 1e9;
      int trials = PlanFile.readIds(dir.resolve(sweep).resolve(PlanFile.FILE)).size();
      rows.add(List.of(sweep, run, k, LocalWorkers.threadsPerTrial(cores, k), cores, trials, round(seconds),
          round(seconds / trials)));
      out.printf(Locale.ROOT, "   %d worker(s): %d trials in %.1f s (%.1f s per trial)%n", k, trials, seconds,
          seconds / trials);
    }
    Path csv = root.resolve("bench-workers.csv");
    Csv.write(csv, List.of(COLUMNS), rows);
    out.println("wrote " + csv);
  }

  private static String round(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
