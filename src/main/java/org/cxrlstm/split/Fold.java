package org.cxrlstm.split;

/**
 * One cross-validation fold: its model trains on {@code train} and early-stops on {@code validation}.
 *
 * @param index      0-based fold number
 * @param train      dataset indices of the other folds' images, ascending
 * @param validation dataset indices of this fold's images, ascending
 */
public record Fold(int index, int[] train, int[] validation) {
  public Fold {
    if (index < 0) {
      throw new IllegalArgumentException("fold index must be >= 0, got " + index);
    }
    train = train.clone();
    validation = validation.clone();
  }

  @Override
  public int[] train() {
    return train.clone();
  }

  @Override
  public int[] validation() {
    return validation.clone();
  }
}
