package org.cxrlstm.train;

import org.cxrlstm.data.image.BatchIterator;

/** Where the training loop gets its batches. */
public interface TrainingData {
  /** Training batches of epoch {@code epoch} (1-based), shuffled and augmented for that epoch. */
  BatchIterator trainingEpoch(int epoch);

  /** Validation batches in a fixed order, or {@code null} when the run has no validation set. */
  BatchIterator validation();

  /** Training images per epoch. */
  int trainingImages();
}
