package org.cxrlstm.report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.cxrlstm.eval.Bootstrap;
import org.cxrlstm.eval.TInterval;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.input.ReportInputException;
import org.cxrlstm.report.input.Results;
import org.cxrlstm.report.input.SplitRow;
import org.cxrlstm.report.input.Trial;
import org.cxrlstm.report.page.Page;
import org.cxrlstm.report.page.Plots;
import org.cxrlstm.report.page.Table;
import org.cxrlstm.report.stats.ArmEvaluation;
import org.cxrlstm.report.stats.Selection;
import org.cxrlstm.report.stats.Sweeps;
import org.cxrlstm.results.io.AtomicFiles;

/**
 * Writes {@code tables/}, {@code plots/}, {@code report.md} and {@code report.html} of a results
 * folder from its CSVs alone (docs/results-format.md), in the order of the paper: data, Table 1,
 * Fig. 6, Figs. 7/8, Tables 3/4 with Figs. 9/10, then the checks the paper lacks (intervals, paired
 * tests, ROC, calibration, sweeps, shortcut controls, Grad-CAM) and the comparison with the paper.
 */
public final class Report {
  /** The report's first line. */
  static final String NOT_CLINICAL = "For research reproduction only. Not for clinical use, diagnosis or any "
      + "medical decision.";

  private final Results results;
  private final Path tables;
  private final Path plots;
  private final Page page = new Page();
  private final List<ArmEvaluation> evaluations = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private final List<String> varied;

  private Report(Results results) {
    this.results = results;
    this.tables = results.dir().resolve("tables");
    this.plots = results.dir().resolve("plots");
    this.varied = Sweeps.variedColumns(results.arms());
    Bootstrap bootstrap = new Bootstrap(bootstrapSeed(results.config()));
    for (Arm arm : results.arms()) {
      evaluations.add(ArmEvaluation.of(arm, results, bootstrap));
      labels.add(arm.label(varied));
    }
  }

  /**
   * Regenerates the tables, plots and report of {@code resultsDir} from its CSV files.
   *
   * @return the path of the written report.md
   * @throws ReportInputException if the folder is missing, a CSV is malformed, or there is nothing
   *     to report (an existing report is never replaced by an empty one)
   */
  public static Path write(Path resultsDir) throws IOException {
    Results results = Results.load(resultsDir);
    if (results.predictions().isEmpty() && results.ensemble().isEmpty() && results.split().isEmpty()
        && results.trials().isEmpty()) {
      throw new ReportInputException(resultsDir + ": nothing to report; missing " + String.join(", ",
          results.missing()) + (Files.exists(resultsDir.resolve("report.md")) ? " (existing report.md left as it was)" : ""));
    }
    return new Report(results).build();
  }

  private Path build() throws IOException {
    Files.createDirectories(tables);
    Files.createDirectories(plots);
    Plots charts = new Plots(plots);
    page.heading(1, "Report: " + results.dir().toAbsolutePath().normalize().getFileName());
    page.text("**" + NOT_CLINICAL + "**");
    answer();
    header();
    Sections sections = new Sections(results, page, tables, charts, evaluations, labels);
    Checks checks = new Checks(sections, page, charts, evaluations, labels, results.split());
    SweepSection sweeps = new SweepSection(sections, page, charts, results, evaluations, labels, varied);
    sections.partition();
    sections.confusion();
    sections.trainingCurves();
    sections.performance();
    checks.comparisons();
    checks.rocAndCalibration();
    sweeps.sweeps();
    GradCamTable.add(page, sections, results.gradcam(), varied);
    List<PublishedSection.Published> published = PublishedSection.matching(results.config(), results.classes());
    if (!published.isEmpty()) {
      PublishedSection.add(page, sections, evaluations, labels, published);
    } else if (results.classes().equals(ClassNames.PAPER)) {
      PaperSection.add(page, sections, evaluations, labels, results.epochs(), results.config());
    }
    page.heading(2, "Appendix: settings and environment");
    page.table(properties("settings", "Resolved settings (experiment.properties)", results.config()));
    page.table(properties("environment", "Environment (environment.properties)", results.environment()));
    Path md = results.dir().resolve("report.md");
    String title = "Report: " + results.dir().getFileName();
    AtomicFiles.writeString(md, page.markdown());
    AtomicFiles.writeString(results.dir().resolve("report.html"), page.html(title));
    return md;
  }

  /**
   * The report's first lines: the question, the answer with its interval over training runs and its
   * paired verdict, the arm each architecture would select on validation, the confound, and where and
   * how long it ran.
   */
  private void answer() {
    List<String> lines = new ArrayList<>();
    String question = results.config().getProperty("description", "").trim();
    lines.add("**Question:** " + (question.isEmpty() ? "(experiment.properties has no description)" : question));
    Optional<ArmEvaluation> cnn = PaperSection.primary(evaluations, "cnn", results.config());
    Optional<ArmEvaluation> lstm = PaperSection.primary(evaluations, "cnn-lstm", results.config());
    if (cnn.isPresent() && lstm.isPresent()) {
      Sweeps.Paired p = Sweeps.compare(cnn.get(), lstm.get(), "arch", Checks.testImages(results.split()),
          Checks.trainImages(results.split()));
      lines.add("**Answer:** " + p.verdict(label(cnn.get()), label(lstm.get())));
      lines.add("Mean test accuracy of the models: " + label(cnn.get()) + " " + modelMean(cnn.get()) + ", "
          + label(lstm.get()) + " " + modelMean(lstm.get()) + " (95% t-interval over models).");
    } else {
      lines.add("**Answer:** no CNN and CNN-LSTM arm with predictions to compare.");
    }
    Selection selection = SweepSection.selection(results);
    for (String arch : List.of("cnn", "cnn-lstm")) {
      if (selection.hasChoice(arch)) {
        lines.add(selection.line(arch, varied));
      }
    }
    lines.add(DataCard.confound(results.config()));
    lines.add(String.format(Locale.ROOT, "Ran on %s (%s cores, %s threads, %s), %s to %s; training %.0f s summed over %d "
            + "finished trials.", env("cpu.model"), env("cpu.cores"), env("threads"), env("precision"), env("started"),
        env("finished"), results.trials().stream().filter(Trial::done).mapToDouble(Trial::seconds).sum(),
        results.trials().stream().filter(Trial::done).count()));
    page.heading(2, "Answer");
    page.bullets(lines);
  }

  private String label(ArmEvaluation e) {
    return labels.get(evaluations.indexOf(e));
  }

  /** Mean test accuracy of an arm's models with the t-interval over models (training and test variance). */
  private static String modelMean(ArmEvaluation e) {
    double[] acc = e.foldValues("accuracy", -1);
    return TInterval.of(acc).percent() + " % (" + acc.length + " models)";
  }

  private void header() {
    page.heading(2, "Data card");
    page.bullets(List.of(
        DataCard.data(results.config()),
        DataCard.confound(results.config()),
        MetadataCard.line(results.dir()),
        counts(),
        "Split: stratified, patient-grouped hold-out test set and k-fold cross-validation on the rest (split.csv, "
            + "test fraction " + results.config().getProperty("test.fraction", "not recorded") + ", "
            + results.config().getProperty("folds", "?") + " folds, seed " + results.config().getProperty("seed",
            "not recorded") + "); every arm sees the same split, so comparisons are paired.",
        "Hardware: " + env("cpu.model") + ", " + env("cpu.cores") + " cores, " + env("threads") + " threads, "
            + "precision " + env("precision") + ", TensorFlow " + env("tensorflow.version") + ", Java "
            + env("java.version") + ", git " + env("git.commit") + ".",
        "Intervals: Wilson 95% for proportions; seeded percentile bootstrap over patients ("
            + Bootstrap.REPLICATES_DEFAULT + " replicates, seed " + bootstrapSeed(results.config())
            + ") for F1, macro values, AUC and differences; for the ECE the same bootstrap bias-corrected, with "
            + "0 inside when perfect calibration is not rejected (see the calibration table).",
        "Every table and plot below is computed from the CSV files of this folder alone."));
    List<String> missing = new ArrayList<>();
    results.missing().forEach(f -> missing.add("missing file: " + f));
    missing.addAll(Sections.missingTrials(results));
    page.heading(2, "Missing or failed trials");
    if (missing.isEmpty()) {
      page.text("None: every planned trial finished.");
    } else {
      page.bullets(missing);
    }
  }

  private String env(String key) {
    return results.environment().getProperty(key, "(not recorded)");
  }

  /** Images and patients per class, from split.csv. */
  private String counts() {
    if (results.split().isEmpty()) {
      return "Class and patient counts: split.csv missing.";
    }
    List<String> parts = new ArrayList<>();
    for (int c = 0; c < results.classes().count(); c++) {
      final int cls = c;
      List<SplitRow> of = results.split().stream().filter(r -> r.label() == cls).toList();
      parts.add(results.classes().title(c) + " " + of.size() + " images / "
          + of.stream().map(r -> r.patientId().isEmpty() ? "#" + r.index() : r.patientId()).distinct().count()
          + " patients");
    }
    return "Counts: " + String.join(", ", parts) + "; " + results.split().stream().filter(SplitRow::test).count()
        + " test images.";
  }

  private Table properties(String id, String title, Properties p) {
    Map<String, String> sorted = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> sorted.put(k, p.getProperty(k)));
    List<List<String>> rows = new ArrayList<>();
    sorted.forEach((k, v) -> rows.add(List.of(k, v)));
    if (rows.isEmpty()) {
      rows.add(List.of("(none)", "file missing or empty"));
    }
    return new Table(id, title, List.of("key", "value"), rows);
  }

  static long bootstrapSeed(Properties config) {
    try {
      return Long.parseLong(config.getProperty("seed", "20200622").trim());
    } catch (NumberFormatException e) {
      return 20200622L;
    }
  }
}
