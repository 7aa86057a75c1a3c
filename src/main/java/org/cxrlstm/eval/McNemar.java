package org.cxrlstm.eval;

/**
 * Exact (binomial) McNemar test of two classifiers on the same images: under the null hypothesis
 * the discordant images split evenly, so {@code b ~ Binomial(b + c, 1/2)}. The two-sided p-value
 * is {@code min(1, 2 P(X <= min(b, c)))}. Exact rather than chi-square because with 64 test
 * images there are only a handful of discordant pairs.
 *
 * @param onlyFirstCorrect  b: images the first model gets right and the second wrong
 * @param onlySecondCorrect c: images the second model gets right and the first wrong
 * @param p                 two-sided exact p-value
 */
public record McNemar(long onlyFirstCorrect, long onlySecondCorrect, double p) {

  /** The test on per-image correctness of two models over the same images. */
  public static McNemar of(boolean[] firstCorrect, boolean[] secondCorrect) {
    if (firstCorrect.length != secondCorrect.length) {
      throw new IllegalArgumentException("paired test needs the same images: " + firstCorrect.length
          + " vs " + secondCorrect.length);
    }
    long b = 0;
    long c = 0;
    for (int i = 0; i < firstCorrect.length; i++) {
      if (firstCorrect[i] && !secondCorrect[i]) {
        b++;
      } else if (!firstCorrect[i] && secondCorrect[i]) {
        c++;
      }
    }
    return exact(b, c);
  }

  /** The test from the two discordant counts. */
  public static McNemar exact(long b, long c) {
    if (b < 0 || c < 0) {
      throw new IllegalArgumentException("discordant counts must be >= 0, got " + b + ", " + c);
    }
    long n = b + c;
    if (n == 0) {
      return new McNemar(b, c, 1.0);
    }
    return new McNemar(b, c, Math.min(1.0, 2 * binomialHalfCdf(Math.min(b, c), n)));
  }

  /** {@code P(X <= k)} for {@code X ~ Binomial(n, 1/2)}, summed in log space to stay finite for large n. */
  static double binomialHalfCdf(long k, long n) {
    double logPmf = -n * Math.log(2);
    double sum = Math.exp(logPmf);
    for (long i = 0; i < k; i++) {
      logPmf += Math.log(n - i) - Math.log(i + 1);
      sum += Math.exp(logPmf);
    }
    return Math.min(1.0, sum);
  }

  public boolean significant(double alpha) {
    return p < alpha;
  }
}
