package org.cxrlstm.train;

import java.util.Locale;

/** The training or validation loss became NaN or infinite; the run cannot recover and stops at once. */
public final class DivergenceException extends RuntimeException {
  private final int epoch;

  public DivergenceException(int epoch, int batch, float loss, double learningRate) {
    this("training loss became " + loss + " at epoch " + epoch + ", batch " + batch
        + " with learning rate " + learningRate + "; lower the learning rate", epoch);
  }

  private DivergenceException(String message, int epoch) {
    super(message);
    this.epoch = epoch;
  }

  /** The validation loss after {@code epoch} was {@code loss}, not a finite number. */
  public static DivergenceException onValidation(int epoch, double loss, double learningRate) {
    return new DivergenceException(String.format(Locale.ROOT,
        "validation loss became %s after epoch %d with learning rate %s; lower the learning rate",
        loss, epoch, learningRate), epoch);
  }

  public int epoch() {
    return epoch;
  }
}
