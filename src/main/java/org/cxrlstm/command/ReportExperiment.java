package org.cxrlstm.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.report.CombinedReport;
import org.cxrlstm.report.Report;
import org.cxrlstm.report.input.ReportInputException;

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
    return "regenerate tables, plots and report.md/html of -Dresults=results/NAME from its CSVs (-Dresults=a,b: arms of several folders on one chart)";
  }

  @Override
  public Schema schema() {
    return Schema.of("report",
        Keys.Key.of("results", ValueKind.list(ValueKind.text()), null,
            "the results folder to report; several, comma-separated, are combined on one chart"),
        Keys.Key.of("out", ValueKind.text(), "", "where a combined report goes; blank = results/combined-<folder names>"));
  }

  @Override
  public void execute(Settings settings) throws Exception {
    List<String> folders = settings.list("results");
    if (folders.size() > 1) {
      List<Path> dirs = folders.stream().map(Path::of).toList();
      Path target = settings.has("out") ? Path.of(settings.string("out")) : Path.of("results", "combined-"
          + String.join("-", dirs.stream().map(d -> d.getFileName().toString()).toList()));
      try {
        out.println("wrote " + CombinedReport.write(dirs, target) + " and " + target.resolve("report.html"));
      } catch (ReportInputException e) {
        throw new SettingException("results", settings.string("results"), "cannot be combined: " + e.getMessage());
      }
      return;
    }
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
