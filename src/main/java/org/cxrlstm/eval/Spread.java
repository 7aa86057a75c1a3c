package org.cxrlstm.eval;

import java.util.Arrays;
import java.util.Locale;

/** Mean, sample standard deviation, min and max of per-fold values (NaN values are left out). */
public record Spread(double mean, double sd, double min, double max, int n) {

  public static Spread of(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
    if (v.length == 0) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double mean = Arrays.stream(v).average().orElseThrow();
    double sd = TInterval.sd(v);
    return new Spread(mean, sd, Arrays.stream(v).min().orElseThrow(), Arrays.stream(v).max().orElseThrow(), v.length);
  }

  /** {@code mean ± sd} in percent, e.g. {@code 93.8 ± 2.1}; "n/a" when undefined. */
  public String percent() {
    if (n == 0) {
      return "n/a";
    }
    return Double.isNaN(sd) ? String.format(Locale.ROOT, "%.1f", 100 * mean)
        : String.format(Locale.ROOT, "%.1f ± %.1f", 100 * mean, 100 * sd);
  }

  public String plain() {
    if (n == 0) {
      return "n/a";
    }
    return Double.isNaN(sd) ? String.format(Locale.ROOT, "%.3f", mean)
        : String.format(Locale.ROOT, "%.3f ± %.3f", mean, sd);
  }
}
