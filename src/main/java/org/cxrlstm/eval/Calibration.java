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
      int top = argMax(probabilities[i]);
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

  /** Index of the largest value; ties go to the lower index, as the predicted class does. */
  public static int argMax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }
}
