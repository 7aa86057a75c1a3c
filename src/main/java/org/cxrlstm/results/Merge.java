package org.cxrlstm.results;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      List<List<String>> trialRows = new ArrayList<>();
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
        Path predictions = dir.resolve("predictions.csv");
        if (Files.exists(predictions)) {
          props.putAll(TrialMetrics.ofFile(predictions));
        }
        finished.add(t);
        trialRows.add(labelled(experiment, TrialRow.of(t, status, props).cells()));
      }
      writeTrials(layout.merged("trials.csv"), trialRows);
      concatenate(layout, finished, "epochs.csv", experiment);
      concatenate(layout, finished, "predictions.csv", experiment);
      concatenate(layout, finished, "gradcam.csv", experiment);
      Ensemble.write(layout, finished, done, layout.merged("ensemble_predictions.csv"), experiment);
      ArmSummary.write(layout.merged("trials.csv"), layout.merged("ensemble_predictions.csv"),
          layout.merged("summary.csv"), experiment);
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

  private static void writeTrials(Path file, List<List<String>> rows) throws IOException {
    Csv.write(file, labelled(TrialRow.header()), rows);
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
      int at = name.equals("predictions.csv") && !table.has("partition") ? table.header().indexOf("index") : -1;
      List<String> columns = at >= 0 ? withPartition(table.header(), at, "partition") : table.header();
      if (header == null) {
        header = columns;
      } else if (!header.equals(columns)) {
        throw new IOException(file + " has columns " + columns + " but earlier trials have " + header);
      }
      for (Csv.Row row : table.rows()) {
        rows.add(labelled(experiment, at >= 0 ? withPartition(row.values(), at, TrialMetrics.TEST) : row.values()));
      }
    }
    Path target = layout.merged(name);
    if (header == null) {
      Files.deleteIfExists(target);
      return;
    }
    Csv.write(target, labelled(header), rows);
  }

  /**
   * A predictions header or row with {@code partition} (the column's name, or {@code test} in a
   * row) inserted at {@code at}, before {@code index}: trial folders written before validation
   * predictions were kept held test rows only.
   */
  private static List<String> withPartition(List<String> cells, int at, String partition) {
    List<String> out = new ArrayList<>(cells);
    out.add(at, partition);
    return out;
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
