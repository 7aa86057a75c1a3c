package org.cxrlstm.experiment;

import java.io.PrintStream;
import java.nio.file.Path;

/** What happens after a merge: the tables, plots and report of the {@code report} package. */
final class Reporting {
  private Reporting() {}

  /**
   * Makes tables, plots and report.md/report.html from the merged CSVs in {@code resultsDir}.
   *
   * <p>TODO(report): call {@code org.cxrlstm.report.Report.write(resultsDir)} once the report
   * package is on main; until then the merged CSVs are the experiment's output.
   */
  static void afterMerge(Path resultsDir, PrintStream out) throws Exception {
    out.println("report: not built in this version (org.cxrlstm.report.Report is not on main yet); "
        + "merged CSVs are in " + resultsDir);
  }
}
