package org.cxrlstm.report.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cxrlstm.eval.Bootstrap;
import org.cxrlstm.eval.Calibration;
import org.cxrlstm.eval.ConfusionMatrix;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.Metrics;
import org.cxrlstm.eval.Probabilities;
import org.cxrlstm.eval.Roc;
import org.cxrlstm.eval.Spread;
import org.cxrlstm.eval.Wilson;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.input.ModelKey;
import org.cxrlstm.report.input.Prediction;
import org.cxrlstm.report.input.Results;

/**
 * The test-set evaluation of one arm: each fold model and the fold ensemble, with the paper's
 * metrics (section 3.3), Wilson intervals for proportions and bootstrap intervals (over patients)
 * for F1, AUC and ECE.
 *
 * @param models       test predictions per fold model (seed and fold), each sorted by image index
 * @param ensemble     the ensemble's test predictions sorted by index (empty when none)
 * @param ensembleNote how the ensemble was obtained
 */
public record ArmEvaluation(Arm arm, Map<ModelKey, List<Prediction>> models, List<Prediction> ensemble, String ensembleNote,
    Bootstrap bootstrap) {

  public static ArmEvaluation of(Arm arm, Results results, Bootstrap bootstrap) {
    Map<ModelKey, List<Prediction>> models = new TreeMap<>(results.predictions().stream()
        .filter(p -> p.arm().equals(arm)).collect(Collectors.groupingBy(Prediction::model)));
    models.replaceAll((k, v) -> v.stream().sorted(Comparator.comparingInt(Prediction::index)).toList());
    List<Prediction> ensemble = results.ensemble().stream().filter(p -> p.arm().equals(arm))
        .sorted(Comparator.comparingInt(Prediction::index)).toList();
    String note = "ensemble_predictions.csv";
    if (ensemble.isEmpty() && !models.isEmpty()) {
      ensemble = average(models);
      note = "mean of the fold models' probabilities in predictions.csv (no ensemble_predictions.csv rows)";
    }
    return new ArmEvaluation(arm, models, ensemble, note, bootstrap);
  }

  /** The ensemble as the runner defines it: mean probability of the fold models per test image. */
  public static List<Prediction> average(Map<ModelKey, List<Prediction>> models) {
    Map<Integer, Prediction> first = new TreeMap<>();
    List<List<Probabilities.Image>> images = new ArrayList<>();
    for (List<Prediction> model : models.values()) {
      model.forEach(p -> first.putIfAbsent(p.index(), p));
      images.add(model.stream().map(p -> new Probabilities.Image(p.index(), p.probabilities())).toList());
    }
    List<Prediction> out = new ArrayList<>();
    for (Probabilities.Image mean : Probabilities.ensemble(images)) {
      Prediction p = first.get(mean.index());
      out.add(new Prediction(p.arm(), Prediction.ENSEMBLE, 0, p.index(), p.file(), p.patientId(), p.label(),
          mean.predicted(), mean.p()));
    }
    return out;
  }

  public boolean hasEnsemble() {
    return !ensemble.isEmpty();
  }

  public static ConfusionMatrix confusion(List<Prediction> ps) {
    return ConfusionMatrix.of(ps.isEmpty() ? ClassNames.PAPER.count() : ps.get(0).probabilities().length, ps.stream().mapToInt(Prediction::label).toArray(),
        ps.stream().mapToInt(Prediction::predicted).toArray());
  }

  public ConfusionMatrix ensembleConfusion() {
    return confusion(ensemble);
  }

  /** Per-model values of metric {@code name} of class {@code c} ({@code c < 0}: overall accuracy / macro). */
  public double[] foldValues(String name, int c) {
    return models.values().stream().mapToDouble(ps -> metric(confusion(ps), name, c)).toArray();
  }

  public Spread foldSpread(String name, int c) {
    return Spread.of(foldValues(name, c));
  }

  public static double metric(ConfusionMatrix m, String name, int c) {
    if (c >= 0) {
      return Metrics.of(m, c).get(name);
    }
    return name.equals("accuracy") ? m.accuracy() : Metrics.macro(m).get(name);
  }

  /** The ensemble's metric with its 95% interval: Wilson for proportions, bootstrap for F1 and macro values. */
  public Estimate ensembleEstimate(String name, int c) {
    if (!hasEnsemble()) {
      return Estimate.UNDEFINED;
    }
    ConfusionMatrix m = ensembleConfusion();
    if (c < 0 && name.equals("accuracy")) {
      return Wilson.interval(m.correct(), m.total());
    }
    if (c >= 0 && !name.equals("f1")) {
      long tp = m.truePositives(c);
      long tn = m.trueNegatives(c);
      return switch (name) {
        case "accuracy" -> Wilson.interval(tp + tn, m.total());
        case "sensitivity" -> Wilson.interval(tp, tp + m.falseNegatives(c));
        default -> Wilson.interval(tn, tn + m.falsePositives(c));
      };
    }
    return bootstrap.interval(units(ensemble), idx -> metric(confusion(pick(ensemble, idx)), name, c));
  }

  /** One-vs-rest ROC of class {@code c} for a set of predictions. */
  public static Roc roc(List<Prediction> ps, int c) {
    return Roc.of(ps.stream().mapToDouble(p -> p.probabilities()[c]).toArray(),
        toBooleans(ps, p -> p.label() == c));
  }

  public Estimate ensembleAuc(int c) {
    if (!hasEnsemble()) {
      return Estimate.UNDEFINED;
    }
    return bootstrap.interval(units(ensemble), idx -> roc(pick(ensemble, idx), c).auc());
  }

  public Spread foldAuc(int c) {
    return Spread.of(models.values().stream().mapToDouble(ps -> roc(ps, c).auc()).toArray());
  }

  public static Calibration calibration(List<Prediction> ps) {
    return Calibration.of(ps.stream().map(Prediction::probabilities).toArray(double[][]::new),
        ps.stream().mapToInt(Prediction::label).toArray(), Calibration.BINS_DEFAULT);
  }

  public Estimate ensembleEce() {
    if (!hasEnsemble()) {
      return Estimate.UNDEFINED;
    }
    return Calibration.debiasedEce(ensemble.stream().map(Prediction::probabilities).toArray(double[][]::new),
        ensemble.stream().mapToInt(Prediction::label).toArray(), units(ensemble), bootstrap);
  }

  /** Mean cross-entropy of the ensemble's probabilities on the test set. */
  public double ensembleLoss() {
    return ensemble.stream().mapToDouble(p -> -Math.log(Math.max(1e-12, p.probabilities()[p.label()])))
        .average().orElse(Double.NaN);
  }

  public static String[] units(List<Prediction> ps) {
    return ps.stream().map(Prediction::unit).toArray(String[]::new);
  }

  public static List<Prediction> pick(List<Prediction> ps, int[] positions) {
    List<Prediction> out = new ArrayList<>(positions.length);
    for (int i : positions) {
      out.add(ps.get(i));
    }
    return out;
  }

  private static boolean[] toBooleans(List<Prediction> ps, java.util.function.Predicate<Prediction> test) {
    boolean[] out = new boolean[ps.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = test.test(ps.get(i));
    }
    return out;
  }
}
