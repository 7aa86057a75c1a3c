package org.cxrlstm.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.cxrlstm.cluster.LocalWorkers;
import org.cxrlstm.config.ExperimentFile;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.Trial;
import org.cxrlstm.protocol.Plan;
import org.cxrlstm.protocol.ScaleOut;
import org.cxrlstm.protocol.StopRequest;
import org.cxrlstm.protocol.SweepProgress;
import org.cxrlstm.protocol.TrialRunner;
import org.cxrlstm.protocol.TrialTraining;
import org.cxrlstm.results.Merge;
import org.cxrlstm.results.ResultsLayout;
import org.cxrlstm.results.io.AtomicFiles;
import org.cxrlstm.results.io.PropertiesText;
import org.cxrlstm.train.PreemptedException;

/**
 * An experiment that is a file, {@code experiments/NAME.properties}: its settings (with
 * {@code -Dkey=value} overrides) are resolved against {@link Keys}, expanded into a {@link Plan},
 * and run trial by trial, or one trial ({@code -Dtrial=N}, {@code SLURM_ARRAY_TASK_ID},
 * {@code JOB_COMPLETION_INDEX}), or only planned ({@code -Dplan=true}) or merged ({@code -Dmerge=true}).
 */
public final class SweepExperiment implements Experiment {
  /** Version of the results layout; a folder written by another version is refused, not mixed. */
  static final String FORMAT = "1";
  static final List<String> INDEX_VARIABLES = List.of("SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX");

  private final String name;
  private final Path file;
  private final Map<String, String> env;
  private final TrialTraining.Factory training;
  private final PrintStream out;

  SweepExperiment(String name, Path file, Map<String, String> env, TrialTraining.Factory training, PrintStream out) {
    this.name = name;
    this.file = file;
    this.env = Map.copyOf(env);
    this.training = training;
    this.out = out;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return ExperimentFile.description(file);
  }

  @Override
  public Schema schema() {
    return Keys.sweep(name);
  }

  /** The file's settings with {@code overrides} on top, checked against {@link Keys}. */
  @Override
  public Settings resolve(Settings overrides) throws IOException {
    Map<String, String> written = ExperimentFile.read(file);
    try {
      return Keys.resolve(name, Settings.of(written).with(overrides.asMap()));
    } catch (SettingException e) {
      // a key the file gives and the command line does not override: point at its line
      if (written.containsKey(e.key()) && !overrides.has(e.key())) {
        throw e.at(file + " line " + ExperimentFile.line(file, e.key()));
      }
      throw e;
    }
  }

  @Override
  public void run(Settings overrides) throws Exception {
    run(resolve(overrides), overrides);
  }

  @Override
  public void execute(Settings resolved) throws Exception {
    run(resolved, resolved);
  }

  /** Runs with resolved settings {@code s}; {@code overrides} (the command line) are handed to workers and jobs. */
  private void run(Settings s, Settings overrides) throws Exception {
    ResultsLayout layout = ResultsLayout.of(s, name);
    Plan plan = Plan.of(s);
    if (s.bool("fresh", false)) {
      moveAside(layout);
    }
    if (s.bool("plan", false)) {
      try (AtomicFiles.Held lock = AtomicFiles.lock(layout.lock("setup"))) {
        checkFormat(layout);
        writeConfig(layout, s);
        plan.write(layout.plan());
      }
      out.println("wrote " + layout.plan() + ": " + plan.size() + " trials (indices 0.." + (plan.size() - 1) + ")");
      return;
    }
    if (!s.string("emit").equals("none")) {
      try (AtomicFiles.Held lock = AtomicFiles.lock(layout.lock("setup"))) {
        checkFormat(layout);
        writeConfig(layout, s);
        plan.write(layout.plan());
      }
      ScaleOut.emit(name, s, overrides.asMap(), plan.size(), layout, out);
      return;
    }
    if (s.bool("merge", false)) {
      Merge.Summary summary = Merge.run(layout, plan.trials(), out);
      Reporting.afterMerge(layout.root(), out);
      if (!summary.failed().isEmpty()) {
        throw new IllegalStateException(summary.failed().size() + " trial(s) failed; see above");
      }
      return;
    }
    OptionalInt index = trialIndex(s, env);
    if (index.isEmpty() && s.integer("workers") > 1) {
      runWorkers(layout, plan, s, overrides);
      return;
    }
    List<Trial> todo = index.isPresent() ? List.of(plan.trial(index.getAsInt())) : plan.trials();
    prepare(layout, plan, s, index.isPresent());
    List<TrialRunner.Result> failed;
    try (StopRequest stop = StopRequest.install();
        SweepProgress progress = SweepProgress.open(out, name, todo.size())) {
      PrintStream console = progress.out();
      TrialTraining work = training.open(s, layout, plan, console);
      failed = runAll(new TrialRunner(layout, s, work, console, progress), progress, todo, plan.size());
    }
    if (index.isEmpty()) {
      Merge.run(layout, plan.trials(), out);
      Reporting.afterMerge(layout.root(), out);
    }
    if (!failed.isEmpty()) {
      StringBuilder msg = new StringBuilder(failed.size() + " of " + todo.size() + " trial(s) failed (finished trials kept in "
          + layout.root() + "; run again to retry):");
      failed.forEach(r -> msg.append("\n  ").append(r.trial().index()).append(' ').append(r.trial().id())
          .append(": ").append(r.message()));
      throw new IllegalStateException(msg.toString());
    }
  }

  private static List<TrialRunner.Result> runAll(TrialRunner runner, SweepProgress progress, List<Trial> todo,
      int planned) throws IOException {
    PrintStream out = progress.out();
    List<TrialRunner.Result> failed = new ArrayList<>();
    long start = System.nanoTime();
    int ran = 0;
    for (int i = 0; i < todo.size(); i++) {
      Trial t = todo.get(i);
      if (StopRequest.requested()) {
        throw new PreemptedException("stopped on request before trial " + t.index() + " (" + t.id() + ")");
      }
      out.printf(Locale.ROOT, "== trial %d of %d: %s %s%n", t.index(), planned, t.id(), t.settings());
      TrialRunner.Result r = runner.run(t);
      if (r.outcome() == TrialRunner.Outcome.FAILED) {
        failed.add(r);
      }
      boolean trained = r.outcome() != TrialRunner.Outcome.SKIPPED && r.outcome() != TrialRunner.Outcome.BUSY;
      progress.endTrial(trained);
      if (trained) {
        ran++;
        double each = (System.nanoTime() - start) / 1e9 / ran;
        out.printf(Locale.ROOT, "   %s: %s; %d trial(s) left in this process, about %.0f s%n", t.id(), r.status(),
            todo.size() - i - 1, each * (todo.size() - i - 1));
      }
    }
    return failed;
  }

  /** {@code -Dworkers=K}: the unfinished trials as child JVMs, K at a time (docs/cluster.md), then the merge. */
  private void runWorkers(ResultsLayout layout, Plan plan, Settings s, Settings overrides) throws Exception {
    prepare(layout, plan, s, false);
    List<Integer> todo = plan.trials().stream()
        .filter(t -> !Files.exists(layout.trial(t.id()).resolve(ResultsLayout.DONE)))
        .map(Trial::index).toList();
    List<LocalWorkers.Outcome> failed =
        ScaleOut.runWorkers(name, s.integer("workers"), overrides.asMap(), todo, layout, out);
    Merge.run(layout, plan.trials(), out);
    Reporting.afterMerge(layout.root(), out);
    if (!failed.isEmpty()) {
      StringBuilder msg = new StringBuilder(failed.size() + " of " + todo.size() + " worker process(es) failed:");
      failed.forEach(o -> msg.append("\n  trial ").append(o.index()).append(": exit code ").append(o.exitCode())
          .append(", log ").append(o.log()));
      throw new IllegalStateException(msg.toString());
    }
  }

  /** The trial index from {@code -Dtrial}, else from a job array's environment, else none (all trials). */
  public static OptionalInt trialIndex(Settings s, Map<String, String> env) {
    if (s.has("trial")) {
      return OptionalInt.of(s.integer("trial"));
    }
    for (String variable : INDEX_VARIABLES) {
      String v = env.get(variable);
      if (v != null && !v.isBlank()) {
        try {
          return OptionalInt.of(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
          throw new SettingException(variable, v, "(environment) is not a trial index");
        }
      }
    }
    return OptionalInt.empty();
  }

  /** Config, format check and plan, under one lock so that concurrent trials agree. */
  private void prepare(ResultsLayout layout, Plan plan, Settings s, boolean oneTrial) throws IOException {
    try (AtomicFiles.Held lock = AtomicFiles.lock(layout.lock("setup"))) {
      checkFormat(layout);
      if (oneTrial && Files.exists(layout.plan()) && !plan.matches(layout.plan())) {
        throw new SettingException("trial", s.string("trial", "(from the environment)"), "refers to "
            + layout.plan() + ", which was written for other settings; rerun with -Dplan=true after changing them");
      }
      if (!oneTrial || !Files.exists(layout.plan())) {
        plan.write(layout.plan());
      }
      writeConfig(layout, s);
    }
  }

  private void checkFormat(ResultsLayout layout) throws IOException {
    Path config = Files.exists(layout.config()) ? layout.config() : layout.legacyConfig();
    if (Files.exists(config)) {
      String format = PropertiesText.read(config).get("results.format");
      if (!FORMAT.equals(format)) {
        throw new IOException(layout.root() + " was written by another version of cxr-lstm (results.format "
            + format + ", this version writes " + FORMAT + "); use another results.dir or -Dfresh=true");
      }
    }
  }

  private void writeConfig(ResultsLayout layout, Settings s) throws IOException {
    Map<String, String> config = new LinkedHashMap<>(s.asMap());
    Keys.PROCESS_KEYS.forEach(config::remove);
    config.put("experiment", name);
    config.put("results.format", FORMAT);
    AtomicFiles.writeProperties(layout.config(), "cxr-lstm resolved settings of experiment " + name, config);
  }

  private void moveAside(ResultsLayout layout) throws IOException {
    if (Files.exists(layout.root())) {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      Path aside = layout.root().resolveSibling(layout.root().getFileName() + ".old-" + stamp);
      AtomicFiles.rename(layout.root(), aside);
      out.println("moved the previous results to " + aside);
    }
  }
}
