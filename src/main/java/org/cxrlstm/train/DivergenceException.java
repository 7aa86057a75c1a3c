package org.cxrlstm.train;

/** The training loss became NaN or infinite; the run cannot recover and stops at once. */
public final class DivergenceException extends RuntimeException {
  private final int epoch;

  public DivergenceException(int epoch, int batch, float loss, double learningRate) {
    super("training loss became " + loss + " at epoch " + epoch + ", batch " + batch
        + " with learning rate " + learningRate + "; lower the learning rate");
    this.epoch = epoch;
  }

  public int epoch() {
    return epoch;
  }
}
