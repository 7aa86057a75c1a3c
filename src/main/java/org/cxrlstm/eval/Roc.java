package org.cxrlstm.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One-vs-rest ROC curve of a score against a binary truth. Tied scores move the curve
 * diagonally, so the area equals the Mann-Whitney probability that a random positive scores
 * above a random negative, ties counting one half.
 *
 * @param falsePositiveRate x of each point, from 0 to 1
 * @param truePositiveRate  y of each point, from 0 to 1
 * @param auc               area under the curve; NaN without positives or without negatives
 */
public record Roc(double[] falsePositiveRate, double[] truePositiveRate, double auc) {

  /** The curve of {@code scores} for items where {@code positive[i]} is true. */
  public static Roc of(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
    }
    long p = 0;
    for (boolean b : positive) {
      p += b ? 1 : 0;
    }
    long n = positive.length - p;
    if (p == 0 || n == 0) {
      return new Roc(new double[0], new double[0], Double.NaN);
    }
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    List<double[]> points = new ArrayList<>();
    points.add(new double[] {0, 0});
    long tp = 0;
    long fp = 0;
    double area = 0;
    for (int k = 0; k < order.length; ) {
      double s = scores[order[k]];
      long prevTp = tp;
      long prevFp = fp;
      while (k < order.length && scores[order[k]] == s) {
        if (positive[order[k]]) {
          tp++;
        } else {
          fp++;
        }
        k++;
      }
      area += (double) (fp - prevFp) / n * ((double) (tp + prevTp) / (2.0 * p));
      points.add(new double[] {(double) fp / n, (double) tp / p});
    }
    return new Roc(points.stream().mapToDouble(a -> a[0]).toArray(),
        points.stream().mapToDouble(a -> a[1]).toArray(), area);
  }

  /** AUC alone (for bootstrap replicates). */
  public static double auc(double[] scores, boolean[] positive) {
    return of(scores, positive).auc();
  }
}
