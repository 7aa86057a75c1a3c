package org.cxrlstm.train;

/**
 * What one epoch measured. Validation values are NaN when the run has no validation set.
 *
 * @param epoch              1-based
 * @param trainLoss          mean of the per-batch losses, weighted by batch size, while training
 * @param trainAccuracy      share of training images right while training (dropout and
 *                           augmentation on, as Keras reports it)
 * @param validationLoss     mean cross-entropy on the validation images after the epoch
 * @param validationAccuracy share right on the validation images after the epoch
 * @param learningRateNow    Adam's learning rate during this epoch (lowered on plateaus when
 *                           learning-rate decay is on); NaN when not known
 * @param seconds            wall time of the epoch, validation included
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
    double validationAccuracy, double learningRateNow, double seconds) {

  /** A record without the learning rate (NaN), for callers that do not know it. */
  public EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
      double validationAccuracy, double seconds) {
    this(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, Double.NaN, seconds);
  }
}
