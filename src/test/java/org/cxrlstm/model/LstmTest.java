package org.cxrlstm.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The graph's LSTM against a plain-Java evaluation of the paper's equations (3)-(8). */
@Tag("tensorflow")
class LstmTest {
  private static final int BATCH = 3;
  private static final int DIM = 5;
  private static final int UNITS = 4;

  @ParameterizedTest
  @ValueSource(ints = {1, 6})
  void matchesEquationsThreeToEight(int steps) {
    float[] x = new float[BATCH * steps * DIM];
    Random random = new Random(42);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, steps, DIM)));
      LayerOps layers = new LayerOps(tf, Initializer.GLOROT, 5);
      Operand<TFloat32> h = Lstm.lastHidden(layers, input, steps, DIM, UNITS, 0.5);
      Map<String, Output<TFloat32>> vars = GraphVariables.all(g);
      try (Session s = new Session(g);
          TFloat32 xt = TFloat32.tensorOf(Shape.of(BATCH, steps, DIM), DataBuffers.of(x));
          Result r = s.runner().feed(input, xt).fetch(h).run()) {
        float[] got = new float[BATCH * UNITS];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(got, false, false));
        float[] wx = GraphVariables.value(s, vars.get("lstm_kernel"));
        float[] wh = GraphVariables.value(s, vars.get("lstm_recurrent_kernel"));
        float[] b = GraphVariables.value(s, vars.get("lstm_bias"));
        double[] expected = reference(x, steps, wx, wh, b);
        double worst = 0;
        for (int i = 0; i < got.length; i++) {
          worst = Math.max(worst, Math.abs(got[i] - expected[i]));
        }
        double w = worst;
        assertTrue(worst <= 1e-5, () -> "max |graph - equations| = " + w);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void forgetBiasStartsOnTheForgetGateOnly() {
    ModelSpec spec = new ModelSpec(32, 0.125, ModelSpec.PAPER_BLOCKS, UNITS, 0.0, 3, Initializer.HE)
        .withForgetBias(2.5);
    try (Graph g = new Graph()) {
      Architecture.CNN_LSTM.build(Ops.create(g), spec, 3);
      try (Session s = new Session(g)) {
        float[] b = GraphVariables.value(s, GraphVariables.all(g).get("lstm_bias"));
        float[] expected = new float[4 * UNITS];
        java.util.Arrays.fill(expected, UNITS, 2 * UNITS, 2.5f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, b);
      }
    }
    org.junit.jupiter.api.Assertions.assertEquals(1.0, new ModelSpec(32, 0.125, ModelSpec.PAPER_BLOCKS,
        UNITS, 0.0, 3, Initializer.HE).forgetBias(), "the 7-argument spec keeps Keras's unit_forget_bias");
  }

  /** Equations (3)-(8) with separate weights per gate, gates stacked i, f, C~, o. */
  private static double[] reference(float[] x, int steps, float[] wx, float[] wh, float[] b) {
    int g4 = 4 * UNITS;
    double[] out = new double[BATCH * UNITS];
    for (int n = 0; n < BATCH; n++) {
      double[] h = new double[UNITS];
      double[] c = new double[UNITS];
      for (int t = 0; t < steps; t++) {
        double[] z = new double[g4];
        for (int j = 0; j < g4; j++) {
          double sum = b[j];
          for (int d = 0; d < DIM; d++) {
            sum += x[(n * steps + t) * DIM + d] * wx[d * g4 + j];
          }
          for (int u = 0; u < UNITS; u++) {
            sum += h[u] * wh[u * g4 + j];
          }
          z[j] = sum;
        }
        for (int u = 0; u < UNITS; u++) {
          double i = sigmoid(z[u]);                        // (3)
          double f = sigmoid(z[UNITS + u]);                // (6)
          double candidate = Math.tanh(z[2 * UNITS + u]);  // (4)
          double o = sigmoid(z[3 * UNITS + u]);            // (7)
          c[u] = f * c[u] + i * candidate;                 // (5)
          h[u] = o * Math.tanh(c[u]);                      // (8)
        }
      }
      System.arraycopy(h, 0, out, n * UNITS, UNITS);
    }
    return out;
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
