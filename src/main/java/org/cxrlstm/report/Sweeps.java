package org.cxrlstm.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.McNemar;

/**
 * What an experiment varies and the paired comparisons it supports: every pair of arms that differ
 * in exactly one setting is compared on the same test images (exact McNemar on the ensembles) and
 * the same folds (per-fold paired accuracy differences with a bootstrap interval over patients).
 */
final class Sweeps {
  private Sweeps() {}

  /** The arm columns with more than one value among {@code arms}, in column order. */
  static List<String> variedColumns(List<Arm> arms) {
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
   * @param ensembleDiff   second minus first ensemble accuracy, bootstrap CI
   * @param foldDiffs      second minus first accuracy per common fold
   * @param meanFoldDiff   mean of the per-fold differences, bootstrap CI
   * @param images         test images both arms predicted
   */
  record Paired(ArmEvaluation first, ArmEvaluation second, String setting, McNemar mcnemar, Estimate ensembleDiff,
      double[] foldDiffs, Estimate meanFoldDiff, int images) {

    String verdict(String firstLabel, String secondLabel) {
      if (mcnemar == null) {
        return secondLabel + " vs " + firstLabel + ": no paired ensemble predictions, no test.";
      }
      return String.format(Locale.ROOT, "%s vs %s (%s differs): ensemble accuracy %s vs %s, difference %s points; "
              + "exact McNemar p = %.4g (%d images only %s right, %d only %s right): %s at 0.05.",
          secondLabel, firstLabel, setting, second.ensembleEstimate("accuracy", -1).percent(),
          first.ensembleEstimate("accuracy", -1).percent(), points(ensembleDiff), mcnemar.p(),
          mcnemar.onlySecondCorrect(), secondLabel, mcnemar.onlyFirstCorrect(), firstLabel,
          mcnemar.significant(0.05) ? "significant" : "not significant");
    }
  }

  static String points(Estimate e) {
    if (!e.defined()) {
      return "n/a";
    }
    return Double.isNaN(e.low()) ? String.format(Locale.ROOT, "%+.1f", 100 * e.value())
        : String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", 100 * e.value(), 100 * e.low(), 100 * e.high());
  }

  /** Every pair of arms (in arm order) that differ in exactly one setting. */
  static List<Paired> pairs(List<ArmEvaluation> arms) {
    List<Paired> out = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++) {
      for (int j = i + 1; j < arms.size(); j++) {
        List<String> diff = arms.get(i).arm().differences(arms.get(j).arm());
        if (diff.size() == 1) {
          out.add(compare(arms.get(i), arms.get(j), diff.get(0)));
        }
      }
    }
    return out;
  }

  static Paired compare(ArmEvaluation a, ArmEvaluation b, String setting) {
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
    Set<Integer> folds = new TreeSet<>(a.folds().keySet());
    folds.retainAll(b.folds().keySet());
    List<Integer> common = commonImages(a, b, folds);
    boolean[][] fa = new boolean[folds.size()][];
    boolean[][] fb = new boolean[folds.size()][];
    double[] diffs = new double[folds.size()];
    int k = 0;
    for (int f : folds) {
      fa[k] = correctness(a.folds().get(f), common);
      fb[k] = correctness(b.folds().get(f), common);
      diffs[k] = meanDiff(new boolean[][] {fa[k]}, new boolean[][] {fb[k]}, allPositions(common.size()));
      k++;
    }
    Estimate meanFold = Estimate.UNDEFINED;
    if (!folds.isEmpty() && !common.isEmpty()) {
      Map<Integer, String> unit = new HashMap<>();
      a.folds().get(folds.iterator().next()).forEach(p -> unit.put(p.index(), p.unit()));
      String[] units = common.stream().map(unit::get).toArray(String[]::new);
      meanFold = a.bootstrap().interval(units, idx -> meanDiff(fa, fb, idx));
    }
    return new Paired(a, b, setting, mcnemar, ensembleDiff, diffs, meanFold, images);
  }

  /** Mean over models of (accuracy of b − accuracy of a) on the images at {@code positions}. */
  static double meanDiff(boolean[][] a, boolean[][] b, int[] positions) {
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

  private static List<Integer> commonImages(ArmEvaluation a, ArmEvaluation b, Set<Integer> folds) {
    Set<Integer> common = null;
    for (int f : folds) {
      for (List<Prediction> ps : List.of(a.folds().get(f), b.folds().get(f))) {
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
