package org.cxrlstm.train;

import java.util.List;

/**
 * The epochs of one training run and which of them the kept weights come from.
 *
 * @param epochs       one record per epoch run
 * @param bestEpoch    epoch whose weights the session holds at the end (the lowest validation loss
 *                     with early stopping, otherwise the last)
 * @param stoppedEarly whether patience ran out before the maximum epochs
 */
public record History(List<EpochRecord> epochs, int bestEpoch, boolean stoppedEarly) {
  public History {
    epochs = List.copyOf(epochs);
  }

  public EpochRecord best() {
    return epochs.get(bestEpoch - 1);
  }
}
