package org.cxrlstm.results;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.io.AtomicFiles;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.results.io.PropertiesText;

/**
 * Gathers the finished trials of the plan into the experiment-level CSVs (trials.csv, epochs.csv,
 * predictions.csv, ensemble_predictions.csv, summary.csv, gradcam.csv when present). The per-class
 * test metrics of trials.csv are recomputed here from each trial's test predictions, and a trial
 * written before predictions had a {@code partition} column merges as {@code partition=test}.
 * It reads only finished
 * trial folders, so it may run while other trials still run: it merges what is finished and
 * names what is not. Trial folders of other plans (changed settings) are left out.
 *
 * <p>Every merged row starts with an {@code experiment} column naming the experiment (the results
 * folder's name), so rows stay self-describing when files of several experiments are pooled. Trial
 * folders themselves do not carry it: a trial is identified by its settings alone, so a finished
 * trial folder can serve any experiment whose plan has the same trial id.
 */
public final class Merge {
  /** First column of every merged CSV. */
  public static final String EXPERIMENT = "experiment";
  static final String[] MERGED = {"trials.csv", "epochs.csv", "predictions.csv", "ensemble_predictions.csv",
      "summary.csv", "gradcam.csv"};

  /** What the merge found. */
  public record Summary(int planned, List<String> done, List<String> diverged, List<String> failed,
      List<String> running, List<String> missing) {
    boolean complete() {
      return failed.isEmpty() && running.isEmpty() && missing.isEmpty();
    }
  }

  private Merge() {}

  public static Summary run(ResultsLayout layout, List<Trial> plan, PrintStream out) throws IOException {
    try (AtomicFiles.Held lock = AtomicFiles.lock(layout.lock("merge"))) {
      List<String> done = new ArrayList<>();
      List<String> diverged = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      List<String> running = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      List<Trial> finished = new ArrayList<>();
      String experiment = layout.root().getFileName().toString();
      List<TrialRow> trials = new ArrayList<>();
      List<String> classes = null;
      List<PredictionRow> predictions = new ArrayList<>();
      List<EpochRow> epochs = new ArrayList<>();
      for (Trial t : plan) {
        Path dir = layout.trial(t.id());
        if (!Files.exists(dir.resolve(ResultsLayout.DONE))) {
          (isRunning(layout, t) ? running : missing).add(t.index() + " " + t.id());
          continue;
        }
        Map<String, String> props = PropertiesText.read(dir.resolve(TrialFiles.PROPERTIES));
        String status = props.getOrDefault("status", "failed");
        switch (status) {
          case "done" -> done.add(t.id());
          case "diverged" -> diverged.add(t.id());
          default -> failed.add(t.index() + " " + t.id() + ": " + props.getOrDefault("message", ""));
        }
        Path predictionsFile = dir.resolve("predictions.csv");
        if (Files.exists(predictionsFile)) {
          PredictionRow.File file = PredictionRow.read(predictionsFile);
          if (classes == null) {
            classes = file.classes();
          } else if (!classes.equals(file.classes())) {
            throw new IOException(predictionsFile + " has classes " + file.classes() + ", earlier trials have " + classes);
          }
          props.putAll(TrialMetrics.of(file.test(), classes));
          predictions.addAll(file.rows());
        }
        if (Files.exists(dir.resolve("epochs.csv"))) {
          epochs.addAll(EpochRow.read(dir.resolve("epochs.csv")));
        }
        finished.add(t);
        trials.add(TrialRow.of(t, status, props));
      }
      write(layout.merged("trials.csv"), TrialRow.header(), trials.stream().map(TrialRow::cells).toList(), experiment);
      write(layout.merged("epochs.csv"), EpochRow.header(), epochs.stream().map(EpochRow::cells).toList(), experiment);
      List<EnsembleRow> ensembles = List.of();
      if (classes == null) {
        Files.deleteIfExists(layout.merged("predictions.csv"));
        Files.deleteIfExists(layout.merged("ensemble_predictions.csv"));
      } else {
        write(layout.merged("predictions.csv"), PredictionRow.header(classes),
            predictions.stream().map(PredictionRow::cells).toList(), experiment);
        Set<String> doneIds = Set.copyOf(done);
        ensembles = EnsembleRow.of(predictions.stream().filter(p -> doneIds.contains(p.trialId())).toList(), classes);
        write(layout.merged("ensemble_predictions.csv"), EnsembleRow.header(classes),
            ensembles.stream().map(EnsembleRow::cells).toList(), experiment);
      }
      concatenate(layout, finished, "gradcam.csv", experiment);
      List<SummaryRow> summary = ArmSummary.of(trials, ensembles, classes == null ? TrialMetrics.CLASSES : classes);
      write(layout.merged("summary.csv"), SummaryRow.header(), summary.stream().map(SummaryRow::cells).toList(),
          experiment);
      Summary s = new Summary(plan.size(), done, diverged, failed, running, missing);
      report(s, layout, out);
      Environment.finish(layout);
      return s;
    }
  }

  private static boolean isRunning(ResultsLayout layout, Trial t) throws IOException {
    if (!Files.exists(layout.partial(t.id()))) {
      return false;
    }
    try (AtomicFiles.Held probe = AtomicFiles.tryLock(layout.trialLock(t.id()))) {
      return probe == null;
    }
  }

  /** A merged file: the experiment column, then {@code header}; removed when there are no rows. */
  private static void write(Path file, List<String> header, List<List<String>> rows, String experiment)
      throws IOException {
    if (rows.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Csv.write(file, labelled(header), rows.stream().map(r -> labelled(experiment, r)).toList());
  }

  /**
   * Appends the per-trial {@code name} files of {@code trials} in plan order, each row behind the
   * experiment column; all must share one header.
   */
  private static void concatenate(ResultsLayout layout, List<Trial> trials, String name, String experiment)
      throws IOException {
    List<String> header = null;
    List<List<String>> rows = new ArrayList<>();
    for (Trial t : trials) {
      Path file = layout.trial(t.id()).resolve(name);
      if (!Files.exists(file)) {
        continue;
      }
      Csv.Table table = Csv.read(file);
      if (header == null) {
        header = table.header();
      } else if (!header.equals(table.header())) {
        throw new IOException(file + " has columns " + table.header() + " but earlier trials have " + header);
      }
      table.rows().forEach(r -> rows.add(r.values()));
    }
    if (header == null) {
      Files.deleteIfExists(layout.merged(name));
      return;
    }
    write(layout.merged(name), header, rows, experiment);
  }

  /** {@code header} of a per-trial or merge-internal table as it appears in the merged file. */
  public static List<String> labelled(List<String> header) {
    return labelled(EXPERIMENT, header);
  }

  /** {@code first}, then {@code rest}: the experiment column in front of a header or row. */
  public static List<String> labelled(String first, List<String> rest) {
    List<String> out = new ArrayList<>(rest.size() + 1);
    out.add(first);
    out.addAll(rest);
    return out;
  }

  private static void report(Summary s, ResultsLayout layout, PrintStream out) {
    out.printf("merged %d of %d planned trials into %s: %d done, %d diverged, %d failed%n",
        s.done().size() + s.diverged().size() + s.failed().size(), s.planned(), layout.root(),
        s.done().size(), s.diverged().size(), s.failed().size());
    s.failed().forEach(f -> out.println("  failed:  " + f));
    s.running().forEach(f -> out.println("  running: " + f));
    s.missing().forEach(f -> out.println("  missing: " + f));
  }
}
