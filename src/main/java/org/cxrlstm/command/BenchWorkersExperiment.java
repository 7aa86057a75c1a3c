package org.cxrlstm.command;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.cxrlstm.results.TrialRow;
import org.cxrlstm.results.io.AtomicFiles;
import org.cxrlstm.results.io.Csv;

/**
 * {@code -Dexperiment=bench-workers}: which way of running a sweep is fastest on this machine? Times
 * the same sweep ({@code -Dsweep=NAME}, default {@code bench-workers-sweep}) once per plan, each from
 * scratch in its own results folder, and writes wall-clock seconds to
 * {@code results/bench-workers/bench-workers.csv}. A plan is a set of settings laid over the sweep:
 * {@code -Dbench.plans="workers=1; workers=2; xla=true; inter.threads=2; precision=bf16"} (plans
 * separated by ';', settings within a plan by spaces). Without {@code bench.plans} the plans are
 * {@code workers=K} for each K of {@code workers.list}. {@code bench.rounds = R} runs the plans R
 * times, every other round in reverse order, so drift over the run window does not favour a plan.
 * An {@code xla=true} plan needs the bench itself started with
 * {@code TF_XLA_FLAGS=--tf_xla_cpu_global_jit} (plans without it keep XLA off).
 */
final class BenchWorkersExperiment implements Experiment {
  static final String[] COLUMNS = {"sweep", "run", "round", "plan", "workers", "threads_per_trial", "cores", "trials",
      "seconds", "seconds_per_trial", "trials_done"};

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
    return "time one sweep under several plans (workers, threads, XLA, precision; results/bench-workers/bench-workers.csv)";
  }

  @Override
  public Schema schema() {
    return Schema.of("bench-workers",
        Keys.Key.of("sweep", ValueKind.text(), "bench-workers-sweep", "the experiment file timed"),
        Keys.Key.of("workers.list", ValueKind.list(ValueKind.integer(1, 256)), "1,2",
            "worker counts timed, in order (used when bench.plans is blank)"),
        Keys.Key.of("bench.plans", ValueKind.text(), "",
            "plans separated by ';', each 'key=value key=value' laid over the sweep; blank = workers=K per workers.list"),
        Keys.Key.of("bench.rounds", ValueKind.integer(1, 100), "1", "times the plans run, every other round reversed"),
        Keys.get("results.dir"));
  }

  /** The plans of {@code settings}, each an ordered map of setting overrides. */
  static List<Map<String, String>> plans(Settings settings) {
    List<Map<String, String>> plans = new ArrayList<>();
    if (!settings.has("bench.plans")) {
      settings.integers("workers.list").forEach(k -> plans.add(Map.of("workers", String.valueOf(k))));
      return plans;
    }
    for (String plan : settings.string("bench.plans").split(";")) {
      Map<String, String> overrides = new LinkedHashMap<>();
      for (String pair : plan.trim().split("\\s+")) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new SettingException("bench.plans", settings.string("bench.plans"),
              "has '" + pair + "', not key=value (plans are separated by ';', settings by spaces)");
        }
        overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      plans.add(overrides);
    }
    return plans;
  }

  /** Plan indices in run order: rounds alternate forward and reverse. */
  static List<int[]> order(int plans, int rounds) {
    List<int[]> out = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < plans; i++) {
        out.add(new int[] {r, r % 2 == 0 ? i : plans - 1 - i});
      }
    }
    return out;
  }

  static String label(Map<String, String> plan) {
    return plan.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("");
  }

  @Override
  public void execute(Settings settings) throws Exception {
    String sweep = settings.string("sweep");
    List<Map<String, String>> plans = plans(settings);
    Path root = Path.of(settings.string("results.dir")).resolve("bench-workers");
    Experiment experiment = Catalog.standard().find(sweep)
        .orElseThrow(() -> new SettingException("sweep", sweep, "is not an experiment file in experiments/"));
    int cores = Runtime.getRuntime().availableProcessors();
    List<List<Object>> rows = new ArrayList<>();
    int run = 0;
    for (int[] step : order(plans.size(), settings.integer("bench.rounds"))) {
      Map<String, String> plan = plans.get(step[1]);
      int k = Integer.parseInt(plan.getOrDefault("workers", "1"));
      Path dir = root.resolve("run" + run);
      if (Files.exists(dir)) {
        AtomicFiles.deleteRecursively(dir);
      }
      out.printf(Locale.ROOT, "== bench-workers run %d (round %d): %s with %s%n", run, step[0], sweep, label(plan));
      Map<String, String> overrides = new LinkedHashMap<>(plan);
      overrides.put("results.dir", dir.toString());
      long start = System.nanoTime();
      experiment.run(Settings.of(overrides));
      double seconds = (System.nanoTime() - start) / 1e9;
      int trials = PlanFile.readIds(dir.resolve(sweep).resolve(PlanFile.FILE)).size();
      String threads = plan.containsKey("threads") ? plan.get("threads")
          : String.valueOf(k > 1 ? LocalWorkers.threadsPerTrial(cores, k) : cores);
      Path trialsFile = dir.resolve(sweep).resolve("trials.csv");
      long done = Files.exists(trialsFile) ? TrialRow.read(trialsFile).stream().filter(TrialRow::done).count() : 0;
      rows.add(List.of(sweep, run, step[0], label(plan), k, threads, cores, trials, round(seconds),
          round(seconds / trials), done));
      // a plan whose trials diverged or failed stopped early: its time says nothing about speed
      out.printf(Locale.ROOT, "   %s: %d trials in %.1f s (%.1f s per trial)%s%n", label(plan), trials, seconds,
          seconds / trials, done < trials ? "; only " + done + " finished (not a speed measurement)" : "");
      run++;
    }
    Path csv = root.resolve("bench-workers.csv");
    Csv.write(csv, List.of(COLUMNS), rows);
    out.println("wrote " + csv);
  }

  private static String round(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
