package org.cxrlstm.command;

import java.io.PrintStream;
import java.nio.file.Path;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.report.Report;
import org.cxrlstm.report.ReportInputException;

/**
 * {@code -Dexperiment=report -Dresults=results/NAME}: regenerates the tables, plots, report.md
 * and report.html of a results folder from its CSV files alone, without training.
 */
final class ReportExperiment implements Experiment {
  private final PrintStream out;

  ReportExperiment(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String description() {
    return "regenerate tables, plots and report.md/html of -Dresults=results/NAME from its CSVs";
  }

  @Override
  public Schema schema() {
    return Schema.of("report", Keys.Key.of("results", ValueKind.text(), null, "the results folder to report"));
  }

  @Override
  public void execute(Settings settings) throws Exception {
    Path dir = Path.of(settings.string("results"));
    Path report;
    try {
      report = Report.write(dir);
    } catch (ReportInputException e) {
      throw new SettingException("results", dir.toString(), "cannot be reported: " + e.getMessage());
    }
    out.println("wrote " + report + ", " + report.resolveSibling("report.html") + ", "
        + dir.resolve("tables") + "/ and " + dir.resolve("plots") + "/");
  }
}
