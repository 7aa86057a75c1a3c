package org.cxrlstm.report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cxrlstm.eval.Bootstrap;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.PairedDifferences;
import org.cxrlstm.eval.TInterval;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ClassNames;
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
 * setting on its x axis, one line per folder and architecture; otherwise one bar per arm. A second
 * table has one row per folder (a dataset or a probe): what it predicts, its CNN and CNN-LSTM with
 * their paired difference over training runs, its metadata baseline and the published number on
 * that data, each as its own report computes them.
 */
public final class CombinedReport {
  private static final Set<String> NUMERIC = Set.of("learning_rate", "epochs", "lstm_units", "batch_size", "dropout");

  private record Row(String folder, ArmEvaluation arm, Estimate test, Estimate validation) {}

  private CombinedReport() {}

  /** Writes report.md, report.html, tables/ and plots/ of the combined arms into {@code out}. */
  public static Path write(List<Path> dirs, Path out) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<Arm> arms = new ArrayList<>();
    List<List<String>> folderCells = new ArrayList<>();
    for (Path dir : dirs) {
      Results results = Results.load(dir);
      if (results.trials().isEmpty()) {
        throw new ReportInputException(dir + ": no trials.csv rows to combine");
      }
      Bootstrap bootstrap = new Bootstrap(Report.bootstrapSeed(results.config()));
      List<ArmEvaluation> evaluations = new ArrayList<>();
      for (Arm arm : results.arms()) {
        ArmEvaluation e = ArmEvaluation.of(arm, results, bootstrap);
        evaluations.add(e);
        double[] validation = results.trials().stream().filter(t -> t.arm().equals(arm) && t.done())
            .mapToDouble(Trial::valAccuracy).toArray();
        rows.add(new Row(dir.getFileName().toString(), e, TInterval.of(e.foldValues("accuracy", -1)),
            TInterval.of(validation)));
        arms.add(arm);
      }
      folderCells.add(folderRow(dir, results, evaluations));
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
    Table folders = new Table("combined-folders", "One row per folder: its CNN and CNN-LSTM (the arms its own report "
        + "compares), mean test accuracy of the fold models [95% t-interval over the models]; their paired difference "
        + "[95% Nadeau-Bengio interval over training runs]; the metadata baseline's fold ensemble [Wilson, test "
        + "sampling only]; the published accuracy on the same data and classes", FOLDER_COLUMNS, folderCells);
    folders.write(tables);
    page.table(folders);
    Path md = out.resolve("report.md");
    AtomicFiles.writeString(md, page.markdown());
    AtomicFiles.writeString(out.resolve("report.html"), page.html("Combined report"));
    return md;
  }

  /** The manifest of the paper's own 421 images, the only data the paper's numbers are set beside here. */
  static final String PAPER_MANIFEST = "covid-xray-421.csv";

  /** Columns of the per-folder table (tables/combined-folders.csv). */
  static final List<String> FOLDER_COLUMNS = List.of("folder", "predicts", "test images", "CNN %", "CNN-LSTM %",
      "CNN-LSTM - CNN (points)", "Nadeau-Bengio p", "metadata baseline %", "published %");

  private static List<String> folderRow(Path dir, Results results, List<ArmEvaluation> evaluations) {
    Optional<ArmEvaluation> cnn = PaperSection.primary(evaluations, "cnn", results.config());
    Optional<ArmEvaluation> lstm = PaperSection.primary(evaluations, "cnn-lstm", results.config());
    String difference = "n/a";
    String p = "n/a";
    if (cnn.isPresent() && lstm.isPresent()) {
      PairedDifferences d = Sweeps.compare(cnn.get(), lstm.get(), "arch", Checks.testImages(results.split()),
          Checks.trainImages(results.split())).modelDiffs();
      if (d.count() >= 2 && d.correctedInterval().defined()) {
        difference = Sweeps.points(d.correctedInterval());
        p = String.format(Locale.ROOT, "%.3g", d.correctedP());
      }
    }
    String column = results.config().getProperty("label.column", "label").trim();
    boolean diagnosis = column.isEmpty() || column.equals("label");
    String predicts = (diagnosis ? "" : column + ": ") + String.join(" / ", results.classes().names());
    String published = String.join("; ", PublishedSection.matching(results.config(), results.classes()).stream()
        .map(x -> String.format(Locale.ROOT, "%.2f (%s)", x.percent(), x.system())).toList());
    if (published.isEmpty() && diagnosis && results.classes().equals(ClassNames.PAPER)
        && results.config().getProperty("dataset.manifest", "").trim().endsWith(PAPER_MANIFEST)) {
      published = paperAccuracy("cnn") + " / " + paperAccuracy("cnn-lstm") + " (Islam et al., CNN / CNN-LSTM)";
    }
    return List.of(dir.getFileName().toString(), predicts, String.valueOf(Checks.testImages(results.split())),
        cnn.map(CombinedReport::modelsMean).orElse("n/a"), lstm.map(CombinedReport::modelsMean).orElse("n/a"),
        difference, p, percent(MetadataCard.testAccuracy(dir)), published.isEmpty() ? "none" : published);
  }

  /** The paper's overall accuracy of one architecture (islam2020-results.csv). */
  private static String paperAccuracy(String arch) {
    return PaperSection.numbers().stream().filter(n -> n.quantity().equals("accuracy") && n.cls().equals("overall")
        && n.architecture().equals(arch)).map(PaperSection.PaperNumber::value).findFirst().orElse("n/a");
  }

  private static String modelsMean(ArmEvaluation e) {
    return percent(TInterval.of(e.foldValues("accuracy", -1)));
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
