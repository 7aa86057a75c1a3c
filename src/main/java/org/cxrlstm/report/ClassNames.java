package org.cxrlstm.report;

import java.util.List;

/** The canonical class order of every CSV (the paper's order): covid, pneumonia, normal. */
final class ClassNames {
  static final List<String> ALL = List.of("covid", "pneumonia", "normal");
  static final List<String> TITLES = List.of("COVID-19", "Pneumonia", "Normal");

  private ClassNames() {}

  static int count() {
    return ALL.size();
  }

  /** Index of a class name, or of a class index written as a number; -1 if unknown. */
  static int indexOf(String value) {
    int byName = ALL.indexOf(value.trim().toLowerCase());
    if (byName >= 0) {
      return byName;
    }
    try {
      int i = Integer.parseInt(value.trim());
      return i >= 0 && i < ALL.size() ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String title(int c) {
    return TITLES.get(c);
  }
}
