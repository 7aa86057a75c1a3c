package org.cxrlstm.eval;

import java.util.Locale;

/**
 * A point estimate with a 95% interval; NaN fields mean undefined (for example no images of a
 * class), which tables print as "n/a", never as 0.
 *
 * @param value the estimate from all test images
 * @param low   lower bound of the interval
 * @param high  upper bound of the interval
 */
public record Estimate(double value, double low, double high) {

  public static final Estimate UNDEFINED = new Estimate(Double.NaN, Double.NaN, Double.NaN);

  /** Two-sided 95% normal quantile, used by Wilson intervals. */
  public static final double Z95 = 1.959963984540054;

  public boolean defined() {
    return !Double.isNaN(value);
  }

  /** {@code value [low, high]} as percentages with one decimal, e.g. {@code 96.9 [89.3, 99.1]}. */
  public String percent() {
    if (!defined()) {
      return "n/a";
    }
    if (Double.isNaN(low)) {
      return String.format(Locale.ROOT, "%.1f", 100 * value);
    }
    return String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", 100 * value, 100 * low, 100 * high);
  }

  /** {@code value [low, high]} with three decimals, for AUC, ECE and differences. */
  public String plain() {
    if (!defined()) {
      return "n/a";
    }
    if (Double.isNaN(low)) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", value, low, high);
  }
}
