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
 * @param lrDecayFactor multiplies the learning rate when the validation loss has not improved for
 *                      {@code lrDecayPatience} epochs (Keras's ReduceLROnPlateau); in (0, 1], 1
 *                      disables decay. Not in the paper, which trains at a fixed 1e-4
 * @param lrDecayPatience epochs without a lower validation loss before each decay; 0 disables it
 */
public record TrainConfig(double learningRate, int batchSize, int epochs, int patience, long seed,
    double lrDecayFactor, int lrDecayPatience) {

  /** The paper's learning rate (section 4.1). */
  public static final double PAPER_LEARNING_RATE = 1e-4;
  /** The paper's maximum epochs (section 4.1). */
  public static final int PAPER_EPOCHS = 200;
  /** No decay: the paper keeps its learning rate fixed. */
  public static final double LR_DECAY_FACTOR_NONE = 1.0;

  /** A run at a fixed learning rate, as the paper trains. */
  public TrainConfig(double learningRate, int batchSize, int epochs, int patience, long seed) {
    this(learningRate, batchSize, epochs, patience, seed, LR_DECAY_FACTOR_NONE, 0);
  }

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
    if (!(lrDecayFactor > 0 && lrDecayFactor <= 1)) {
      throw new IllegalArgumentException("learning-rate decay factor " + lrDecayFactor
          + " must be in (0, 1] (1 disables decay)");
    }
    if (lrDecayPatience < 0) {
      throw new IllegalArgumentException("learning-rate decay patience " + lrDecayPatience
          + " must be >= 0 (0 disables decay)");
    }
  }

  /** Whether the learning rate is lowered on validation-loss plateaus. */
  public boolean lrDecay() {
    return lrDecayFactor < 1 && lrDecayPatience > 0;
  }

  /** The same run with learning-rate decay on plateaus. */
  public TrainConfig withLrDecay(double factor, int decayPatience) {
    return new TrainConfig(learningRate, batchSize, epochs, patience, seed, factor, decayPatience);
  }

  public boolean earlyStopping() {
    return patience > 0;
  }
}
