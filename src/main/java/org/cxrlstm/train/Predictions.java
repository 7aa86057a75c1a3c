package org.cxrlstm.train;

import org.cxrlstm.eval.Probabilities;

/**
 * A model's outputs on a set of images, in the order they were fed.
 *
 * @param indices       dataset index of each image
 * @param labels        true class of each image
 * @param probabilities softmax output per image
 * @param loss          mean cross-entropy over the images, as the graph computes it
 */
public record Predictions(int[] indices, int[] labels, float[][] probabilities, double loss) {

  public int count() {
    return indices.length;
  }

  /** Predicted class (argmax; ties go to the lower index) of image {@code i}. */
  public int predicted(int i) {
    return Probabilities.argMax(probabilities[i]);
  }

  public double accuracy() {
    if (count() == 0) {
      return Double.NaN;
    }
    int correct = 0;
    for (int i = 0; i < count(); i++) {
      if (predicted(i) == labels[i]) {
        correct++;
      }
    }
    return (double) correct / count();
  }
}
