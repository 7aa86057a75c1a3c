package org.cxrlstm.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.results.io.Csv;

/**
 * What the row records of this package share: the setting columns every row carries, the
 * probability columns of the predictions files, and the numbers' spelling.
 */
final class Rows {
  private Rows() {}

  /** Column name of class {@code c}'s probability. */
  static String probabilityColumn(String c) {
    return "p_" + c;
  }

  /** The classes named by the {@code p_<class>} columns of {@code header}, in order; the paper's when it has none. */
  static List<String> classesOf(List<String> header) {
    List<String> classes = header.stream().filter(h -> h.startsWith("p_")).map(h -> h.substring(2)).toList();
    return classes.isEmpty() ? Dataset.CLASSES : classes;
  }

  /** The setting columns of {@code r}: {@code arch} not blank, {@code fold} a whole number, {@code seed} one if given. */
  static Map<String, String> settings(Csv.Row r) {
    r.nonBlank("arch");
    r.integer("fold");
    if (r.has("seed") && !r.get("seed").isBlank()) {
      try {
        Long.parseLong(r.get("seed").trim());
      } catch (NumberFormatException e) {
        throw r.fail("seed", r.get("seed"), "is not a whole number");
      }
    }
    return values(r, Trial.COLUMNS);
  }

  /** The arm columns of {@code r} ({@code arch} must not be blank). */
  static Map<String, String> arm(Csv.Row r) {
    r.nonBlank("arch");
    return values(r, Trial.ARM_COLUMNS);
  }

  /** The values of {@code columns} in {@code r}; a column the file lacks (written before it existed) is blank. */
  static Map<String, String> values(Csv.Row r, List<String> columns) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String c : columns) {
      out.put(c, r.has(c) ? r.get(c) : "");
    }
    return out;
  }

  /** {@code values} of {@code columns} in order, blank where missing. */
  static List<String> cells(Map<String, String> values, List<String> columns) {
    return columns.stream().map(c -> values.getOrDefault(c, "")).toList();
  }

  /** The probabilities of {@code classes} in {@code r}, each checked to be in [0, 1]. */
  static double[] probabilities(Csv.Row r, List<String> classes) {
    double[] p = new double[classes.size()];
    for (int k = 0; k < p.length; k++) {
      String column = probabilityColumn(classes.get(k));
      p[k] = r.real(column);
      if (!(p[k] >= 0 && p[k] <= 1)) {
        throw r.fail(column, r.get(column), "is not a probability in [0, 1]");
      }
    }
    return p;
  }

  /** Probabilities as written: each a float from TensorFlow, so its shortest float spelling loses nothing. */
  static void addProbabilities(List<String> row, double[] p) {
    for (double v : p) {
      row.add(Float.toString((float) v));
    }
  }

  /**
   * A class column as one of {@code classes}: the name (in any case when no class has exactly that
   * name), or (files of an early format) the class's index.
   */
  static String className(Csv.Row r, String column, List<String> classes) {
    String v = r.nonBlank(column).trim();
    if (classes.contains(v)) {
      return v;
    }
    for (String c : classes) {
      if (c.equalsIgnoreCase(v)) {
        return c;
      }
    }
    if (v.chars().allMatch(Character::isDigit) && v.length() < 4 && Integer.parseInt(v) < classes.size()) {
      return classes.get(Integer.parseInt(v));
    }
    throw r.fail(column, v, "is not a known class (allowed: " + String.join(", ", classes) + "; the file has no column '"
        + probabilityColumn(v.toLowerCase(Locale.ROOT)) + "')");
  }

  /** A header: {@code lead}, the setting columns, then {@code rest}. */
  static List<String> header(List<String> lead, List<String> settings, List<String> rest) {
    List<String> h = new ArrayList<>(lead);
    h.addAll(settings);
    h.addAll(rest);
    return h;
  }
}
