package org.cxrlstm.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The class-probability functions every package shares: the predicted class (argMax) and the fold
 * ensemble, the mean of the fold models' probabilities per image (the paper's protocol).
 */
public final class Probabilities {
  private Probabilities() {}

  /** One image's class probabilities from one model or an ensemble; {@code index} names the image. */
  public record Image(int index, double[] p) {
    public int predicted() {
      return argMax(p);
    }
  }

  /** Index of the largest value; ties go to the lower index. */
  public static int argMax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  /** As {@link #argMax(double[])}, for float probabilities fetched from TensorFlow. */
  public static int argMax(float[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  /**
   * The ensemble of {@code models} (each a list of image predictions): for every image any model
   * predicted, the sum of the probabilities of the models that predicted it, divided by their
   * number; images in index order.
   */
  public static List<Image> ensemble(Collection<? extends Collection<Image>> models) {
    Map<Integer, double[]> sums = new TreeMap<>();
    Map<Integer, Integer> counts = new TreeMap<>();
    for (Collection<Image> model : models) {
      for (Image image : model) {
        double[] sum = sums.computeIfAbsent(image.index(), i -> new double[image.p().length]);
        if (sum.length != image.p().length) {
          throw new IllegalArgumentException("image " + image.index() + " has " + image.p().length
              + " class probabilities in one model and " + sum.length + " in another");
        }
        for (int k = 0; k < sum.length; k++) {
          sum[k] += image.p()[k];
        }
        counts.merge(image.index(), 1, Integer::sum);
      }
    }
    List<Image> out = new ArrayList<>();
    sums.forEach((index, sum) -> {
      double[] mean = new double[sum.length];
      for (int k = 0; k < sum.length; k++) {
        mean[k] = sum[k] / counts.get(index);
      }
      out.add(new Image(index, mean));
    });
    return out;
  }
}
