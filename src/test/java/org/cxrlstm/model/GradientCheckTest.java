package org.cxrlstm.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * TensorFlow's symbolic gradients of the loss against central finite differences, for the
 * largest-gradient weights of the first and last convolutions, the LSTM and the dense layer.
 */
@Tag("tensorflow")
class GradientCheckTest {
  private static final int SIZE = 32;
  private static final int BATCH = 3;
  private static final double EPS = 1e-3;

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void symbolicGradientsMatchFiniteDifferences(Architecture arch) {
    ModelSpec spec = new ModelSpec(SIZE, 0.0625, ModelSpec.PAPER_BLOCKS, 4, 0.0, 3, Initializer.HE);
    List<String> checked = arch == Architecture.CNN_LSTM
        ? List.of("block1_conv1_kernel", "block5_conv3_kernel", "lstm_kernel", "lstm_recurrent_kernel", "dense_kernel")
        : List.of("block1_conv1_kernel", "block5_conv3_kernel", "dense_kernel");
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      ModelGraph m = arch.build(tf, spec, 3);
      Map<String, Output<TFloat32>> vars = GraphVariables.all(g);
      Output<?>[] targets = checked.stream().map(vars::get).toArray(Output[]::new);
      Output<?>[] grads = g.addGradients(m.loss().asOutput(), targets);
      try (Session s = new Session(g);
          TFloat32 x = images();
          TFloat32 y = TFloat32.tensorOf(Shape.of(BATCH, 3), DataBuffers.of(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}))) {
        for (int v = 0; v < checked.size(); v++) {
          Output<TFloat32> variable = vars.get(checked.get(v));
          float[] analytic = fetch(s, grads[v], x, y, m);
          float[] weights = GraphVariables.value(s, variable);
          Placeholder<TFloat32> value = tf.placeholder(TFloat32.class);
          Op assign = tf.assign(variable, value);
          for (int i : largest(analytic, 4)) {
            double plus = lossWith(s, assign, value, weights, i, +EPS, x, y, m);
            double minus = lossWith(s, assign, value, weights, i, -EPS, x, y, m);
            set(s, assign, value, weights);
            double numeric = (plus - minus) / (2 * EPS);
            double tolerance = 2e-3 + 0.05 * Math.abs(analytic[i]);
            String where = arch + " " + checked.get(v) + "[" + i + "]";
            assertTrue(Math.abs(numeric - analytic[i]) <= tolerance,
                () -> where + ": analytic " + analytic[i] + " vs numeric " + numeric);
          }
        }
      }
    }
  }

  private static TFloat32 images() {
    float[] data = new float[BATCH * SIZE * SIZE];
    Random random = new Random(9);
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    return TFloat32.tensorOf(Shape.of(BATCH, SIZE, SIZE, 1), DataBuffers.of(data));
  }

  private static float[] fetch(Session s, Output<?> out, TFloat32 x, TFloat32 y, ModelGraph m) {
    try (Result r = s.runner().feed(m.images(), x).feed(m.labels(), y).fetch(out).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] v = new float[(int) t.shape().size()];
      t.copyTo(DataBuffers.of(v, false, false));
      return v;
    }
  }

  private static double lossWith(Session s, Op assign, Placeholder<TFloat32> value, float[] weights,
      int index, double delta, TFloat32 x, TFloat32 y, ModelGraph m) {
    float[] changed = weights.clone();
    changed[index] += (float) delta;
    set(s, assign, value, changed);
    return fetch(s, m.loss().asOutput(), x, y, m)[0];
  }

  private static void set(Session s, Op assign, Placeholder<TFloat32> value, float[] weights) {
    Output<?> target = assign.op().output(0);
    try (TFloat32 t = TFloat32.tensorOf(target.shape(), DataBuffers.of(weights));
        Result r = s.runner().feed(value, t).fetch(target).run()) {
      // assigned; the fetched copy is closed with the result
    }
  }

  private static int[] largest(float[] g, int n) {
    Integer[] order = new Integer[g.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Float.compare(Math.abs(g[b]), Math.abs(g[a])));
    return Arrays.stream(order).limit(n).mapToInt(Integer::intValue).toArray();
  }
}
