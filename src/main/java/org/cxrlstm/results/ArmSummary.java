package org.cxrlstm.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cxrlstm.config.Trial;
import org.cxrlstm.eval.ConfusionMatrix;

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

  private ArmSummary() {}

  /**
   * The rows of summary.csv: per arm of {@code trials} (order of first appearance) and metric, the
   * statistics over its done fold models and the value of its ensemble in {@code ensembles}.
   */
  static List<SummaryRow> of(List<TrialRow> trials, List<EnsembleRow> ensembles, List<String> classes) {
    Map<Map<String, String>, List<TrialRow>> arms = new LinkedHashMap<>();
    for (TrialRow t : trials) {
      arms.computeIfAbsent(arm(t.settings()), a -> new ArrayList<>()).add(t);
    }
    List<SummaryRow> out = new ArrayList<>();
    for (Map.Entry<Map<String, String>, List<TrialRow>> arm : arms.entrySet()) {
      List<TrialRow> members = arm.getValue().stream().filter(TrialRow::done).toList();
      Map<String, Double> ensemble = ensembleValues(ensembles.stream().filter(e -> e.arm().equals(arm.getKey()))
          .toList(), classes);
      for (String metric : METRICS) {
        double[] v = members.stream().mapToDouble(t -> t.real(metric)).filter(Double::isFinite).toArray();
        out.add(SummaryRow.of(arm.getKey(), metric, v, ensemble.getOrDefault(metric, Double.NaN)));
      }
    }
    return out;
  }

  private static Map<String, String> arm(Map<String, String> settings) {
    Map<String, String> arm = new LinkedHashMap<>();
    Trial.ARM_COLUMNS.forEach(c -> arm.put(c, settings.getOrDefault(c, "")));
    return arm;
  }

  /** The ensemble's accuracy and the {@link TrialMetrics} columns from its predictions. */
  private static Map<String, Double> ensembleValues(List<EnsembleRow> rows, List<String> classes) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return out;
    }
    ConfusionMatrix m = TrialMetrics.confusion(rows.stream().map(EnsembleRow::label).toList(),
        rows.stream().map(EnsembleRow::predicted).toList(), classes);
    out.put("test_accuracy", m.accuracy());
    TrialMetrics.of(m, classes).forEach((k, v) -> out.put(k, v.isEmpty() ? Double.NaN : Double.parseDouble(v)));
    return out;
  }
}
