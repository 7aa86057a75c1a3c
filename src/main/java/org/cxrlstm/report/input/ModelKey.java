package org.cxrlstm.report.input;

import java.util.Comparator;

/**
 * One trained model of an arm: its training seed (repeat) and fold. Two arms' models with the same
 * key were trained on the same images from the same seed, so their test results form a pair.
 */
public record ModelKey(long seed, int fold) implements Comparable<ModelKey> {
  private static final Comparator<ModelKey> ORDER = Comparator.comparingLong(ModelKey::seed)
      .thenComparingInt(ModelKey::fold);

  @Override
  public int compareTo(ModelKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return "seed " + seed + " fold " + fold;
  }
}
