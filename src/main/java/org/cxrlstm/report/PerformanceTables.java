package org.cxrlstm.report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cxrlstm.eval.Calibration;
import org.cxrlstm.eval.Metrics;
import org.cxrlstm.eval.Probabilities;
import org.cxrlstm.eval.Spread;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.input.Results;
import org.cxrlstm.report.input.Trial;
import org.cxrlstm.report.page.Table;
import org.cxrlstm.report.stats.ArmEvaluation;

/**
 * Tables 3 and 4 of the paper (per-class accuracy, specificity, sensitivity, F1 on the test set)
 * for any arm, plus AUC and calibration tables. Fold models give mean ± sd; the fold ensemble
 * gives the value with its 95% interval.
 */
final class PerformanceTables {
  private PerformanceTables() {}

  static final String[] TITLES = {"Accuracy", "Specificity", "Sensitivity", "F1"};

  /** "Table 3" for the CNN, "Table 4" for the CNN-LSTM, as in the paper. */
  static String paperNumber(Arm arm) {
    return switch (arm.arch()) {
      case "cnn" -> "Table 3";
      case "cnn-lstm" -> "Table 4";
      default -> "Table";
    };
  }

  static Table performance(ArmEvaluation e, String label, String id, ClassNames classes) {
    List<String> header = new ArrayList<>(List.of("class"));
    for (String t : TITLES) {
      header.add(t + " % folds mean ± sd");
      header.add(t + " % ensemble [95% CI]");
    }
    header.add("test images");
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c <= classes.count(); c++) {
      int cls = c == classes.count() ? -1 : c;
      List<String> row = new ArrayList<>(List.of(cls < 0 ? "overall (accuracy) / macro" : classes.title(cls)));
      for (String name : Metrics.NAMES) {
        row.add(e.foldSpread(name, cls).percent());
        row.add(e.ensembleEstimate(name, cls).percent());
      }
      row.add(e.hasEnsemble() ? Long.toString(cls < 0 ? e.ensembleConfusion().total()
          : e.ensembleConfusion().support(cls)) : "n/a");
      rows.add(row);
    }
    return new Table(id, paperNumber(e.arm()) + ". Performance of " + label + " on the test set ("
        + e.models().size() + " fold models; ensemble = " + e.ensembleNote() + ")", header, rows);
  }

  static Table auc(List<ArmEvaluation> arms, List<String> labels, ClassNames classes) {
    List<String> header = new ArrayList<>(List.of("arm"));
    for (int c = 0; c < classes.count(); c++) {
      header.add(classes.title(c) + " AUC folds");
      header.add(classes.title(c) + " AUC ensemble [95% CI]");
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++) {
      List<String> row = new ArrayList<>(List.of(labels.get(i)));
      for (int c = 0; c < classes.count(); c++) {
        row.add(arms.get(i).foldAuc(c).plain());
        row.add(arms.get(i).ensembleAuc(c).plain());
      }
      rows.add(row);
    }
    return new Table("roc-auc", "One-vs-rest ROC AUC on the test set (bootstrap 95% CI over patients)", header, rows);
  }

  static Table calibration(List<ArmEvaluation> arms, List<String> labels) {
    List<String> header = List.of("arm", "ECE ensemble", "ECE ensemble debiased [95% CI]", "ECE folds",
        "mean confidence", "accuracy");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++) {
      ArmEvaluation e = arms.get(i);
      double conf = e.ensemble().stream().mapToDouble(p -> p.probabilities()[Probabilities.argMax(p.probabilities())])
          .average().orElse(Double.NaN);
      double plugIn = e.hasEnsemble() ? ArmEvaluation.calibration(e.ensemble()).ece() : Double.NaN;
      rows.add(List.of(labels.get(i), Double.isNaN(plugIn) ? "n/a" : String.format(Locale.ROOT, "%.3f", plugIn),
          e.ensembleEce().plain(),
          Spread.of(e.models().values().stream().mapToDouble(ps -> ArmEvaluation.calibration(ps).ece()).toArray()).plain(),
          Double.isNaN(conf) ? "n/a" : String.format(Locale.ROOT, "%.3f", conf),
          e.ensembleEstimate("accuracy", -1).plain()));
    }
    return new Table("calibration", "Calibration of the top-class probability: expected calibration error over "
        + Calibration.BINS_DEFAULT + " equal-width bins (Guo et al. 2017); the plain ECE is biased upward on few "
        + "images, so the interval is given for the bootstrap bias-corrected ECE (basic interval), with 0 inside "
        + "whenever a test of perfect calibration (labels drawn from the model's own probabilities) does not reject",
        header, rows);
  }

  /** One row per arm: trials, fold and ensemble accuracy, loss, macro F1 and AUC; the base of sweeps. */
  static Table arms(List<ArmEvaluation> arms, List<String> labels, Results results) {
    List<String> header = List.of("arm", "fold models", "accuracy % folds mean ± sd", "accuracy % ensemble [95% CI]",
        "test loss folds", "test loss ensemble", "macro F1 % ensemble [95% CI]", "ensemble errors",
        "training s (all folds)", "epochs (all folds)", "s per epoch");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++) {
      ArmEvaluation e = arms.get(i);
      List<Trial> done = results.trials().stream().filter(t -> t.arm().equals(e.arm()) && t.done()).toList();
      double[] losses = done.stream().mapToDouble(Trial::testLoss).toArray();
      // training time per arm: what a precision or spec costs (trial seconds cover training and evaluation)
      double seconds = done.stream().mapToDouble(Trial::seconds).sum();
      int epochs = done.stream().mapToInt(Trial::epochsRun).sum();
      rows.add(List.of(labels.get(i), Integer.toString(e.models().size()), e.foldSpread("accuracy", -1).percent(),
          e.ensembleEstimate("accuracy", -1).percent(), Spread.of(losses).plain(),
          e.hasEnsemble() ? String.format(Locale.ROOT, "%.3f", e.ensembleLoss()) : "n/a",
          e.ensembleEstimate("f1", -1).percent(),
          e.hasEnsemble() ? (e.ensembleConfusion().total() - e.ensembleConfusion().correct()) + " / "
              + e.ensembleConfusion().total() : "n/a",
          String.format(Locale.ROOT, "%.0f", seconds), Integer.toString(epochs),
          epochs == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", seconds / epochs)));
    }
    return new Table("arms", "Every arm of this experiment on the test set", header, rows);
  }
}
