package org.cxrlstm.eval;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs over a test set; {@code count(t, p)}.
 *
 * <p>One-vs-rest counts follow the paper's section 3.3: for class {@code c}, TP are images of
 * {@code c} predicted as {@code c}, FP images of other classes predicted as {@code c}, FN images
 * of {@code c} predicted as another class, TN all the rest.
 */
public final class ConfusionMatrix {
  private final long[][] counts;

  private ConfusionMatrix(long[][] counts) {
    this.counts = counts;
  }

  /** An empty matrix over {@code classes} classes. */
  public static ConfusionMatrix empty(int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("a confusion matrix needs at least 2 classes, got " + classes);
    }
    return new ConfusionMatrix(new long[classes][classes]);
  }

  /** The matrix of {@code labels[i]} against {@code predicted[i]}. */
  public static ConfusionMatrix of(int classes, int[] labels, int[] predicted) {
    if (labels.length != predicted.length) {
      throw new IllegalArgumentException(labels.length + " labels but " + predicted.length + " predictions");
    }
    ConfusionMatrix m = empty(classes);
    for (int i = 0; i < labels.length; i++) {
      m.add(labels[i], predicted[i]);
    }
    return m;
  }

  /** A matrix from explicit counts, rows = true class, columns = predicted class. */
  public static ConfusionMatrix ofCounts(long[][] counts) {
    ConfusionMatrix m = empty(counts.length);
    for (int t = 0; t < counts.length; t++) {
      if (counts[t].length != counts.length) {
        throw new IllegalArgumentException("row " + t + " has " + counts[t].length + " columns, expected " + counts.length);
      }
      for (int p = 0; p < counts.length; p++) {
        if (counts[t][p] < 0) {
          throw new IllegalArgumentException("negative count " + counts[t][p] + " at (" + t + ", " + p + ")");
        }
        m.counts[t][p] = counts[t][p];
      }
    }
    return m;
  }

  private void add(int label, int predicted) {
    check(label, "label");
    check(predicted, "predicted class");
    counts[label][predicted]++;
  }

  private void check(int c, String what) {
    if (c < 0 || c >= counts.length) {
      throw new IllegalArgumentException(what + " " + c + " outside 0.." + (counts.length - 1));
    }
  }

  public int classes() {
    return counts.length;
  }

  public long count(int trueClass, int predictedClass) {
    return counts[trueClass][predictedClass];
  }

  public long total() {
    long n = 0;
    for (long[] row : counts) {
      for (long v : row) {
        n += v;
      }
    }
    return n;
  }

  /** Images on the diagonal. */
  public long correct() {
    long n = 0;
    for (int c = 0; c < counts.length; c++) {
      n += counts[c][c];
    }
    return n;
  }

  public long truePositives(int c) {
    return counts[c][c];
  }

  public long falsePositives(int c) {
    long n = 0;
    for (int t = 0; t < counts.length; t++) {
      n += t == c ? 0 : counts[t][c];
    }
    return n;
  }

  public long falseNegatives(int c) {
    long n = 0;
    for (int p = 0; p < counts.length; p++) {
      n += p == c ? 0 : counts[c][p];
    }
    return n;
  }

  public long trueNegatives(int c) {
    return total() - truePositives(c) - falsePositives(c) - falseNegatives(c);
  }

  /** Images whose true class is {@code c}. */
  public long support(int c) {
    return Arrays.stream(counts[c]).sum();
  }

  /** Overall accuracy (correct / total); NaN for an empty matrix. */
  public double accuracy() {
    return Metrics.ratio(correct(), total());
  }

  /** A copy of the counts, rows = true class. */
  public long[][] toArray() {
    long[][] out = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      out[i] = counts[i].clone();
    }
    return out;
  }

  @Override
  public String toString() {
    return Arrays.deepToString(counts);
  }
}
