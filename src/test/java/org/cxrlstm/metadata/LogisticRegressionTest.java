package org.cxrlstm.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  @Test
  void twoClassesMatchABinaryLogisticRegressionSolvedByBisection() {
    // symmetric under (x, y) -> (-x, 1 - y), so the intercept is 0; with both classes' weights
    // penalised by lambda/2 the optimum has w1 = -w0 = beta/2, i.e. a binary logistic regression in
    // beta with penalty lambda/4 beta^2, whose optimum solves
    // (1/n) sum (sigmoid(beta z_i) - y_i) z_i + lambda/2 beta = 0, z = x / sd (population sd)
    double[] x = {-2, -1, 1, 2};
    int[] y = {0, 1, 0, 1};
    double lambda = 0.25;
    double sd = Math.sqrt(2.5);
    double lo = -50;
    double hi = 50;
    for (int it = 0; it < 200; it++) {
      double mid = (lo + hi) / 2;
      double g = lambda / 2 * mid;
      for (int i = 0; i < 4; i++) {
        g += (sigmoid(mid * x[i] / sd) - y[i]) * x[i] / sd / 4;
      }
      if (g > 0) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double beta = (lo + hi) / 2;
    LogisticRegression m = LogisticRegression.fit(new double[][] {{-2}, {-1}, {1}, {2}}, y, 2, lambda);
    double[][] w = m.coefficients();
    assertEquals(beta, w[1][0] - w[0][0], 1e-8);
    assertEquals(0, w[1][0] + w[0][0], 1e-8);
    assertEquals(0, w[1][1] - w[0][1], 1e-8);
    for (double v : new double[] {-3, -1, 0.5, 2}) {
      assertEquals(sigmoid(beta * v / sd), m.probabilities(new double[] {v})[1], 1e-8, "x = " + v);
    }
    assertTrue(beta > 0.1, "the data lean towards class 1 at larger x: " + beta);
  }

  @Test
  void anUnpenalisedInterceptOnlyModelGivesTheClassShares() {
    // a constant feature carries nothing: p(k) must be the training share of class k (3/6, 2/6, 1/6)
    double[][] x = {{7}, {7}, {7}, {7}, {7}, {7}};
    LogisticRegression m = LogisticRegression.fit(x, new int[] {0, 0, 0, 1, 1, 2}, 3, 1.0);
    double[] p = m.probabilities(new double[] {7});
    assertEquals(0.5, p[0], 1e-9);
    assertEquals(1 / 3.0, p[1], 1e-9);
    assertEquals(1 / 6.0, p[2], 1e-9);
  }

  @Test
  void aFeatureThatSeparatesThreeClassesGivesAccuracyOneAndFiniteWeights() {
    // feature 0 is the class times 10 plus a little; feature 1 is noise unrelated to the class
    int n = 30;
    double[][] x = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      x[i] = new double[] {10 * y[i] + (i * 7 % 5) / 5.0, (i * 13 % 11) / 11.0};
    }
    LogisticRegression m = LogisticRegression.fit(x, y, 3, 1.0 / n);
    for (int i = 0; i < n; i++) {
      double[] p = m.probabilities(x[i]);
      assertEquals(y[i], org.cxrlstm.eval.Probabilities.argMax(p), "image " + i);
    }
    for (double[] row : m.coefficients()) {
      for (double v : row) {
        assertTrue(Double.isFinite(v) && Math.abs(v) < 100, "weight " + v);
      }
    }
    // unseen values between the class centres go to the nearer class
    assertEquals(2, org.cxrlstm.eval.Probabilities.argMax(m.probabilities(new double[] {18, 0.5})));
    assertEquals(0, org.cxrlstm.eval.Probabilities.argMax(m.probabilities(new double[] {2, 0.5})));
  }
}
