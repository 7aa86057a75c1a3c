package org.cxrlstm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The trunk's raw MaxPool op against a plain-Java 2x2, stride 2 max-pool. */
@Tag("tensorflow")
class MaxPoolTest {
  private static final int B = 2;
  private static final int H = 6;
  private static final int W = 8;
  private static final int C = 3;

  @Test
  void equalsAPlainJavaTwoByTwoMaxPool() {
    float[] x = new float[B * H * W * C];
    Random random = new Random(17);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, H, W, C)));
      Operand<TFloat32> pooled = new LayerOps(tf, Initializer.HE, 1).maxPool2x2("pool", input);
      assertEquals("MaxPool", g.operation("pool").type(), "MaxPoolV2 is not accelerated by oneDNN");
      assertArrayEquals(new long[] {-1, H / 2, W / 2, C}, pooled.shape().asArray());
      try (Session s = new Session(g);
          TFloat32 xt = TFloat32.tensorOf(Shape.of(B, H, W, C), DataBuffers.of(x));
          Result r = s.runner().feed(input, xt).fetch(pooled).run()) {
        float[] got = new float[B * (H / 2) * (W / 2) * C];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(got, false, false));
        assertArrayEquals(reference(x), got);
      }
    }
  }

  private static float[] reference(float[] x) {
    float[] out = new float[B * (H / 2) * (W / 2) * C];
    int at = 0;
    for (int n = 0; n < B; n++) {
      for (int r = 0; r < H / 2; r++) {
        for (int c = 0; c < W / 2; c++) {
          for (int k = 0; k < C; k++) {
            float m = Float.NEGATIVE_INFINITY;
            for (int dr = 0; dr < 2; dr++) {
              for (int dc = 0; dc < 2; dc++) {
                m = Math.max(m, x[((n * H + 2 * r + dr) * W + 2 * c + dc) * C + k]);
              }
            }
            out[at++] = m;
          }
        }
      }
    }
    return out;
  }
}
