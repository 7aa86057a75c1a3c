package org.cxrlstm.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * The small layer vocabulary the graph builders share: variables filled from Java draws,
 * 3x3 'same' convolution with ReLU, 2x2 max-pool, dense, dropout.
 */
final class LayerOps {
  private final Ops tf;
  private final InitialWeights weights;
  private final Initializer init;
  private final long seed;

  LayerOps(Ops tf, Initializer init, long seed) {
    this.tf = tf;
    this.init = init;
    this.seed = seed;
    this.weights = new InitialWeights(seed);
  }

  Ops tf() {
    return tf;
  }

  InitialWeights weights() {
    return weights;
  }

  /** A float variable named {@code name} whose initial value is {@code values}. */
  Variable<TFloat32> variable(String name, Shape shape, float[] values) {
    Operand<TFloat32> initial = tf.withInitScope().constant(shape, DataBuffers.of(values, true, false));
    return tf.withName(name).variable(initial);
  }

  /** Keras Conv2D(filters, 3, padding='same', activation='relu'). */
  Operand<TFloat32> conv3x3Relu(String name, Operand<TFloat32> x, int in, int out) {
    float[] k = weights.kernel(name + "_kernel", init, 9 * in * out, 9 * in, 9 * out);
    Variable<TFloat32> kernel = variable(name + "_kernel", Shape.of(3, 3, in, out), k);
    Variable<TFloat32> bias = variable(name + "_bias", Shape.of(out), new float[out]);
    Operand<TFloat32> conv = tf.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME");
    return tf.withName(name).nn.relu(tf.nn.biasAdd(conv, bias));
  }

  /**
   * MaxPooling2D(2, strides=2): halves each side. Built as the raw {@code MaxPool} op with its
   * window as attributes: {@code tf.nn.maxPool} makes {@code MaxPoolV2} (window as tensor inputs),
   * which oneDNN does not accelerate, and training ran much slower with it. The gradient of
   * {@code MaxPool} is registered, so training works unchanged.
   */
  Operand<TFloat32> maxPool2x2(String name, Operand<TFloat32> x) {
    Scope scope = tf.withName(name).scope();
    return scope.opBuilder("MaxPool", "MaxPool")
        .addInput(x.asOutput())
        .setAttr("ksize", new long[] {1, 2, 2, 1})
        .setAttr("strides", new long[] {1, 2, 2, 1})
        .setAttr("padding", "VALID")
        .setAttr("data_format", "NHWC")
        .build()
        .output(0);
  }

  /**
   * Dense(out) without activation: x [B, in] -> [B, out]. Glorot uniform as in Keras. The product
   * runs in float64 and is cast back to float32: the oneDNN bfloat16 rewrite converts every float32
   * MatMul, which left the logits rounded to bfloat16's 8-bit mantissa and the loss curves in
   * coarse steps; it leaves float64 alone, so logits, loss and probabilities stay float32-exact in
   * both precisions. The head is a few thousand multiply-adds per image, so the cost is
   * nil. Variables stay float32 for the optimizer.
   */
  Operand<TFloat32> dense(String name, Operand<TFloat32> x, int in, int out) {
    float[] k = weights.kernel(name + "_kernel", Initializer.GLOROT, in * out, in, out);
    Variable<TFloat32> kernel = variable(name + "_kernel", Shape.of(in, out), k);
    Variable<TFloat32> bias = variable(name + "_bias", Shape.of(out), new float[out]);
    Operand<TFloat64> product = tf.nn.biasAdd(
        tf.linalg.matMul(tf.dtypes.cast(x, TFloat64.class), tf.dtypes.cast(kernel, TFloat64.class)),
        tf.dtypes.cast(bias, TFloat64.class));
    return tf.dtypes.cast(product, TFloat32.class);
  }

  /**
   * Inverted dropout: keeps each unit with probability 1 - rate and scales by 1 / (1 - rate). The
   * rate is fed (0 by default), so inference runs the same graph with dropout off. The seed pair
   * makes the masks repeat across runs with the same seed.
   */
  Operand<TFloat32> dropout(Operand<TFloat32> x, Operand<TFloat32> rate) {
    Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), rate);
    Operand<TFloat32> uniform = tf.random.randomUniform(tf.shape(x), TFloat32.class,
        RandomUniform.seed(seed).seed2(seed ^ 0x5DEECE66DL));
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(uniform, keep));
    return tf.math.div(tf.math.mul(x, mask), keep);
  }
}
