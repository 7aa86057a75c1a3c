package org.cxrlstm.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Weight initialisation schemes for kernels. Drawn in Java because the framework's own
 * initializers give wrong statistics for 4-D kernels in TensorFlow Java 1.1.0.
 */
public enum Initializer {
  /** Glorot and Bengio (2010) uniform, limit sqrt(6 / (fanIn + fanOut)); the Keras default the paper used. */
  GLOROT("glorot"),
  /** He et al. (2015) truncated normal, std sqrt(2 / fanIn); trains plain ReLU stacks from scratch faster. */
  HE("he");

  private final String id;

  Initializer(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Initializer parse(String value) {
    for (Initializer i : values()) {
      if (i.id.equals(value.trim())) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown initializer '" + value + "' (allowed: "
        + Arrays.stream(values()).map(Initializer::id).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return id;
  }
}
