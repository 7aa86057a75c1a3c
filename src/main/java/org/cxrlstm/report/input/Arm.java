package org.cxrlstm.report.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.io.Csv;

/**
 * An arm of an experiment: the trial settings without {@code fold} and {@code seed}
 * (docs/results-format.md), so the fold models of one arm share it and form its ensemble.
 *
 * @param settings value per arm column, in {@link #COLUMNS} order
 */
public record Arm(Map<String, String> settings) {
  /** The trial setting columns of plan.csv and the merged CSVs. */
  public static final List<String> SETTING_COLUMNS = Trial.COLUMNS;
  /** The setting columns that define an arm. */
  public static final List<String> COLUMNS = Trial.ARM_COLUMNS;

  public Arm {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  public static Arm of(Csv.Row row) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String c : COLUMNS) {
      values.put(c, row.get(c));
    }
    if (values.get("arch").isEmpty()) {
      throw row.fail("arch", "", "is blank");
    }
    return new Arm(values);
  }

  /** The arm of a row's setting columns (a column it lacks is blank). */
  public static Arm of(Map<String, String> settings) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String c : COLUMNS) {
      values.put(c, settings.getOrDefault(c, ""));
    }
    return new Arm(values);
  }

  /** One string per arm, equal for equal arms (the setting values in column order). */
  public String key() {
    return String.join("\u0001", settings.values());
  }

  public String arch() {
    return settings.get("arch");
  }

  public String get(String column) {
    return settings.getOrDefault(column, "");
  }

  /** Whether {@code column} means anything for this arm's architecture (the CNN has no LSTM units). */
  public boolean applies(String column) {
    return !column.equals("lstm_units") || arch().equals("cnn-lstm");
  }

  /**
   * The columns whose values differ between this arm and {@code other}; a column that applies to
   * only one of them (lstm_units of a CNN) follows from the architecture and is not counted.
   */
  public List<String> differences(Arm other) {
    List<String> out = new ArrayList<>();
    for (String c : COLUMNS) {
      if (applies(c) && other.applies(c) && !Objects.equals(get(c), other.get(c))) {
        out.add(c);
      }
    }
    return out;
  }

  /** A short name: the architecture and the values of the {@code varied} columns, e.g. {@code cnn-lstm lr=0.001}. */
  public String label(List<String> varied) {
    StringBuilder s = new StringBuilder(arch());
    for (String c : varied) {
      if (!c.equals("arch") && applies(c)) {
        s.append(' ').append(shortName(c)).append('=').append(get(c));
      }
    }
    return s.toString();
  }

  /** The label without the architecture; "all" when only the architecture varies. */
  public String labelWithoutArch(List<String> varied) {
    String l = label(varied);
    return l.equals(arch()) ? "all" : l.substring(arch().length() + 1);
  }

  public static String shortName(String column) {
    return column.equals("learning_rate") ? "lr" : column;
  }

  /** A file-name-safe form of a label. */
  public static String slug(String label) {
    return label.replaceAll("[^A-Za-z0-9.-]+", "_");
  }
}
