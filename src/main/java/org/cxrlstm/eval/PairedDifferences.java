package org.cxrlstm.eval;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Intervals over training runs for a paired comparison of two arms: one accuracy difference per
 * model pair (same fold, same training seed, same test images), so the spread of the differences
 * holds the training noise (initial weights, shuffling, augmentation, which images train) as well as
 * the test sampling.
 *
 * <p>Two intervals, both Student t with J - 1 degrees of freedom over the J differences:
 * <ul>
 *   <li>the plain paired t-interval, {@code mean ± t sd / sqrt(J)}, which treats the J models as
 *       independent; they are not, since fold models share most of their training images and all
 *       of the test images;</li>
 *   <li>the corrected resampled t of Nadeau and Bengio (2003, "Inference for the generalization
 *       error", Machine Learning 52:239-281, eq. 15): the variance of the mean is inflated from
 *       {@code sd^2 / J} to {@code sd^2 (1/J + n_test/n_train)}, where n_test is the number of test
 *       images each difference is measured on and n_train the training images of one model.</li>
 * </ul>
 * The corrected one is the verdict's interval. {@link #minimumDetectable} turns the same standard
 * error into the smallest true difference a two-sided test at alpha 0.05 would find with 80% power.
 *
 * @param differences second minus first accuracy, one per model pair
 * @param testImages  n_test: test images each difference is measured on
 * @param trainImages n_train: training images of one model (mean over folds)
 */
public record PairedDifferences(double[] differences, int testImages, double trainImages) {
  /** Two-sided level of every interval and test here. */
  public static final double ALPHA = 0.05;
  /** Power of {@link #minimumDetectable}. */
  public static final double POWER = 0.8;

  public PairedDifferences {
    differences = differences.clone();
  }

  public int count() {
    return differences.length;
  }

  public double mean() {
    return Arrays.stream(differences).average().orElse(Double.NaN);
  }

  /** Sample standard deviation (n - 1); NaN for fewer than two differences. */
  public double sd() {
    return TInterval.sd(differences);
  }

  /** The plain paired t-interval (models taken as independent). */
  public Estimate tInterval() {
    return interval(1.0 / count());
  }

  /** The Nadeau-Bengio corrected resampled t-interval; undefined without n_test and n_train. */
  public Estimate correctedInterval() {
    if (!(testImages > 0 && trainImages > 0)) {
      return Estimate.UNDEFINED;
    }
    return interval(correctedFactor());
  }

  /** Two-sided p-value of the corrected resampled t-test of a zero mean difference. */
  public double correctedP() {
    double se = standardError(correctedFactor());
    if (!(se > 0)) {
      return Double.NaN;
    }
    double t = Math.abs(mean()) / se;
    return 2 * TDistribution.of(count() - 1).survivalProbability(t);
  }

  /**
   * The smallest true difference (accuracy, as a fraction) that the corrected test at {@link #ALPHA}
   * would detect with {@link #POWER}, given the observed spread: {@code (t_{1-alpha/2} + t_{power}) * se};
   * NaN when the differences do not vary (no spread, no power estimate).
   */
  public double minimumDetectable() {
    double se = standardError(correctedFactor());
    if (!(se > 0) || count() < 2) {
      return Double.NaN;
    }
    TDistribution t = TDistribution.of(count() - 1);
    return (t.inverseCumulativeProbability(1 - ALPHA / 2) + t.inverseCumulativeProbability(POWER)) * se;
  }

  private double correctedFactor() {
    return 1.0 / count() + testImages / trainImages;
  }

  private double standardError(double factor) {
    return sd() * Math.sqrt(factor);
  }

  private Estimate interval(double factor) {
    return TInterval.of(differences, factor);
  }
}
