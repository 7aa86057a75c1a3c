package org.cxrlstm.report.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.McNemar;
import org.cxrlstm.eval.PairedDifferences;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ModelKey;
import org.cxrlstm.report.input.Prediction;

/**
 * What an experiment varies and the paired comparisons it supports: every pair of arms that differ
 * in exactly one setting is compared over its paired models (same seed and fold: per-model accuracy
 * differences with intervals over training runs, {@link PairedDifferences}) and on the same test
 * images (exact McNemar on the ensembles, bootstrap over test patients: test sampling only).
 */
public final class Sweeps {
  private Sweeps() {}

  /** The arm columns with more than one value among {@code arms}, in column order. */
  public static List<String> variedColumns(List<Arm> arms) {
    List<String> out = new ArrayList<>();
    for (String c : Arm.COLUMNS) {
      if (arms.stream().filter(a -> a.applies(c)).map(a -> a.get(c)).distinct().count() > 1) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * A paired comparison of two arms.
   *
   * @param setting        the one setting in which they differ
   * @param mcnemar        exact McNemar on the ensembles (null without both ensembles)
   * @param ensembleDiff   second minus first ensemble accuracy, bootstrap CI over test patients (test sampling only)
   * @param models         the model pairs (same seed and fold in both arms), in order
   * @param modelDiffs     second minus first accuracy per model pair, with the intervals over training runs
   * @param bootstrapDiff  mean of the per-model differences, bootstrap CI over test patients with the trained
   *                       models held fixed (test sampling only)
   * @param images         test images both arms predicted
   */
  public record Paired(ArmEvaluation first, ArmEvaluation second, String setting, McNemar mcnemar, Estimate ensembleDiff,
      List<ModelKey> models, PairedDifferences modelDiffs, Estimate bootstrapDiff, int images) {

    /** The verdict line: the interval over training runs (Nadeau-Bengio) decides, McNemar is reported beside it. */
    public String verdict(String firstLabel, String secondLabel) {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s vs %s (%s differs): ", secondLabel, firstLabel,
          setting));
      Estimate corrected = modelDiffs.correctedInterval();
      if (modelDiffs.count() >= 2 && corrected.defined() && !(modelDiffs.sd() > 0)) {
        s.append(String.format(Locale.ROOT, "all %d paired models differ by exactly %+.1f points: no spread over "
            + "training runs, so neither an interval nor a test nor a detectable difference can be given. ",
            modelDiffs.count(), 100 * modelDiffs.mean()));
      } else if (modelDiffs.count() >= 2 && corrected.defined()) {
        boolean excludesZero = corrected.low() > 0 || corrected.high() < 0;
        s.append(String.format(Locale.ROOT, "mean accuracy difference over %d paired models %s points "
                + "(95%% CI over training runs, Nadeau-Bengio corrected; p = %.3g): %s. ",
            modelDiffs.count(), points(corrected), modelDiffs.correctedP(),
            excludesZero ? "a difference" : "no difference detectable"));
        if (!excludesZero) {
          s.append(String.format(Locale.ROOT, "Smallest difference this protocol detects with 80%% power: %.1f points. ",
              100 * modelDiffs.minimumDetectable()));
        }
      } else {
        s.append("fewer than two paired models (or no split sizes): no interval over training runs. ");
      }
      if (mcnemar != null) {
        s.append(String.format(Locale.ROOT, "Ensembles %s vs %s, exact McNemar p = %.4g (%d images only %s right, "
                + "%d only %s right; test sampling only).", second.ensembleEstimate("accuracy", -1).percent(),
            first.ensembleEstimate("accuracy", -1).percent(), mcnemar.p(), mcnemar.onlySecondCorrect(), secondLabel,
            mcnemar.onlyFirstCorrect(), firstLabel));
      }
      return s.toString().trim();
    }
  }

  public static String points(Estimate e) {
    if (!e.defined()) {
      return "n/a";
    }
    return Double.isNaN(e.low()) ? String.format(Locale.ROOT, "%+.1f", 100 * e.value())
        : String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", 100 * e.value(), 100 * e.low(), 100 * e.high());
  }

  /**
   * Every pair of arms (in arm order) that differ in exactly one setting.
   *
   * @param testImages  test images of the split (n_test), for the Nadeau-Bengio correction
   * @param trainImages training images of one fold model, mean over folds (n_train); 0 if unknown
   */
  public static List<Paired> pairs(List<ArmEvaluation> arms, int testImages, double trainImages) {
    List<Paired> out = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++) {
      for (int j = i + 1; j < arms.size(); j++) {
        List<String> diff = arms.get(i).arm().differences(arms.get(j).arm());
        if (diff.size() == 1) {
          out.add(compare(arms.get(i), arms.get(j), diff.get(0), testImages, trainImages));
        }
      }
    }
    return out;
  }

  public static Paired compare(ArmEvaluation a, ArmEvaluation b, String setting, int testImages, double trainImages) {
    McNemar mcnemar = null;
    Estimate ensembleDiff = Estimate.UNDEFINED;
    int images = 0;
    if (a.hasEnsemble() && b.hasEnsemble()) {
      Map<Integer, Prediction> byIndex = new HashMap<>();
      b.ensemble().forEach(p -> byIndex.put(p.index(), p));
      List<Prediction> pa = a.ensemble().stream().filter(p -> byIndex.containsKey(p.index())).toList();
      boolean[] ca = new boolean[pa.size()];
      boolean[] cb = new boolean[pa.size()];
      for (int i = 0; i < ca.length; i++) {
        ca[i] = pa.get(i).correct();
        cb[i] = byIndex.get(pa.get(i).index()).correct();
      }
      images = ca.length;
      mcnemar = McNemar.of(ca, cb);
      ensembleDiff = a.bootstrap().interval(ArmEvaluation.units(pa), idx -> meanDiff(new boolean[][] {ca},
          new boolean[][] {cb}, idx));
    }
    Set<ModelKey> keys = new TreeSet<>(a.models().keySet());
    keys.retainAll(b.models().keySet());
    List<ModelKey> models = List.copyOf(keys);
    List<Integer> common = commonImages(a, b, models);
    boolean[][] fa = new boolean[models.size()][];
    boolean[][] fb = new boolean[models.size()][];
    double[] diffs = new double[models.size()];
    for (int k = 0; k < models.size(); k++) {
      fa[k] = correctness(a.models().get(models.get(k)), common);
      fb[k] = correctness(b.models().get(models.get(k)), common);
      diffs[k] = meanDiff(new boolean[][] {fa[k]}, new boolean[][] {fb[k]}, allPositions(common.size()));
    }
    Estimate bootstrapDiff = Estimate.UNDEFINED;
    if (!models.isEmpty() && !common.isEmpty()) {
      Map<Integer, String> unit = new HashMap<>();
      a.models().get(models.get(0)).forEach(p -> unit.put(p.index(), p.unit()));
      String[] units = common.stream().map(unit::get).toArray(String[]::new);
      bootstrapDiff = a.bootstrap().interval(units, idx -> meanDiff(fa, fb, idx));
    }
    PairedDifferences modelDiffs = new PairedDifferences(diffs, common.isEmpty() ? testImages : common.size(),
        trainImages);
    return new Paired(a, b, setting, mcnemar, ensembleDiff, models, modelDiffs, bootstrapDiff, images);
  }

  /** Mean over models of (accuracy of b − accuracy of a) on the images at {@code positions}. */
  public static double meanDiff(boolean[][] a, boolean[][] b, int[] positions) {
    if (positions.length == 0 || a.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int m = 0; m < a.length; m++) {
      int d = 0;
      for (int i : positions) {
        d += (b[m][i] ? 1 : 0) - (a[m][i] ? 1 : 0);
      }
      sum += (double) d / positions.length;
    }
    return sum / a.length;
  }

  private static List<Integer> commonImages(ArmEvaluation a, ArmEvaluation b, List<ModelKey> models) {
    Set<Integer> common = null;
    for (ModelKey m : models) {
      for (List<Prediction> ps : List.of(a.models().get(m), b.models().get(m))) {
        Set<Integer> idx = new TreeSet<>(ps.stream().map(Prediction::index).toList());
        if (common == null) {
          common = idx;
        } else {
          common.retainAll(idx);
        }
      }
    }
    return common == null ? List.of() : List.copyOf(common);
  }

  private static boolean[] correctness(List<Prediction> ps, List<Integer> indices) {
    Map<Integer, Boolean> byIndex = new HashMap<>();
    ps.forEach(p -> byIndex.put(p.index(), p.correct()));
    boolean[] out = new boolean[indices.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = byIndex.get(indices.get(i));
    }
    return out;
  }

  private static int[] allPositions(int n) {
    int[] out = new int[n];
    java.util.Arrays.setAll(out, i -> i);
    return out;
  }
}
