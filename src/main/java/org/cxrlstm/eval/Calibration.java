package org.cxrlstm.eval;

/**
 * Reliability of the top-class probability (Guo et al., "On Calibration of Modern Neural
 * Networks", ICML 2017): images binned by confidence = max probability into equal-width bins;
 * per bin the mean confidence against the share predicted correctly. The expected calibration
 * error is {@code sum_b n_b/N |accuracy_b - confidence_b|}.
 *
 * @param bins       number of equal-width bins over [0, 1]
 * @param count      images per bin
 * @param confidence mean confidence per bin (NaN for an empty bin)
 * @param accuracy   share correct per bin (NaN for an empty bin)
 * @param ece        expected calibration error; NaN without images
 */
public record Calibration(int bins, long[] count, double[] confidence, double[] accuracy, double ece) {

  /** Ten bins, as Guo et al. */
  public static final int BINS_DEFAULT = 10;

  /** Reliability of {@code probabilities[i]} (one row per image) against {@code labels[i]}. */
  public static Calibration of(double[][] probabilities, int[] labels, int bins) {
    if (probabilities.length != labels.length) {
      throw new IllegalArgumentException(probabilities.length + " probability rows but " + labels.length + " labels");
    }
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    long[] count = new long[bins];
    double[] confSum = new double[bins];
    double[] correct = new double[bins];
    for (int i = 0; i < labels.length; i++) {
      int top = Probabilities.argMax(probabilities[i]);
      double conf = probabilities[i][top];
      int b = Math.min(bins - 1, (int) Math.floor(conf * bins));
      count[b]++;
      confSum[b] += conf;
      correct[b] += top == labels[i] ? 1 : 0;
    }
    double[] confidence = new double[bins];
    double[] accuracy = new double[bins];
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      confidence[b] = count[b] == 0 ? Double.NaN : confSum[b] / count[b];
      accuracy[b] = count[b] == 0 ? Double.NaN : correct[b] / count[b];
      if (count[b] > 0) {
        ece += (double) count[b] / labels.length * Math.abs(accuracy[b] - confidence[b]);
      }
    }
    return new Calibration(bins, count, confidence, accuracy, labels.length == 0 ? Double.NaN : ece);
  }

  /**
   * The expected calibration error of {@code probabilities} against {@code labels}, debiased, with
   * its 95% interval, resampling {@code units} (patients) with {@code bootstrap}; in {@link #BINS_DEFAULT} bins.
   *
   * <p>Why not a percentile or BCa interval: the plug-in ECE adds up absolute differences between
   * noisy bin accuracies and their confidences, so sampling noise only ever raises it. A perfectly
   * calibrated model scored on 63 images gets an ECE of several hundredths, and every bootstrap
   * replicate, being the same kind of sum over a resample, lies higher still: a percentile interval
   * then often excludes its own point estimate, and always the true value 0. BCa cannot repair
   * this, because its bounds are also replicate values (and its bias constant is infinite when
   * every replicate exceeds the estimate).
   *
   * <p>What is used instead: the estimate and the bounds come from {@link Bootstrap#biasCorrected},
   * which subtracts the bias the bootstrap measures (the replicates' excess over the plug-in value)
   * and reflects the replicates around the estimate, the correction Kumar, Liang and Ma (NeurIPS
   * 2019, "Verified Uncertainty Calibration") apply with a Gaussian resampling of bin accuracies.
   * Near 0 this removes only part of the bias, because the bias of an absolute value is largest at
   * 0 and the bootstrap evaluates it at the (biased) estimate. So whether 0 belongs to the interval
   * is decided by a test instead: consistency resampling (Bröcker and Smith 2007, "Increasing the
   * reliability of reliability diagrams") draws every label from the model's own probabilities, the
   * distribution of the ECE if the model were perfectly calibrated; when the observed ECE is not
   * above that distribution's 95th percentile, the data cannot tell the model from a calibrated one
   * and the lower bound is 0. A calibration error lies in [0, 1], so estimate and bounds are clipped
   * to it.
   */
  public static Estimate debiasedEce(double[][] probabilities, int[] labels, String[] units, Bootstrap bootstrap) {
    if (probabilities.length != labels.length || labels.length != units.length) {
      throw new IllegalArgumentException(probabilities.length + " probability rows, " + labels.length
          + " labels and " + units.length + " units");
    }
    Estimate raw = bootstrap.biasCorrected(units, positions -> {
      double[][] p = new double[positions.length][];
      int[] y = new int[positions.length];
      for (int i = 0; i < positions.length; i++) {
        p[i] = probabilities[positions[i]];
        y[i] = labels[positions[i]];
      }
      return of(p, y, BINS_DEFAULT).ece();
    });
    if (!raw.defined()) {
      return raw;
    }
    boolean calibratedFits = consistencyP(probabilities, labels, bootstrap.seed(), bootstrap.replicates()) > 0.05;
    return new Estimate(clip(raw.value()), calibratedFits ? 0 : clip(raw.low()), clip(raw.high()));
  }

  /**
   * The p-value of perfect calibration (consistency resampling, Bröcker and Smith 2007): the share
   * of {@code replicates} label sets, each label drawn from its row of {@code probabilities}, whose
   * ECE is at least the observed one, counting the observed set as one of them.
   */
  public static double consistencyP(double[][] probabilities, int[] labels, long seed, int replicates) {
    double observed = of(probabilities, labels, BINS_DEFAULT).ece();
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    int[] drawn = new int[labels.length];
    int atLeast = 0;
    for (int r = 0; r < replicates; r++) {
      for (int i = 0; i < drawn.length; i++) {
        drawn[i] = draw(probabilities[i], random.nextDouble());
      }
      // a tolerance, so that an ECE equal to the observed one up to rounding counts as at least it
      atLeast += of(probabilities, drawn, BINS_DEFAULT).ece() >= observed - 1e-12 ? 1 : 0;
    }
    return (atLeast + 1.0) / (replicates + 1.0);
  }

  /** The class whose cumulative probability first exceeds {@code u}, a uniform draw in [0, 1). */
  static int draw(double[] p, double u) {
    double cumulative = 0;
    for (int k = 0; k < p.length - 1; k++) {
      cumulative += p[k];
      if (u < cumulative) {
        return k;
      }
    }
    return p.length - 1;
  }

  private static double clip(double v) {
    return Double.isNaN(v) ? v : Math.max(0, Math.min(1, v));
  }
}
