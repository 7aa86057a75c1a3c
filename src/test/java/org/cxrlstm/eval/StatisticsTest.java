package org.cxrlstm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {
  @Test
  void wilsonKnownValues() {
    // R: binom::binom.wilson(5, 10) -> 0.2365931 0.7634069
    Estimate half = Wilson.interval(5, 10);
    assertEquals(0.5, half.value(), 1e-12);
    assertEquals(0.2365931, half.low(), 1e-6);
    assertEquals(0.7634069, half.high(), 1e-6);
    // 0 of 10: upper bound z^2 / (n + z^2) = 0.2775328
    Estimate none = Wilson.interval(0, 10);
    assertEquals(0.0, none.low(), 1e-12);
    assertEquals(0.2775328, none.high(), 1e-6);
    Estimate all = Wilson.interval(10, 10);
    assertEquals(1 - 0.2775328, all.low(), 1e-6);
    assertEquals(1.0, all.high(), 1e-12);
    // 62 of 64 (the paper's CNN-LSTM): 0.8930 .. 0.9914
    Estimate paper = Wilson.interval(62, 64);
    assertEquals(0.89297, paper.low(), 1e-4);
    assertEquals(0.99138, paper.high(), 1e-4);
    assertTrue(!Wilson.interval(0, 0).defined());
  }

  @Test
  void wilsonBoundsAreExactlyZeroAndOneAtTheEnds() {
    // n of n successes: the upper bound is the point 1.0 itself for every n (42 of 42 gave 0.9999999999999999)
    for (int n = 1; n <= 200; n++) {
      assertEquals(1.0, Wilson.interval(n, n).high(), 0.0, "n = " + n);
      assertEquals(0.0, Wilson.interval(0, n).low(), 0.0, "n = " + n);
    }
    // the other bound is Wilson's formula: 42 of 42 at z 1.96 gives n / (n + z^2) = 42 / 45.8415 = 0.91620
    assertEquals(42 / (42 + 1.959963984540054 * 1.959963984540054), Wilson.interval(42, 42).low(), 1e-12);
  }

  @Test
  void mcnemarExactKnownTables() {
    assertEquals(14 / 64.0, McNemar.exact(1, 5).p(), 1e-12);
    assertEquals(2 / 64.0, McNemar.exact(0, 6).p(), 1e-12);
    assertEquals(112 / 1024.0, McNemar.exact(2, 8).p(), 1e-12);
    assertEquals(1.0, McNemar.exact(3, 3).p(), 1e-12);
    assertEquals(1.0, McNemar.exact(0, 0).p(), 1e-12);
    assertEquals(0.5, McNemar.exact(0, 2).p(), 1e-12);
    // large n stays finite: P(X <= 400 | n = 1000) two-sided, about 2.7e-10
    double p = McNemar.exact(400, 600).p();
    assertTrue(p > 1e-11 && p < 1e-9, "p = " + p);
    McNemar fromArrays = McNemar.of(new boolean[] {true, true, false, false, true},
        new boolean[] {false, true, true, true, true});
    assertEquals(1, fromArrays.onlyFirstCorrect());
    assertEquals(2, fromArrays.onlySecondCorrect());
    assertEquals(1.0, fromArrays.p(), 1e-12);
  }

  @Test
  void aucHandExample() {
    Roc roc = Roc.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.5}, new boolean[] {true, false, true, false, false});
    assertEquals(5 / 6.0, roc.auc(), 1e-12);
    assertArrayEquals(new double[] {0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1}, roc.falsePositiveRate(), 1e-12);
    assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1, 1}, roc.truePositiveRate(), 1e-12);
    assertEquals(0.5, Roc.auc(new double[] {0.5, 0.5}, new boolean[] {true, false}), 1e-12, "a tie counts one half");
    assertEquals(1.0, Roc.auc(new double[] {0.2, 0.1}, new boolean[] {true, false}), 1e-12);
    assertTrue(Double.isNaN(Roc.auc(new double[] {0.2, 0.1}, new boolean[] {true, true})), "no negatives");
  }

  @Test
  void eceHandExample() {
    double[][] p = {{0.9, 0.05, 0.05}, {0.8, 0.1, 0.1}, {0.6, 0.4, 0}, {0.55, 0.45, 0}};
    int[] labels = {0, 1, 0, 1};
    Calibration ten = Calibration.of(p, labels, 10);
    assertEquals((0.1 + 0.8 + 0.4 + 0.55) / 4, ten.ece(), 1e-12);
    assertEquals(1, ten.count()[9]);
    assertEquals(0.0, ten.accuracy()[8], 1e-12);
    assertTrue(Double.isNaN(ten.confidence()[0]));
    Calibration two = Calibration.of(p, labels, 2);
    assertEquals(Math.abs(0.5 - (0.9 + 0.8 + 0.6 + 0.55) / 4), two.ece(), 1e-12);
    assertEquals(4, two.count()[1]);
  }

  @Test
  void bootstrapIsSeededAndCoversTheValue() {
    boolean[] correct = new boolean[64];
    for (int i = 0; i < 58; i++) {
      correct[i] = true;
    }
    Bootstrap.Statistic accuracy = idx -> {
      int c = 0;
      for (int i : idx) {
        c += correct[i] ? 1 : 0;
      }
      return (double) c / idx.length;
    };
    Estimate a = new Bootstrap(7, 500).interval(64, accuracy);
    Estimate b = new Bootstrap(7, 500).interval(64, accuracy);
    Estimate other = new Bootstrap(8, 500).interval(64, accuracy);
    assertEquals(a, b, "same seed, same interval");
    assertNotEquals(a, other, "another seed draws other replicates");
    assertEquals(58 / 64.0, a.value(), 1e-12);
    assertTrue(a.low() < a.value() && a.value() < a.high(), a.toString());
    assertTrue(a.low() > 0.8 && a.high() <= 1.0, a.toString());
  }

  @Test
  void bootstrapResamplesPatientsWhole() {
    // two patients with 3 images each: every replicate holds whole patients, so sizes are multiples of 3
    String[] units = {"a", "a", "a", "b", "b", "b"};
    Estimate sizes = new Bootstrap(1, 50).interval(units, idx -> idx.length % 3 == 0 ? 1 : 0);
    assertEquals(1.0, sizes.low(), 1e-12);
    assertEquals(1.0, sizes.high(), 1e-12);
  }
}
