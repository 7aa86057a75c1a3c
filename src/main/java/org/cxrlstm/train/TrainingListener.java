package org.cxrlstm.train;

/**
 * Hooks into the training loop, so that logging, progress bars, CSV rows and TensorBoard events
 * stay out of the loop itself.
 */
public interface TrainingListener {
  /** After each training step; {@code batch} counts from 1 within the epoch. */
  default void onBatchEnd(int epoch, int batch, StepResult result) {}

  /** After each epoch, validation included. */
  default void onEpochEnd(EpochRecord record) {}
}
