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
import org.cxrlstm.results.io.Csv;

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
  public static final String TEST = "test";
  public static final String VALIDATION = "validation";

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
    Csv.Table table = Csv.read(predictions);
    List<Map<String, String>> rows = new ArrayList<>();
    for (Csv.Row r : table.rows()) {
      rows.add(r.toMap());
    }
    try {
      return of(testRows(rows), classesOf(table.header()));
    } catch (IllegalArgumentException e) {
      throw new IOException(predictions + ": " + e.getMessage(), e);
    }
  }

  /** Rows of the test partition; a row without a partition column is a test row (files written before it). */
  static List<Map<String, String>> testRows(List<Map<String, String>> rows) {
    return rows.stream().filter(TrialMetrics::isTest).toList();
  }

  static boolean isTest(Map<String, String> row) {
    String p = row.get("partition");
    return p == null || p.isEmpty() || p.equals(TEST);
  }

  /** The classes of a predictions header: its {@code p_<class>} columns in order; the paper's when it has none. */
  static List<String> classesOf(List<String> header) {
    List<String> classes = header.stream().filter(h -> h.startsWith("p_")).map(h -> h.substring(2)).toList();
    return classes.isEmpty() ? CLASSES : classes;
  }

  /** The metric columns of {@code rows} over the paper's classes (columns label and predicted as class names). */
  public static Map<String, String> of(List<Map<String, String>> rows) {
    return of(rows, CLASSES);
  }

  /** The metric columns of {@code rows} whose labels are {@code classes}. */
  public static Map<String, String> of(List<Map<String, String>> rows, List<String> classes) {
    if (rows.isEmpty()) {
      Map<String, String> out = new LinkedHashMap<>();
      COLUMNS.forEach(c -> out.put(c, ""));
      return out;
    }
    return of(confusion(rows, classes), classes);
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

  public static ConfusionMatrix confusion(List<Map<String, String>> rows) {
    return confusion(rows, CLASSES);
  }

  public static ConfusionMatrix confusion(List<Map<String, String>> rows, List<String> classes) {
    int[] labels = new int[rows.size()];
    int[] predicted = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      labels[i] = classIndex(rows.get(i), "label", classes);
      predicted[i] = classIndex(rows.get(i), "predicted", classes);
    }
    return ConfusionMatrix.of(classes.size(), labels, predicted);
  }

  private static int classIndex(Map<String, String> row, String column, List<String> classes) {
    String v = row.get(column);
    int k = v == null ? -1 : classes.indexOf(v);
    if (k < 0) {
      throw new IllegalArgumentException("column '" + column + "' = '" + v + "' is not one of " + classes
          + " (image " + row.get("index") + ")");
    }
    return k;
  }
}
