package org.cxrlstm.command;

import java.io.PrintStream;
import java.nio.file.Path;
import org.cxrlstm.report.Report;

/** What happens after a merge: the tables, plots and report of the {@code report} package. */
final class Reporting {
  private Reporting() {}

  /**
   * Makes tables/, plots/, report.md and report.html from the merged CSVs in {@code resultsDir}
   * ({@link Report#write}); {@code -Dexperiment=report -Dresults=DIR} does the same later.
   */
  static void afterMerge(Path resultsDir, PrintStream out) throws Exception {
    try {
      Path report = Report.write(resultsDir);
      out.println("wrote " + report + " and " + report.resolveSibling("report.html"));
    } catch (Exception e) {
      throw new IllegalStateException("the trials are finished and merged in " + resultsDir
          + ", but the report failed (rerun -Dexperiment=report -Dresults=" + resultsDir + "): " + e.getMessage(), e);
    }
  }
}
