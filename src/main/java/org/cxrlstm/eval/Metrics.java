package org.cxrlstm.eval;

/**
 * The paper's metrics (section 3.3), one class against the rest:
 * accuracy = (TP+TN)/(TP+TN+FP+FN), sensitivity = TP/(TP+FN), specificity = TN/(TN+FP),
 * F1 = 2TP/(2TP+FP+FN).
 *
 * <p>A ratio with a zero denominator is undefined and returned as NaN, never as 0: a class absent
 * from the test set has no sensitivity, and reporting 0 would read as "all missed".
 *
 * @param accuracy    one-vs-rest accuracy of the class
 * @param sensitivity recall of the class
 * @param specificity true-negative rate of the class
 * @param f1          F1 score of the class
 */
public record Metrics(double accuracy, double sensitivity, double specificity, double f1) {

  /** Metric names in the order of the paper's Tables 3 and 4. */
  public static final String[] NAMES = {"accuracy", "specificity", "sensitivity", "f1"};

  /** The metrics of class {@code c} in {@code m}. */
  public static Metrics of(ConfusionMatrix m, int c) {
    long tp = m.truePositives(c);
    long fp = m.falsePositives(c);
    long fn = m.falseNegatives(c);
    long tn = m.trueNegatives(c);
    return new Metrics(ratio(tp + tn, tp + tn + fp + fn), ratio(tp, tp + fn), ratio(tn, tn + fp),
        ratio(2 * tp, 2 * tp + fp + fn));
  }

  /** Unweighted mean over classes of each metric, skipping classes where it is undefined. */
  public static Metrics macro(ConfusionMatrix m) {
    double[][] v = new double[m.classes()][];
    for (int c = 0; c < m.classes(); c++) {
      Metrics x = of(m, c);
      v[c] = new double[] {x.accuracy, x.sensitivity, x.specificity, x.f1};
    }
    double[] mean = new double[4];
    for (int k = 0; k < 4; k++) {
      double sum = 0;
      int n = 0;
      for (double[] row : v) {
        if (!Double.isNaN(row[k])) {
          sum += row[k];
          n++;
        }
      }
      mean[k] = n == 0 ? Double.NaN : sum / n;
    }
    return new Metrics(mean[0], mean[1], mean[2], mean[3]);
  }

  /** The metric called {@code name} (one of {@link #NAMES}). */
  public double get(String name) {
    return switch (name) {
      case "accuracy" -> accuracy;
      case "sensitivity" -> sensitivity;
      case "specificity" -> specificity;
      case "f1" -> f1;
      default -> throw new IllegalArgumentException("unknown metric '" + name + "'");
    };
  }

  /** {@code num / den}, NaN when {@code den} is 0. */
  static double ratio(long num, long den) {
    return den == 0 ? Double.NaN : (double) num / den;
  }
}
