package org.cxrlstm.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Which test images get a Grad-CAM overlay: up to {@code n} images spread evenly over the cells
 * (true class x correct/wrong), taking cells in turn (class 0 correct, class 0 wrong, class 1
 * correct, ...) and within a cell the images in test-set order, so every class and both outcomes
 * are shown when they occur and the choice needs no seed.
 */
public final class CamSample {
  private CamSample() {}

  /** Positions (into {@code labels}) of the chosen images, in choice order. */
  public static List<Integer> choose(int[] labels, int[] predicted, int classes, int n) {
    if (labels.length != predicted.length) {
      throw new IllegalArgumentException(labels.length + " labels but " + predicted.length + " predictions");
    }
    List<List<Integer>> cells = new ArrayList<>();
    for (int c = 0; c < 2 * classes; c++) {
      cells.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      cells.get(2 * labels[i] + (labels[i] == predicted[i] ? 0 : 1)).add(i);
    }
    List<Integer> chosen = new ArrayList<>();
    for (int round = 0; chosen.size() < Math.min(n, labels.length); round++) {
      for (List<Integer> cell : cells) {
        if (round < cell.size() && chosen.size() < n) {
          chosen.add(cell.get(round));
        }
      }
    }
    return chosen;
  }
}
