package org.cxrlstm.cluster;

/** Run in a child JVM by {@link ClasspathTest}: loads a project class and a dependency. */
final class ClasspathProbe {
  private ClasspathProbe() {}

  public static void main(String[] args) throws Exception {
    System.out.println(Class.forName("org.cxrlstm.Main").getName() + " "
        + Class.forName("org.apache.commons.csv.CSVFormat").getName());
  }
}
