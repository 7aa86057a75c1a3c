package org.cxrlstm.train;

/**
 * Lowers the learning rate when the validation loss stops improving, as Keras's
 * {@code ReduceLROnPlateau(monitor='val_loss', factor, patience, min_delta=0, cooldown=0)}: after
 * {@code patience} epochs in a row without a new lowest validation loss the rate is multiplied by
 * {@code factor} and the count starts again. Not part of the paper (a fixed 1e-4, section 4.1);
 * an option for longer CPU runs. Pure Java so that the schedule is testable without TensorFlow.
 */
public final class PlateauDecay {
  private final double factor;
  private final int patience;
  private double rate;
  private double best = Double.POSITIVE_INFINITY;
  private int wait;

  /** Starts at {@code initialRate}; {@code factor} 1 or {@code patience} 0 keeps the rate fixed. */
  public PlateauDecay(double initialRate, double factor, int patience) {
    if (!(initialRate > 0) || Double.isInfinite(initialRate)) {
      throw new IllegalArgumentException("learning rate " + initialRate + " must be a finite number > 0");
    }
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("decay factor " + factor + " must be in (0, 1]");
    }
    if (patience < 0) {
      throw new IllegalArgumentException("decay patience " + patience + " must be >= 0");
    }
    this.rate = initialRate;
    this.factor = factor;
    this.patience = patience;
  }

  /** The schedule of {@code config}. */
  public static PlateauDecay of(TrainConfig config) {
    return new PlateauDecay(config.learningRate(), config.lrDecayFactor(), config.lrDecayPatience());
  }

  /** What the schedule has seen so far: enough to continue it exactly after a restart. */
  public record Snapshot(double rate, double best, int epochsWithoutImprovement) {}

  public Snapshot snapshot() {
    return new Snapshot(rate, best, wait);
  }

  /** Continues from {@code s} as if the epochs behind it had been seen by this schedule. */
  public void restore(Snapshot s) {
    rate = s.rate();
    best = s.best();
    wait = s.epochsWithoutImprovement();
  }

  /** The learning rate for the next epoch. */
  public double rate() {
    return rate;
  }

  /**
   * Records the validation loss of the epoch just finished and returns the rate for the next one.
   * A NaN loss (no validation set) changes nothing.
   */
  public double afterEpoch(double validationLoss) {
    if (Double.isNaN(validationLoss)) {
      return rate;
    }
    if (validationLoss < best) {
      best = validationLoss;
      wait = 0;
    } else if (patience > 0 && factor < 1 && ++wait >= patience) {
      rate *= factor;
      wait = 0;
    }
    return rate;
  }
}
