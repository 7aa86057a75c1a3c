package org.cxrlstm.report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cxrlstm.eval.Calibration;
import org.cxrlstm.eval.PairedDifferences;
import org.cxrlstm.eval.Roc;
import org.cxrlstm.eval.Spread;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.input.SplitRow;
import org.cxrlstm.report.page.Page;
import org.cxrlstm.report.page.Plots;
import org.cxrlstm.report.page.Table;
import org.cxrlstm.report.stats.ArmEvaluation;
import org.cxrlstm.report.stats.Sweeps;

/**
 * The parts of the report the paper lacks: paired tests of the architectures and of every
 * one-setting change, ROC/AUC, calibration.
 */
final class Checks {
  private final Sections sections;
  private final Page page;
  private final Plots plots;
  private final List<ArmEvaluation> arms;
  private final List<String> labels;
  private final List<SplitRow> split;

  Checks(Sections sections, Page page, Plots plots, List<ArmEvaluation> arms, List<String> labels,
      List<SplitRow> split) {
    this.sections = sections;
    this.page = page;
    this.plots = plots;
    this.arms = arms;
    this.labels = labels;
    this.split = split;
  }

  /** n_test of the Nadeau-Bengio correction: the split's test images. */
  static int testImages(List<SplitRow> split) {
    return (int) split.stream().filter(SplitRow::test).count();
  }

  /** n_train of the Nadeau-Bengio correction: training images of one fold model, mean over folds; 0 if unknown. */
  static double trainImages(List<SplitRow> split) {
    List<SplitRow> train = split.stream().filter(r -> !r.test()).toList();
    long folds = train.stream().mapToInt(SplitRow::fold).distinct().count();
    // each image validates one fold and trains the other folds - 1 models
    return folds < 2 ? 0 : (double) train.size() * (folds - 1) / folds;
  }

  String label(ArmEvaluation e) {
    return labels.get(arms.indexOf(e));
  }

  void comparisons() throws IOException {
    page.heading(2, "CNN vs CNN-LSTM and other paired comparisons");
    List<String> categories = List.of("accuracy", "macro specificity", "macro sensitivity", "macro F1");
    String[] names = {"accuracy", "specificity", "sensitivity", "f1"};
    List<double[]> values = new ArrayList<>();
    List<double[]> errors = new ArrayList<>();
    List<String> archs = new ArrayList<>();
    for (ArmEvaluation e : arms) {
      double[] v = new double[names.length];
      double[] err = new double[names.length];
      for (int k = 0; k < names.length; k++) {
        Spread s = e.foldSpread(names[k], -1);
        v[k] = 100 * s.mean();
        err[k] = Double.isNaN(s.sd()) ? 0 : 100 * s.sd();
      }
      values.add(v);
      errors.add(err);
      archs.add(e.arm().arch());
    }
    if (!arms.isEmpty()) {
      page.image(plots.bars("cnn-vs-cnn-lstm", "Test metrics per arm: mean over fold models", "%", categories,
          labels, archs, values, errors), "CNN vs CNN-LSTM: test metrics of the fold models, bar = mean, "
          + "error bar = ± 1 sd over folds (macro = unweighted mean over classes)");
    }
    List<Sweeps.Paired> pairs = Sweeps.pairs(arms, testImages(split), trainImages(split));
    if (pairs.isEmpty()) {
      page.text("No two arms differ in exactly one setting: no paired comparison.");
      return;
    }
    List<String> verdicts = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Sweeps.Paired p : pairs) {
      String a = label(p.first());
      String b = label(p.second());
      verdicts.add(p.verdict(a, b));
      PairedDifferences d = p.modelDiffs();
      rows.add(List.of(b + " − " + a, p.setting(), Integer.toString(d.count()),
          String.join(" ", Arrays.stream(d.differences()).mapToObj(x -> String.format(Locale.ROOT, "%+.1f", 100 * x)).toList()),
          Sweeps.points(d.correctedInterval()),
          Double.isNaN(d.correctedP()) ? "n/a" : String.format(Locale.ROOT, "%.3g", d.correctedP()),
          Sweeps.points(d.tInterval()),
          Double.isNaN(d.minimumDetectable()) ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * d.minimumDetectable()),
          Sweeps.points(p.bootstrapDiff()),
          Integer.toString(p.images()),
          p.mcnemar() == null ? "n/a" : Long.toString(p.mcnemar().onlySecondCorrect()),
          p.mcnemar() == null ? "n/a" : Long.toString(p.mcnemar().onlyFirstCorrect()),
          p.mcnemar() == null ? "n/a" : String.format(Locale.ROOT, "%.4g", p.mcnemar().p()),
          Sweeps.points(p.ensembleDiff())));
    }
    page.text("Verdicts. Each pair of arms is compared over its paired models (same training seed and fold, same "
        + "test images): the per-model accuracy differences (second minus first, percentage points) carry the "
        + "training noise, and their 95% interval is the Nadeau-Bengio corrected resampled t (variance x (1/J + "
        + "n_test/n_train), J paired models; n_test " + testImages(split) + ", n_train "
        + String.format(Locale.ROOT, "%.1f", trainImages(split)) + "), which decides the verdict. McNemar and the "
        + "bootstrap over test patients hold the trained models fixed: they measure test sampling only.");
    page.bullets(verdicts);
    sections.add(new Table("paired-comparisons", "Paired comparisons of arms that differ in exactly one setting",
        List.of("comparison", "setting", "paired models", "per-model accuracy differences",
            "mean difference [95% CI over training runs, Nadeau-Bengio]", "Nadeau-Bengio p",
            "mean difference [95% t-interval, models as independent]", "minimum detectable difference (80% power)",
            "mean difference [95% bootstrap CI, test sampling only]", "test images", "only second right (ensembles)",
            "only first right (ensembles)", "McNemar exact p (test sampling only)",
            "ensemble accuracy difference [95% bootstrap CI, test sampling only]"),
        rows));
    page.text("With " + testImages(split) + " test images one image moves accuracy by "
        + String.format(Locale.ROOT, "%.1f", 100.0 / Math.max(1, testImages(split))) + " points; a difference whose interval "
        + "includes 0 is not evidence that one arm is better, and \"no difference detectable\" is not \"equal\": the "
        + "minimum detectable difference says how large a true difference could hide. " + sections.confound());
  }

  void rocAndCalibration() throws IOException {
    page.heading(2, "ROC curves and AUC");
    List<ArmEvaluation> withEnsemble = arms.stream().filter(ArmEvaluation::hasEnsemble).toList();
    List<String> ensembleLabels = withEnsemble.stream().map(this::label).toList();
    sections.add(PerformanceTables.auc(arms, labels, sections.classes()));
    List<Integer> shades = Plots.shades(withEnsemble.stream().map(e -> e.arm().arch()).toList());
    ClassNames classes = sections.classes();
    for (int c = 0; c < classes.count(); c++) {
      List<Plots.Line> lines = new ArrayList<>();
      lines.add(new Plots.Line("chance", Plots.REFERENCE, 0, new double[] {0, 1}, new double[] {0, 1}, null, null));
      for (int i = 0; i < withEnsemble.size(); i++) {
        Roc roc = ArmEvaluation.roc(withEnsemble.get(i).ensemble(), c);
        if (roc.falsePositiveRate().length > 0) {
          lines.add(new Plots.Line(String.format(Locale.ROOT, "%s (AUC %.3f)", ensembleLabels.get(i), roc.auc()),
              withEnsemble.get(i).arm().arch(), shades.get(i), roc.falsePositiveRate(), roc.truePositiveRate(),
              null, null));
        }
      }
      if (lines.size() > 1) {
        page.image(plots.lines("roc-" + classes.name(c), "ROC, " + classes.title(c) + " vs rest (ensembles)",
            "false positive rate (1 - specificity)", "true positive rate (sensitivity)", lines, false, true),
            "ROC curve of " + classes.title(c) + " against the other classes, per arm's fold ensemble");
      }
    }
    page.heading(2, "Calibration");
    sections.add(PerformanceTables.calibration(arms, labels));
    List<Plots.Line> lines = new ArrayList<>();
    lines.add(new Plots.Line("perfect calibration", Plots.REFERENCE, 0, new double[] {0, 1}, new double[] {0, 1}, null, null));
    for (int i = 0; i < withEnsemble.size(); i++) {
      Calibration cal = ArmEvaluation.calibration(withEnsemble.get(i).ensemble());
      List<double[]> pts = new ArrayList<>();
      for (int b = 0; b < cal.bins(); b++) {
        if (cal.count()[b] > 0) {
          pts.add(new double[] {cal.confidence()[b], cal.accuracy()[b]});
        }
      }
      lines.add(new Plots.Line(String.format(Locale.ROOT, "%s (ECE %.3f)", ensembleLabels.get(i), cal.ece()),
          withEnsemble.get(i).arm().arch(), shades.get(i), pts.stream().mapToDouble(p -> p[0]).toArray(),
          pts.stream().mapToDouble(p -> p[1]).toArray(), null, null));
    }
    if (!withEnsemble.isEmpty()) {
      page.image(plots.lines("reliability", "Reliability diagram (ensembles, " + Calibration.BINS_DEFAULT
          + " confidence bins)", "mean confidence (top-class probability)", "share correct", lines, false, true),
          "Reliability diagram: points below the diagonal are over-confident bins; empty bins are left out");
    }
    page.text(sections.confound());
  }
}
