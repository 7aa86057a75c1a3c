package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Adam with a fed learning rate against Adam's update computed by hand in double precision. */
@Tag("tensorflow")
class FedRateAdamTest {
  private static final float[] W0 = {0.5f, -1f, 2f};
  private static final float[] A = {0.3f, 0.2f, -0.7f};

  @Test
  void matchesHandComputedStepsAndFollowsTheFedRate() {
    double[] rates = {0.1, 0.1, 0.01, 0.05};
    double[] expected = handAdam(rates);
    float[] got = graphAdam(rates);
    for (int i = 0; i < W0.length; i++) {
      assertEquals(expected[i], got[i], 1e-6, "weight " + i);
    }
    // the same run with another rate in step 3 ends elsewhere, as the hand computation says
    double[] other = {0.1, 0.1, 0.1, 0.05};
    double[] expectedOther = handAdam(other);
    float[] gotOther = graphAdam(other);
    for (int i = 0; i < W0.length; i++) {
      assertEquals(expectedOther[i], gotOther[i], 1e-6, "weight " + i);
      assertTrue(Math.abs(gotOther[i] - got[i]) > 1e-3, "the fed rate had no effect on weight " + i);
    }
  }

  /** loss = sum(w*w/2 + a*w), so the gradient is w + a (x*x: the gradient of Square aborts the JVM). */
  private static float[] graphAdam(double[] rates) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> w = tf.withName("w").variable(tf.withInitScope().constant(W0));
      Operand<TFloat32> loss = tf.reduceSum(tf.math.add(
          tf.math.mul(tf.constant(0.5f), tf.math.mul(w, w)), tf.math.mul(tf.constant(A), w)), tf.constant(0));
      Placeholder<TFloat32> lr = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Op train = new FedRateAdam(g, lr).minimize(loss, "train");
      try (Session s = new Session(g)) {
        for (double rate : rates) {
          try (TFloat32 r = TFloat32.scalarOf((float) rate)) {
            s.runner().feed(lr, r).addTarget(train).run().close();
          }
        }
        try (Result r = s.runner().fetch(w).run()) {
          float[] out = new float[W0.length];
          ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
          return out;
        }
      }
    }
  }

  /** Kingma and Ba (2015), Algorithm 1 with epsilon-hat, one step per entry of {@code rates}. */
  private static double[] handAdam(double[] rates) {
    double b1 = FedRateAdam.BETA_ONE;
    double b2 = FedRateAdam.BETA_TWO;
    double eps = FedRateAdam.EPSILON;
    double[] w = new double[W0.length];
    double[] m = new double[W0.length];
    double[] v = new double[W0.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = W0[i];
    }
    // the graph keeps beta^t in float32 variables and 1 - beta2^t loses digits there (about 1e-5
    // relative at t = 2), so the powers are float here too; everything else is double
    float b1Power = 1f;
    float b2Power = 1f;
    for (int t = 1; t <= rates.length; t++) {
      b1Power *= FedRateAdam.BETA_ONE;
      b2Power *= FedRateAdam.BETA_TWO;
      double lrT = (float) rates[t - 1] * Math.sqrt(1 - b2Power) / (1 - b1Power);
      for (int i = 0; i < w.length; i++) {
        double grad = w[i] + A[i];
        m[i] = b1 * m[i] + (1 - b1) * grad;
        v[i] = b2 * v[i] + (1 - b2) * grad * grad;
        w[i] -= lrT * m[i] / (Math.sqrt(v[i]) + eps);
      }
    }
    return w;
  }
}
