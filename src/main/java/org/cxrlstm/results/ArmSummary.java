package org.cxrlstm.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cxrlstm.config.Trial;
import org.cxrlstm.eval.ConfusionMatrix;
import org.cxrlstm.eval.Spread;
import org.cxrlstm.results.io.Csv;

/**
 * {@code summary.csv}: per arm (configuration) and metric, the mean, sample standard deviation,
 * minimum and maximum over the arm's fold models (trials with status {@code done}), and the fold
 * ensemble's value where the ensemble has one (accuracy, macro F1, per-class sensitivity and
 * specificity, from ensemble_predictions.csv). Long format: one row per arm and metric.
 */
public final class ArmSummary {
  /** The trials.csv columns summarised, in output order. */
  static final List<String> METRICS = Stream.of(Stream.of("test_accuracy", "test_loss"),
      TrialMetrics.COLUMNS.stream(), Stream.of("val_accuracy", "best_epoch", "seconds"))
      .flatMap(s -> s).toList();
  static final List<String> STATISTICS = List.of("metric", "n", "mean", "sd", "min", "max", "ensemble");

  private ArmSummary() {}

 public  static List<String> header() {
    List<String> h = new ArrayList<>(Trial.ARM_COLUMNS);
    h.addAll(STATISTICS);
    return h;
  }

  /** Writes {@code target} from merged trials and ensemble files; removes it when there are no trials. */
  static void write(Path trials, Path ensemble, Path target, String experiment) throws IOException {
    if (!Files.exists(trials)) {
      Files.deleteIfExists(target);
      return;
    }
    Map<List<String>, List<Map<String, String>>> folds = byArm(Csv.read(trials), true);
    Csv.Table ensembleTable = Files.exists(ensemble) ? Csv.read(ensemble) : null;
    Map<List<String>, List<Map<String, String>>> ensembles = ensembleTable != null
        ? byArm(ensembleTable, false) : Map.of();
    List<String> ensembleClasses = ensembleTable != null
        ? TrialMetrics.classesOf(ensembleTable.header()) : TrialMetrics.CLASSES;
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<List<String>, List<Map<String, String>>> arm : folds.entrySet()) {
      Map<String, String> ensembleValues = ensembleValues(ensembles.getOrDefault(arm.getKey(), List.of()), ensemble,
          ensembleClasses);
      for (String metric : METRICS) {
        double[] v = arm.getValue().stream().map(r -> r.getOrDefault(metric, ""))
            .filter(x -> !x.isBlank()).mapToDouble(x -> parse(x, metric, trials)).filter(Double::isFinite).toArray();
        List<String> row = Merge.labelled(experiment, arm.getKey());
        row.add(metric);
        row.add(String.valueOf(v.length));
        row.addAll(statistics(v));
        row.add(ensembleValues.getOrDefault(metric, ""));
        rows.add(row);
      }
    }
    Csv.write(target, Merge.labelled(header()), rows);
  }

  /** Mean, sample sd (blank below two values), min, max of {@link Spread}; all blank without values. */
  static List<String> statistics(double[] v) {
    Spread s = Spread.of(v);
    if (s.n() == 0) {
      return List.of("", "", "", "");
    }
    return List.of(Double.toString(s.mean()), s.n() > 1 ? Double.toString(s.sd()) : "", Double.toString(s.min()),
        Double.toString(s.max()));
  }

  /** The ensemble's accuracy and the {@link TrialMetrics} columns from its predictions. */
  private static Map<String, String> ensembleValues(List<Map<String, String>> rows, Path file, List<String> classes)
      throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return out;
    }
    try {
      ConfusionMatrix m = TrialMetrics.confusion(rows, classes);
      out.put("test_accuracy", TrialFiles.number(m.accuracy()));
      out.putAll(TrialMetrics.of(m, classes));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Rows grouped by their arm columns in order of first appearance; {@code doneOnly} keeps status done. */
  private static Map<List<String>, List<Map<String, String>>> byArm(Csv.Table table, boolean doneOnly) {
    Map<List<String>, List<Map<String, String>>> arms = new LinkedHashMap<>();
    for (Csv.Row r : table.rows()) {
      Map<String, String> row = r.toMap();
      List<String> arm = Trial.ARM_COLUMNS.stream().map(c -> row.getOrDefault(c, "")).toList();
      List<Map<String, String>> members = arms.computeIfAbsent(arm, a -> new ArrayList<>());
      if (!doneOnly || "done".equals(row.get("status"))) {
        members.add(row);
      }
    }
    return arms;
  }

  private static double parse(String v, String column, Path file) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": column '" + column + "' = '" + v + "' is not a number", e);
    }
  }
}
