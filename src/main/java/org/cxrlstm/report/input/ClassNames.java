package org.cxrlstm.report.input;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrlstm.data.Dataset;

/**
 * The classes of one results folder in index order, as the probability columns {@code p_<class>} of
 * its predictions name them; the paper's covid, pneumonia, normal when no predictions say otherwise.
 */
public record ClassNames(List<String> names) {
  public static final ClassNames PAPER = new ClassNames(Dataset.CLASSES);
  private static final Map<String, String> TITLES = Map.of("covid", "COVID-19", "pneumonia", "Pneumonia",
      "normal", "Normal");

  public ClassNames {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no classes");
    }
  }


  public int count() {
    return names.size();
  }

  public String name(int c) {
    return names.get(c);
  }


  /** Index of a class name, or of a class index written as a number; -1 if unknown. */
  public int indexOf(String value) {
    String v = value.trim();
    int byName = names.indexOf(v);
    if (byName < 0) {
      byName = names.indexOf(v.toLowerCase(Locale.ROOT));
    }
    if (byName >= 0) {
      return byName;
    }
    try {
      int i = Integer.parseInt(v);
      return i >= 0 && i < names.size() ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** How tables and plots name class {@code c}: the paper's spelling for its classes, else the name itself. */
  public String title(int c) {
    return TITLES.getOrDefault(names.get(c), names.get(c));
  }

  public List<String> titles() {
    return java.util.stream.IntStream.range(0, count()).mapToObj(this::title).toList();
  }
}
