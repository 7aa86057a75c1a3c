package org.cxrlstm.report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cxrlstm.eval.Metrics;
import org.cxrlstm.eval.Spread;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ArmEpoch;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.input.Results;
import org.cxrlstm.report.input.Trial;
import org.cxrlstm.report.page.Page;
import org.cxrlstm.report.page.Plots;
import org.cxrlstm.report.page.Table;
import org.cxrlstm.report.stats.ArmEvaluation;

/** The paper's parts of the report: Table 1, Fig. 6, Figs. 7/8, Tables 3/4 with Figs. 9/10, missing trials. */
final class Sections {
  private final Results results;
  private final Page page;
  private final Path tables;
  private final Plots plots;
  private final List<ArmEvaluation> arms;
  private final List<String> labels;

  Sections(Results results, Page page, Path tables, Plots plots, List<ArmEvaluation> arms, List<String> labels) {
    this.results = results;
    this.page = page;
    this.tables = tables;
    this.plots = plots;
    this.arms = arms;
    this.labels = labels;
  }

  /** Planned trials without a finished row, and trials that diverged or failed. */
  /** The classes of the results being reported, in index order. */
  ClassNames classes() {
    return results.classes();
  }

  /** The confound line of this run's dataset and restrictions ({@link DataCard}). */
  String confound() {
    return DataCard.confound(results.config());
  }

  static List<String> missingTrials(Results results) {
    List<String> out = new ArrayList<>();
    Set<String> finished = results.trials().stream().map(Trial::id).collect(Collectors.toSet());
    for (String[] planned : results.plan()) {
      if (!finished.contains(planned[0])) {
        out.add("not run or not merged: " + planned[0] + " (" + planned[1] + ", fold " + planned[2] + ")");
      }
    }
    for (Trial t : results.trials()) {
      if (!t.done()) {
        out.add(t.status() + ": " + t.id() + " (" + t.arm().arch() + ", fold " + t.fold() + ")");
      }
    }
    return out;
  }

  void add(Table table) throws IOException {
    table.write(tables);
    page.table(table);
  }

  void partition() throws IOException {
    page.heading(2, "Dataset partition (paper Table 1)");
    if (results.split().isEmpty()) {
      page.text("split.csv is missing: no partition table.");
      return;
    }
    add(PartitionTable.of(results.split(), results.classes()));
  }

  void confusion() throws IOException {
    page.heading(2, "Confusion matrices (paper Fig. 6)");
    for (int i = 0; i < arms.size(); i++) {
      ArmEvaluation e = arms.get(i);
      if (e.hasEnsemble()) {
        String title = "Test confusion matrix, " + labels.get(i) + " ensemble";
        page.image(plots.confusion("fig6-confusion-" + Arm.slug(labels.get(i)), title, e.ensembleConfusion(),
            results.classes().titles()),
            "Fig. 6: " + title + " (" + e.ensembleConfusion().total() + " test images, "
                + (e.ensembleConfusion().total() - e.ensembleConfusion().correct()) + " errors)");
      }
    }
    page.text(confound());
  }

  void trainingCurves() throws IOException {
    page.heading(2, "Training curves (paper Figs. 7 and 8)");
    if (results.epochs().isEmpty()) {
      page.text("epochs.csv is missing or empty: no training curves.");
      return;
    }
    for (int i = 0; i < arms.size(); i++) {
      Arm arm = arms.get(i).arm();
      List<ArmEpoch> rows = results.epochs().stream().filter(r -> r.arm().equals(arm)).toList();
      if (rows.isEmpty()) {
        continue;
      }
      String fig = arm.arch().equals("cnn") ? "Fig. 7" : arm.arch().equals("cnn-lstm") ? "Fig. 8" : "Fig.";
      String slug = Arm.slug(labels.get(i));
      page.image(plots.lines("training-accuracy-" + slug, labels.get(i) + ": accuracy per epoch", "epoch",
          "accuracy", curves(rows, arm, true), false, false), fig + " (a): training and validation accuracy of "
          + labels.get(i) + ", mean over fold models, band = min-max over folds");
      page.image(plots.lines("training-loss-" + slug, labels.get(i) + ": cross-entropy loss per epoch", "epoch",
          "loss (cross-entropy)", curves(rows, arm, false), false, false), fig + " (b): training and validation "
          + "loss of " + labels.get(i) + ", mean over fold models, band = min-max over folds");
    }
    page.text("Fold models that stopped early leave the mean: later epochs average the folds still training. "
        + confound());
  }

  private static List<Plots.Line> curves(List<ArmEpoch> rows, Arm arm, boolean accuracy) {
    Map<Integer, List<ArmEpoch>> byEpoch = new TreeMap<>(rows.stream().collect(Collectors.groupingBy(ArmEpoch::epoch)));
    List<Plots.Line> out = new ArrayList<>();
    for (boolean train : new boolean[] {true, false}) {
      double[] x = new double[byEpoch.size()];
      double[] mean = new double[x.length];
      double[] lo = new double[x.length];
      double[] hi = new double[x.length];
      int k = 0;
      for (Map.Entry<Integer, List<ArmEpoch>> e : byEpoch.entrySet()) {
        double[] v = e.getValue().stream().mapToDouble(r -> train ? (accuracy ? r.trainAccuracy() : r.trainLoss())
            : (accuracy ? r.valAccuracy() : r.valLoss())).toArray();
        Spread s = Spread.of(v);
        x[k] = e.getKey();
        mean[k] = s.mean();
        lo[k] = s.min();
        hi[k] = s.max();
        k++;
      }
      out.add(new Plots.Line(arm.arch() + (train ? " training" : " validation"), arm.arch(), train ? 0 : 1, x, mean,
          lo, hi));
    }
    return out;
  }

  void performance() throws IOException {
    page.heading(2, "Performance per class (paper Tables 3 and 4, Figs. 9 and 10)");
    page.text("Metrics as the paper's section 3.3, one class against the rest. Fold models: mean ± sd over the "
        + "fold models on the test set. Ensemble: mean probability of the fold models; 95% intervals are Wilson "
        + "for accuracy, sensitivity and specificity, bootstrap over patients for F1 and macro values. "
        + "n/a = undefined (no images of the class), never 0. A percentile bootstrap cannot leave the range it "
        + "observed: a perfect score gets [100.0, 100.0], which shows that no resample had an error, not that the "
        + "score is certain; the Wilson interval of the same images is the honest bound.");
    for (int i = 0; i < arms.size(); i++) {
      ArmEvaluation e = arms.get(i);
      String slug = Arm.slug(labels.get(i));
      String id = PerformanceTables.paperNumber(e.arm()).toLowerCase().replace(" ", "") + "-" + slug;
      add(PerformanceTables.performance(e, labels.get(i), id, results.classes()));
      if (e.hasEnsemble()) {
        List<double[]> values = new ArrayList<>();
        for (String name : Metrics.NAMES) {
          double[] v = new double[results.classes().count()];
          for (int c = 0; c < v.length; c++) {
            v[c] = 100 * e.ensembleEstimate(name, c).value();
          }
          values.add(v);
        }
        String fig = e.arm().arch().equals("cnn") ? "Fig. 9" : e.arm().arch().equals("cnn-lstm") ? "Fig. 10" : "Fig.";
        page.image(plots.bars("per-class-" + slug, labels.get(i) + " ensemble: metrics per class", "%",
            results.classes().titles(), List.of(PerformanceTables.TITLES), null, values, null),
            fig + ": per-class accuracy, specificity, sensitivity and F1 of the " + labels.get(i) + " ensemble");
      }
      page.text(confound());
    }
  }
}
