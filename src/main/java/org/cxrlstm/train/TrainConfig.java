package org.cxrlstm.train;

/**
 * Optimisation settings of one training run.
 *
 * @param learningRate Adam's step size; the paper uses 1e-4 (section 4.1)
 * @param batchSize    images per step (not stated in the paper)
 * @param epochs       maximum epochs; the paper trains up to 200
 * @param patience     epochs without a lower validation loss before stopping; 0 disables early
 *                     stopping (then the last epoch's weights are kept)
 * @param seed         seeds initial weights, dropout masks, shuffling and augmentation
 */
public record TrainConfig(double learningRate, int batchSize, int epochs, int patience, long seed) {

  /** The paper's learning rate (section 4.1). */
  public static final double PAPER_LEARNING_RATE = 1e-4;
  /** The paper's maximum epochs (section 4.1). */
  public static final int PAPER_EPOCHS = 200;

  public TrainConfig {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate " + learningRate + " must be a finite number > 0");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be >= 1");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs " + epochs + " must be >= 1");
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience " + patience + " must be >= 0 (0 disables early stopping)");
    }
  }

  public boolean earlyStopping() {
    return patience > 0;
  }
}
