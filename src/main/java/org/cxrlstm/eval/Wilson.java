package org.cxrlstm.eval;

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Brown, Cai and DasGupta 2001
 * recommend it over the Wald interval for small n such as the paper's 64 test images).
 */
public final class Wilson {
  private Wilson() {}

  /** The 95% interval of {@code successes / trials}; undefined when {@code trials} is 0. */
  public static Estimate interval(long successes, long trials) {
    return interval(successes, trials, Estimate.Z95);
  }

  /** The interval of {@code successes / trials} for normal quantile {@code z}. */
  public static Estimate interval(long successes, long trials, double z) {
    if (successes < 0 || trials < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
    }
    if (trials == 0) {
      return Estimate.UNDEFINED;
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // at 0 and n successes the bound is exactly 0 or 1; rounding would leave it a hair inside
    double low = successes == 0 ? 0 : Math.max(0, centre - half);
    double high = successes == trials ? 1 : Math.min(1, centre + half);
    return new Estimate(p, low, high);
  }
}
