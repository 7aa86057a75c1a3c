package org.cxrlstm.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Split;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An LSTM layer written from primitive ops, following the paper's equations (3)-(8):
 *
 * <pre>
 *   i_t  = sigma(W_i [h_{t-1}, x_t] + b_i)        (3)
 *   C~_t = tanh (W_C [h_{t-1}, x_t] + b_C)        (4)
 *   C_t  = f_t * C_{t-1} + i_t * C~_t             (5)
 *   f_t  = sigma(W_f [h_{t-1}, x_t] + b_f)        (6)
 *   o_t  = sigma(W_o [h_{t-1}, x_t] + b_o)        (7)
 *   h_t  = o_t * tanh(C_t)                        (8)
 * </pre>
 *
 * Equation (4) in the paper reuses W_i and b_i for the candidate; that is a typo (the candidate has
 * its own weights in every LSTM, and in the Keras layer the authors used), so W_C and b_C are
 * separate here. W [h, x] is computed as x W_x + h W_h, with the four gates stacked in Keras's
 * order (i, f, C~, o) along the last axis; the forget bias starts at
 * {@link ModelSpec#forgetBias()} (1 by default, Keras's unit_forget_bias).
 *
 * <p>The time steps are unrolled in Java: TensorFlow Java 1.1.0 aborts the JVM on gradients
 * through a while loop, and the built-in BlockLSTM cannot be trained from Java.
 */
final class Lstm {
  private Lstm() {}

  /** x [B, T, D] -> last hidden state h_T [B, U]. */
  static Operand<TFloat32> lastHidden(LayerOps layers, Operand<TFloat32> x, int steps, int inputDim, int units,
      double forgetBias) {
    Ops tf = layers.tf();
    int gates = 4 * units;
    Variable<TFloat32> wx = layers.variable("lstm_kernel", Shape.of(inputDim, gates),
        layers.weights().kernel("lstm_kernel", Initializer.GLOROT, inputDim * gates, inputDim, gates));
    Variable<TFloat32> wh = layers.variable("lstm_recurrent_kernel", Shape.of(units, gates),
        layers.weights().orthogonal("lstm_recurrent_kernel", units, gates));
    Variable<TFloat32> b = layers.variable("lstm_bias", Shape.of(gates), initialBias(units, forgetBias));

    // one input projection for all steps: [B*T, D] x [D, 4U] -> [B, T, 4U]
    Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {-1, inputDim}));
    Operand<TFloat32> projected = tf.reshape(tf.nn.biasAdd(tf.linalg.matMul(flat, wx), b),
        tf.constant(new long[] {-1, steps, gates}));
    List<Operand<TFloat32>> perStep = List.copyOf(
        tf.unstack(projected, (long) steps, Unstack.axis(1L)).output());

    // h_0 = C_0 = 0 as in Keras; shaped [B, U] from the first step so the batch stays dynamic
    Operand<TFloat32> h = tf.zerosLike(tf.split(tf.constant(1), perStep.get(0), 4L).output().get(0));
    Operand<TFloat32> c = h;
    for (int t = 0; t < steps; t++) {
      Operand<TFloat32> z = tf.math.add(perStep.get(t), tf.linalg.matMul(h, wh));
      List<Operand<TFloat32>> g = List.copyOf(tf.split(tf.constant(1), z, 4L).output());
      Operand<TFloat32> input = tf.math.sigmoid(g.get(0));
      Operand<TFloat32> forget = tf.math.sigmoid(g.get(1));
      Operand<TFloat32> candidate = tf.math.tanh(g.get(2));
      Operand<TFloat32> output = tf.math.sigmoid(g.get(3));
      c = tf.math.add(tf.math.mul(forget, c), tf.math.mul(input, candidate));
      h = tf.math.mul(output, tf.math.tanh(c));
    }
    return h;
  }

  /** Gate biases in Keras's order (i, f, C~, o): zeros except the forget gate's {@code forgetBias}. */
  static float[] initialBias(int units, double forgetBias) {
    float[] bias = new float[4 * units];
    java.util.Arrays.fill(bias, units, 2 * units, (float) forgetBias);
    return bias;
  }
}
