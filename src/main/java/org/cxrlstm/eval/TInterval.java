package org.cxrlstm.eval;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The 95% Student t-interval of a mean over n values: {@code mean ± t_{0.975, n-1} * sd * sqrt(factor)},
 * where {@code factor} is 1/n for independent values (the textbook interval) or larger where the values are
 * correlated ({@link PairedDifferences}). One value gives the value without an interval.
 */
public final class TInterval {
  private TInterval() {}

  /** The textbook interval of the mean of {@code values} (NaN values left out). */
  public static Estimate of(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
    return of(v, 1.0 / v.length);
  }

  /** The interval with the variance of the mean taken as {@code sd^2 * factor}. */
  public static Estimate of(double[] values, double factor) {
    int n = values.length;
    if (n == 0) {
      return Estimate.UNDEFINED;
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    if (n == 1) {
      return new Estimate(mean, Double.NaN, Double.NaN);
    }
    double half = TDistribution.of(n - 1).inverseCumulativeProbability(1 - PairedDifferences.ALPHA / 2)
        * sd(values) * Math.sqrt(factor);
    return new Estimate(mean, mean - half, mean + half);
  }

  /** Sample standard deviation (n - 1); NaN for fewer than two values. */
  public static double sd(double[] values) {
    int n = values.length;
    if (n < 2) {
      return Double.NaN;
    }
    double m = Arrays.stream(values).average().orElseThrow();
    return Math.sqrt(Arrays.stream(values).map(x -> (x - m) * (x - m)).sum() / (n - 1));
  }
}
