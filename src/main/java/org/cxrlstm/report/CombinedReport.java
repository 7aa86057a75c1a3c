package org.cxrlstm.report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cxrlstm.eval.Bootstrap;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.TInterval;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ReportInputException;
import org.cxrlstm.report.input.Results;
import org.cxrlstm.report.input.Trial;
import org.cxrlstm.report.page.Page;
import org.cxrlstm.report.page.Plots;
import org.cxrlstm.report.page.Table;
import org.cxrlstm.report.stats.ArmEvaluation;
import org.cxrlstm.report.stats.Sweeps;
import org.cxrlstm.results.io.AtomicFiles;

/**
 * The arms of several results folders on one chart and in one table ({@code -Dexperiment=report
 * -Dresults=a,b}): each arm's mean test and validation accuracy over its fold models with the 95%
 * t-interval over those models (training and test variance). When the pooled arms differ in one
 * numeric setting besides the architecture (a learning rate or an epoch budget), the chart has that
 * setting on its x axis, one line per folder and architecture; otherwise one bar per arm.
 */
public final class CombinedReport {
  private static final Set<String> NUMERIC = Set.of("learning_rate", "epochs", "lstm_units", "batch_size", "dropout");

  private record Row(String folder, ArmEvaluation arm, Estimate test, Estimate validation) {}

  private CombinedReport() {}

  /** Writes report.md, report.html, tables/ and plots/ of the combined arms into {@code out}. */
  public static Path write(List<Path> dirs, Path out) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<Arm> arms = new ArrayList<>();
    for (Path dir : dirs) {
      Results results = Results.load(dir);
      if (results.trials().isEmpty()) {
        throw new ReportInputException(dir + ": no trials.csv rows to combine");
      }
      Bootstrap bootstrap = new Bootstrap(Report.bootstrapSeed(results.config()));
      for (Arm arm : results.arms()) {
        ArmEvaluation e = ArmEvaluation.of(arm, results, bootstrap);
        double[] validation = results.trials().stream().filter(t -> t.arm().equals(arm) && t.done())
            .mapToDouble(Trial::valAccuracy).toArray();
        rows.add(new Row(dir.getFileName().toString(), e, TInterval.of(e.foldValues("accuracy", -1)),
            TInterval.of(validation)));
        arms.add(arm);
      }
    }
    List<String> varied = Sweeps.variedColumns(arms);
    List<String> settings = varied.stream().filter(c -> !c.equals("arch")).toList();
    Path plots = out.resolve("plots");
    Path tables = out.resolve("tables");
    Files.createDirectories(plots);
    Files.createDirectories(tables);
    Plots charts = new Plots(plots);
    Page page = new Page();
    page.heading(1, "Combined report: " + String.join(", ", dirs.stream().map(d -> d.getFileName().toString()).toList()));
    page.text("**" + Report.NOT_CLINICAL + "**");
    String caption = ": mean test accuracy of each arm's fold models; band or bar = 95% t-interval over the models "
        + "(includes training variance). Validation accuracy in the table.";
    if (settings.size() == 1 && NUMERIC.contains(settings.get(0))) {
      String setting = settings.get(0);
      Map<String, List<Row>> groups = new LinkedHashMap<>();
      for (Row r : rows) {
        groups.computeIfAbsent(r.folder() + " " + r.arm().arm().arch(), k -> new ArrayList<>()).add(r);
      }
      List<Plots.Line> lines = new ArrayList<>();
      List<Integer> shades = Plots.shades(groups.values().stream().map(g -> g.get(0).arm().arm().arch()).toList());
      int g = 0;
      for (Map.Entry<String, List<Row>> e : groups.entrySet()) {
        List<Row> sorted = e.getValue().stream()
            .sorted((x, y) -> Double.compare(value(x, setting), value(y, setting))).toList();
        lines.add(new Plots.Line(e.getKey(), sorted.get(0).arm().arm().arch(), shades.get(g++),
            sorted.stream().mapToDouble(r -> value(r, setting)).toArray(),
            sorted.stream().mapToDouble(r -> r.test().value()).toArray(),
            sorted.stream().mapToDouble(r -> bound(r.test(), true)).toArray(),
            sorted.stream().mapToDouble(r -> bound(r.test(), false)).toArray()));
      }
      boolean log = setting.equals("learning_rate");
      page.image(charts.lines("combined-accuracy", "Test accuracy against " + Arm.shortName(setting), setting
          + (log ? " (log scale)" : ""), "test accuracy", lines, log, false),
          "Test accuracy against " + Arm.shortName(setting) + caption);
    } else {
      List<String> categories = rows.stream().map(r -> r.folder() + ": " + r.arm().arm().labelWithoutArch(varied))
          .distinct().toList();
      List<String> archs = rows.stream().map(r -> r.arm().arm().arch()).distinct().toList();
      List<double[]> values = new ArrayList<>();
      List<double[]> errors = new ArrayList<>();
      for (String arch : archs) {
        double[] v = new double[categories.size()];
        double[] err = new double[categories.size()];
        for (Row r : rows) {
          if (r.arm().arm().arch().equals(arch)) {
            int k = categories.indexOf(r.folder() + ": " + r.arm().arm().labelWithoutArch(varied));
            v[k] = 100 * r.test().value();
            err[k] = r.test().defined() ? 100 * (r.test().high() - r.test().value()) : 0;
          }
        }
        values.add(v);
        errors.add(err);
      }
      page.image(charts.bars("combined-accuracy", "Test accuracy per arm", "test accuracy %", categories, archs, archs,
          values, errors), "Test accuracy per arm" + caption);
    }
    List<List<String>> cells = new ArrayList<>();
    for (Row r : rows) {
      cells.add(List.of(r.folder(), r.arm().arm().label(varied), String.valueOf(r.arm().foldValues("accuracy", -1).length),
          percent(r.test()), percent(r.validation())));
    }
    Table table = new Table("combined-arms", "Every arm of the combined folders: mean accuracy of its fold models "
        + "[95% t-interval over the models]", List.of("folder", "arm", "models", "test accuracy %",
        "validation accuracy %"), cells);
    table.write(tables);
    page.table(table);
    Path md = out.resolve("report.md");
    AtomicFiles.writeString(md, page.markdown());
    AtomicFiles.writeString(out.resolve("report.html"), page.html("Combined report"));
    return md;
  }

  private static double value(Row r, String setting) {
    return Double.parseDouble(r.arm().arm().get(setting));
  }

  private static double bound(Estimate e, boolean low) {
    double b = low ? e.low() : e.high();
    return Double.isNaN(b) ? e.value() : b;
  }

  private static String percent(Estimate e) {
    if (!e.defined()) {
      return Double.isNaN(e.value()) ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * e.value());
    }
    return String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", 100 * e.value(), 100 * e.low(), 100 * e.high());
  }
}
