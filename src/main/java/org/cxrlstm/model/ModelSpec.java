package org.cxrlstm.model;

import java.util.List;

/**
 * The shape of a model, independent of training: everything needed to rebuild the graph.
 *
 * @param inputSize  side of the square input image in pixels; the paper uses 224 (section 3.1)
 * @param width      multiplier on the filters of Table 2 (1.0 = 64, 128, 256, 512, 512)
 * @param blocks     convolutions per block, each block ending in a 2x2 max-pool with stride 2;
 *                   Table 2 has 2, 2, 3, 3, 3
 * @param lstmUnits  hidden units of the LSTM. The paper does not state this number; 64 is our
 *                   default and is swept in the {@code ablation} experiment
 * @param dropout    rate applied before the final dense layer during training (not stated in the
 *                   paper)
 * @param classes    output classes (3: COVID-19, pneumonia, normal)
 * @param init       initial kernel distribution
 * @param forgetBias initial bias of the LSTM's forget gate (equation (6)); the paper does not state
 *                   it. 1.0 is Keras's {@code unit_forget_bias=True} (Jozefowicz et al. 2015), so the
 *                   cell starts by remembering rather than forgetting
 */
public record ModelSpec(
    int inputSize, double width, List<Integer> blocks, int lstmUnits, double dropout, int classes,
    Initializer init, double forgetBias) {

  /** Filters of the first block at width 1.0; each block doubles them up to {@link #MAX_FILTERS}. */
  public static final int BASE_FILTERS = 64;
  /** VGG caps the filters at 512 (Table 2, blocks 4 and 5). */
  public static final int MAX_FILTERS = 512;
  /** Table 2: 13 convolutions in five blocks. */
  public static final List<Integer> PAPER_BLOCKS = List.of(2, 2, 3, 3, 3);
  /** Not stated in the paper; 64 is a common Keras choice and cheap on a CPU. */
  public static final int LSTM_UNITS_DEFAULT = 64;
  /** Keras's unit_forget_bias=True: the forget gate starts near sigma(1) = 0.73. */
  public static final double FORGET_BIAS_DEFAULT = 1.0;

  /** A spec with the default forget-gate bias {@link #FORGET_BIAS_DEFAULT}. */
  public ModelSpec(int inputSize, double width, List<Integer> blocks, int lstmUnits, double dropout,
      int classes, Initializer init) {
    this(inputSize, width, blocks, lstmUnits, dropout, classes, init, FORGET_BIAS_DEFAULT);
  }

  public ModelSpec {
    blocks = List.copyOf(blocks);
    if (blocks.isEmpty() || blocks.stream().anyMatch(n -> n == null || n < 1)) {
      throw new IllegalArgumentException("blocks " + blocks + " must be a non-empty list of counts >= 1");
    }
    int stride = 1 << blocks.size();
    if (inputSize < stride || inputSize % stride != 0) {
      throw new IllegalArgumentException("input size " + inputSize + " must be a positive multiple of "
          + stride + " (2^" + blocks.size() + " for " + blocks.size() + " pooling blocks)");
    }
    if (!(width > 0) || Double.isInfinite(width)) {
      throw new IllegalArgumentException("width " + width + " must be a finite number > 0");
    }
    if (lstmUnits < 1) {
      throw new IllegalArgumentException("LSTM units " + lstmUnits + " must be >= 1");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout " + dropout + " must be in [0, 1)");
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes " + classes + " must be >= 2");
    }
    if (init == null) {
      throw new IllegalArgumentException("initializer must be given");
    }
    if (!Double.isFinite(forgetBias)) {
      throw new IllegalArgumentException("forget bias " + forgetBias + " must be a finite number");
    }
  }

  /** The paper's model: 224 px, full width, Table 2's blocks, 3 classes, Keras's Glorot default. */
  public static ModelSpec paper() {
    return new ModelSpec(224, 1.0, PAPER_BLOCKS, LSTM_UNITS_DEFAULT, 0.0, 3, Initializer.GLOROT);
  }

  /**
   * The reduced spec that the {@code baseline} experiment trains on a 2-core CPU: 128 px and a
   * quarter of the filters (16-32-64-128-128), giving a 4x4x128 map and 16 LSTM steps; He
   * initialisation because the narrow plain ReLU stack barely trains from Glorot in 40 epochs.
   */
  public static ModelSpec cpuBaseline() {
    return new ModelSpec(128, 0.25, PAPER_BLOCKS, LSTM_UNITS_DEFAULT, 0.0, 3, Initializer.HE);
  }

  /** Filters of block {@code b} (0-based): 64 * 2^b capped at 512, times the width, at least 1. */
  public int filters(int b) {
    int full = Math.min(BASE_FILTERS << b, MAX_FILTERS);
    return Math.max(1, (int) Math.round(full * width));
  }

  /** Side of the last feature map: 7 at 224 px. */
  public int featureSize() {
    return inputSize >> blocks.size();
  }

  /** Channels of the last feature map: 512 at width 1.0. */
  public int featureChannels() {
    return filters(blocks.size() - 1);
  }

  /** LSTM time steps: one per spatial cell of the last feature map (49 at 224 px). */
  public int timeSteps() {
    return featureSize() * featureSize();
  }

  public ModelSpec withInputSize(int size) {
    return new ModelSpec(size, width, blocks, lstmUnits, dropout, classes, init, forgetBias);
  }

  public ModelSpec withWidth(double w) {
    return new ModelSpec(inputSize, w, blocks, lstmUnits, dropout, classes, init, forgetBias);
  }

  public ModelSpec withLstmUnits(int units) {
    return new ModelSpec(inputSize, width, blocks, units, dropout, classes, init, forgetBias);
  }

  public ModelSpec withDropout(double rate) {
    return new ModelSpec(inputSize, width, blocks, lstmUnits, rate, classes, init, forgetBias);
  }

  public ModelSpec withClasses(int k) {
    return new ModelSpec(inputSize, width, blocks, lstmUnits, dropout, k, init, forgetBias);
  }

  public ModelSpec withInit(Initializer i) {
    return new ModelSpec(inputSize, width, blocks, lstmUnits, dropout, classes, i, forgetBias);
  }

  public ModelSpec withForgetBias(double bias) {
    return new ModelSpec(inputSize, width, blocks, lstmUnits, dropout, classes, init, bias);
  }
}
