package org.cxrlstm.data;

import java.util.List;

/**
 * Bad input data: every problem found, each naming its file (and line or column where one
 * applies), so that all of them can be fixed at once.
 */
public final class DataException extends RuntimeException {
  private final List<String> problems;

  public DataException(String what, List<String> problems) {
    super(what + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  "
        + String.join("\n  ", problems.size() > 50 ? withTail(problems) : problems));
    this.problems = List.copyOf(problems);
  }

  public DataException(String problem) {
    super(problem);
    this.problems = List.of(problem);
  }

  /** Every problem, one per entry. */
  public List<String> problems() {
    return problems;
  }

  private static List<String> withTail(List<String> problems) {
    List<String> shown = new java.util.ArrayList<>(problems.subList(0, 50));
    shown.add("... and " + (problems.size() - 50) + " more");
    return shown;
  }
}
