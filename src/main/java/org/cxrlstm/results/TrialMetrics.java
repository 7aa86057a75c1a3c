package org.cxrlstm.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.eval.ConfusionMatrix;
import org.cxrlstm.eval.Metrics;

/**
 * The per-class test metrics of trials.csv (paper section 3.3, through {@link ConfusionMatrix}
 * and {@link Metrics}): macro F1 and each class's sensitivity and specificity, computed from a
 * predictions file's {@code partition=test} rows. Computed at merge time from the predictions, so
 * trial folders written before these columns existed get them too. The columns are named for the
 * paper's classes; a dataset with other classes (its predictions' {@code p_<class>} columns) fills
 * those of its classes that carry a paper class's name and leaves the rest blank, and its macro F1
 * is over its own classes.
 */
public final class TrialMetrics {
  /** Canonical class order (docs/results-format.md, "Classes"). */
  static final List<String> CLASSES = Dataset.CLASSES;
  /** The columns this adds to trials.csv, after {@code threads}. */
  public static final List<String> COLUMNS = columns();

  private TrialMetrics() {}

  private static List<String> columns() {
    List<String> c = new ArrayList<>(List.of("test_macro_f1"));
    for (String k : CLASSES) {
      c.add("test_sensitivity_" + k);
      c.add("test_specificity_" + k);
    }
    return List.copyOf(c);
  }

  /** The metric columns of one predictions file (trial folder or merged); blank values if it has no test rows. */
  public static Map<String, String> ofFile(Path predictions) throws IOException {
    PredictionRow.File file = PredictionRow.read(predictions);
    return of(file.test(), file.classes());
  }

  /** The metric columns of prediction {@code rows} whose labels are {@code classes}; blank without rows. */
  public static Map<String, String> of(List<PredictionRow> rows, List<String> classes) {
    if (rows.isEmpty()) {
      Map<String, String> out = new LinkedHashMap<>();
      COLUMNS.forEach(c -> out.put(c, ""));
      return out;
    }
    return of(confusion(rows.stream().map(PredictionRow::label).toList(),
        rows.stream().map(PredictionRow::predicted).toList(), classes), classes);
  }

  /** The confusion matrix of true and predicted class names, both of {@code classes} (as the row readers give them). */
  static ConfusionMatrix confusion(List<String> labels, List<String> predicted, List<String> classes) {
    return ConfusionMatrix.of(classes.size(), labels.stream().mapToInt(classes::indexOf).toArray(),
        predicted.stream().mapToInt(classes::indexOf).toArray());
  }

  /** The metric columns of a confusion matrix over {@link #CLASSES}. */
  public static Map<String, String> of(ConfusionMatrix m) {
    return of(m, CLASSES);
  }

  /** The metric columns of a confusion matrix over {@code classes}: blank for a paper class it lacks. */
  public static Map<String, String> of(ConfusionMatrix m, List<String> classes) {
    Map<String, String> out = new LinkedHashMap<>();
    COLUMNS.forEach(c -> out.put(c, ""));
    out.put("test_macro_f1", TrialFiles.number(Metrics.macro(m).f1()));
    for (int c = 0; c < classes.size(); c++) {
      if (CLASSES.contains(classes.get(c))) {
        Metrics x = Metrics.of(m, c);
        out.put("test_sensitivity_" + classes.get(c), TrialFiles.number(x.sensitivity()));
        out.put("test_specificity_" + classes.get(c), TrialFiles.number(x.specificity()));
      }
    }
    return out;
  }
}
