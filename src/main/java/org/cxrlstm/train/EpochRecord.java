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
 * @param seconds            wall time of the epoch, validation included
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
    double validationAccuracy, double seconds) {}
