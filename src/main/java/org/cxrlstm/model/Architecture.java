package org.cxrlstm.model;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tensorflow.op.Ops;

/** The two arms of the paper's comparison; the names are the ones every CSV uses. */
public enum Architecture {
  /** The paper's "competitive CNN": trunk, flatten, dense softmax. */
  CNN("cnn") {
    @Override
    public ModelGraph build(Ops tf, ModelSpec spec, long seed) {
      return CnnGraph.build(tf, spec, seed);
    }
  },
  /** The proposed CNN-LSTM: trunk, 49 cells as time steps, LSTM, dense softmax (section 3.2.3). */
  CNN_LSTM("cnn-lstm") {
    @Override
    public ModelGraph build(Ops tf, ModelSpec spec, long seed) {
      return CnnLstmGraph.build(tf, spec, seed);
    }
  };

  private final String id;

  Architecture(String id) {
    this.id = id;
  }

  /** Adds this architecture's graph to {@code tf}'s graph, initial weights drawn from {@code seed}. */
  public abstract ModelGraph build(Ops tf, ModelSpec spec, long seed);

  public String id() {
    return id;
  }

  public static Architecture parse(String value) {
    for (Architecture a : values()) {
      if (a.id.equals(value.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown architecture '" + value + "' (allowed: "
        + Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return id;
  }
}
