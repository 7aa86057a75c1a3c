package org.cxrlstm.report;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.Spread;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ArmEpoch;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.input.ReportInputException;
import org.cxrlstm.report.page.Page;
import org.cxrlstm.report.page.Table;
import org.cxrlstm.report.stats.ArmEvaluation;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.train.TrainConfig;

/**
 * The paper's own numbers (src/main/resources/paper/islam2020-results.csv, each with its place in
 * the paper) beside this run's: Table 5 with our rows added, and paper-vs-reproduced.
 */
final class PaperSection {
  static final String RESOURCE = "/paper/islam2020-results.csv";

  /** One number of the paper. */
  record PaperNumber(String quantity, String architecture, String cls, String value, String unit, String location,
      String note) {}

  private PaperSection() {}

  static List<PaperNumber> numbers() {
    try (InputStream in = PaperSection.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
      }
      List<PaperNumber> out = new ArrayList<>();
      for (Csv.Row c : Csv.read(RESOURCE, in, List.of()).rows()) {
        out.add(new PaperNumber(c.get("quantity"), c.get("architecture"), c.get("class"), c.get("value"),
            c.get("unit"), c.get("location"), c.get("note")));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /**
   * The arm of {@code arch} to set beside the paper: the arms that match {@code paper.arm} (column=value
   * pairs, e.g. {@code lstm_units=64,augment=true}) when it is set, then the one closest to the paper's
   * design: full image, float32, augmentation on, 64 LSTM units (the baseline's), the learning rate nearest
   * the paper's 1e-4, the epoch budget nearest the paper's 200 (on a log scale: 80 of 5..80 in the epoch
   * sweep), then the most models. Never simply the first arm.
   */
  static Optional<ArmEvaluation> primary(List<ArmEvaluation> arms, String arch, Properties config) {
    Map<String, String> wanted = paperArm(config);
    return arms.stream().filter(e -> e.arm().arch().equals(arch) && e.hasEnsemble())
        .filter(e -> wanted.entrySet().stream().allMatch(w -> !e.arm().applies(w.getKey())
            || e.arm().get(w.getKey()).equals(w.getValue())))
        .min(Comparator.comparingInt((ArmEvaluation e) -> isOneOf(e.arm().get("mask"), "", "none") ? 0 : 1)
            .thenComparingInt(e -> isOneOf(e.arm().get("precision"), "", "float32") ? 0 : 1)
            .thenComparingInt(e -> isOneOf(e.arm().get("augment"), "", "true") ? 0 : 1)
            .thenComparingInt(e -> !e.arm().applies("lstm_units") || e.arm().get("lstm_units").equals("64") ? 0 : 1)
            .thenComparingDouble(e -> lrDistance(e.arm().get("learning_rate")))
            .thenComparingDouble(e -> epochDistance(e.arm().get("epochs")))
            .thenComparingInt(e -> -e.models().size()));
  }

  /** {@code paper.arm} of experiment.properties as column -> value; unknown columns are refused by name. */
  static Map<String, String> paperArm(Properties config) {
    Map<String, String> out = new LinkedHashMap<>();
    String spec = config.getProperty("paper.arm", "").trim();
    if (spec.isEmpty()) {
      return out;
    }
    for (String pair : spec.split(",")) {
      String[] kv = pair.split("=", 2);
      String column = kv[0].trim().replace('.', '_');
      if (kv.length != 2 || !Arm.COLUMNS.contains(column)) {
        throw new ReportInputException("paper.arm '" + spec + "': '" + pair.trim() + "' is not column=value with a "
            + "column of " + Arm.COLUMNS);
      }
      out.put(column, kv[1].trim());
    }
    return out;
  }

  static void add(Page page, Sections sections, List<ArmEvaluation> arms, List<String> labels, List<ArmEpoch> epochs,
      Properties config) throws IOException {
    List<PaperNumber> numbers = numbers();
    page.heading(2, "Comparison with the paper (Islam, Islam & Asraf 2020)");
    List<List<String>> lit = new ArrayList<>();
    for (PaperNumber n : numbers) {
      if (n.quantity().equals("literature_accuracy")) {
        lit.add(List.of(n.architecture(), n.value(), "reported in the paper", n.location()));
      }
    }
    for (String arch : List.of("cnn", "cnn-lstm")) {
      primary(arms, arch, config).ifPresent(e -> lit.add(List.of("This run: " + labels.get(arms.indexOf(e)) + " ensemble",
          e.ensembleEstimate("accuracy", -1).percent(), "measured here", "tables/arms.csv, Tables 3/4 above")));
    }
    sections.add(new Table("table5-literature", "Table 5. Accuracy of COVID-19 X-ray classifiers as listed by the "
        + "paper, with this run's rows (different data, classes and protocols: not a like-for-like comparison)",
        List.of("system", "accuracy %", "source", "where in the paper / file"), lit));
    sections.add(reproduced(numbers, arms, epochs, config));
    page.text("Our values: the fold ensemble on this run's test set with its 95% interval; the paper's test set, "
        + "images and model are not published, so a paper value inside our interval is consistent with it, not a "
        + "confirmation. " + sections.confound());
    page.heading(3, "What the paper does not give");
    page.bullets(numbers.stream().filter(n -> n.quantity().equals("not_given")).map(PaperNumber::note).toList());
  }

  private static Table reproduced(List<PaperNumber> numbers, List<ArmEvaluation> arms, List<ArmEpoch> epochs,
      Properties config) {
    List<List<String>> rows = new ArrayList<>();
    for (PaperNumber n : numbers) {
      Optional<ArmEvaluation> arm = primary(arms, n.architecture(), config);
      if (arm.isEmpty() || n.value().isEmpty()) {
        continue;
      }
      ArmEvaluation e = arm.get();
      int c = ClassNames.PAPER.names().indexOf(n.cls());
      double paper = Double.parseDouble(n.value());
      String ours;
      String diff = "";
      String inside = "";
      switch (n.quantity()) {
        case "accuracy", "specificity", "sensitivity", "f1" -> {
          Estimate est = e.ensembleEstimate(n.quantity(), c);
          ours = est.percent() + " (folds " + e.foldSpread(n.quantity(), c).percent() + ")";
          diff = est.defined() ? String.format(Locale.ROOT, "%+.1f", 100 * est.value() - paper) : "n/a";
          inside = Double.isNaN(est.low()) ? "n/a"
              : est.low() == est.high() ? "n/a (zero-width bootstrap interval)"
              : paper / 100 >= est.low() && paper / 100 <= est.high() ? "yes" : "no";
        }
        case "test_errors" -> {
          long errors = c < 0 ? e.ensembleConfusion().total() - e.ensembleConfusion().correct()
              : e.ensembleConfusion().support(c) - e.ensembleConfusion().truePositives(c);
          long of = c < 0 ? e.ensembleConfusion().total() : e.ensembleConfusion().support(c);
          ours = errors + " of " + of;
          diff = String.format(Locale.ROOT, "%+d", errors - Math.round(paper));
        }
        case "train_accuracy", "val_accuracy", "train_loss", "val_loss" -> {
          Spread s = lastEpoch(epochs.stream().filter(r -> r.arm().equals(e.arm())).toList(), n.quantity());
          boolean pct = n.quantity().endsWith("accuracy");
          ours = pct ? s.percent() : s.plain();
          diff = s.n() == 0 ? "n/a" : String.format(Locale.ROOT, pct ? "%+.1f" : "%+.3f", (pct ? 100 : 1) * s.mean() - paper);
        }
        default -> {
          continue;
        }
      }
      rows.add(List.of(n.quantity(), n.architecture(), n.cls(), n.value() + " " + n.unit(), ours, diff, inside,
          n.location() + (n.note().isEmpty() ? "" : " (" + n.note() + ")")));
    }
    return new Table("paper-vs-reproduced", "Paper vs reproduced: each number the paper gives for CNN and CNN-LSTM "
        + "beside this run's ensemble (and fold models); training curves: mean over folds of the last epoch",
        List.of("quantity", "architecture", "class", "paper", "this run", "difference (points)",
            "paper inside our 95% CI (test sampling only)", "where in the paper"), rows);
  }

  private static Spread lastEpoch(List<ArmEpoch> rows, String quantity) {
    List<Double> values = new ArrayList<>();
    rows.stream().map(ArmEpoch::trialId).distinct().forEach(id -> rows.stream().filter(r -> r.trialId().equals(id))
        .max(Comparator.comparingInt(ArmEpoch::epoch)).ifPresent(r -> values.add(switch (quantity) {
          case "train_accuracy" -> r.trainAccuracy();
          case "val_accuracy" -> r.valAccuracy();
          case "train_loss" -> r.trainLoss();
          default -> r.valLoss();
        })));
    return Spread.of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static boolean isOneOf(String v, String... options) {
    return List.of(options).contains(v);
  }

  private static double epochDistance(String epochs) {
    try {
      return Math.abs(Math.log(Double.parseDouble(epochs) / TrainConfig.PAPER_EPOCHS));
    } catch (NumberFormatException e) {
      return 99;
    }
  }

  private static double lrDistance(String lr) {
    try {
      return Math.abs(Math.log10(Double.parseDouble(lr)) + 4);
    } catch (NumberFormatException e) {
      return 99;
    }
  }
}
