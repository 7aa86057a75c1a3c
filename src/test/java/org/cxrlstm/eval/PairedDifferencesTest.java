package org.cxrlstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values from scipy.stats 1.17 (t.ppf, t.sf) on the same five differences, and by hand. */
class PairedDifferencesTest {
  private static final double[] D = {0.02, -0.01, 0.03, 0.00, 0.01};
  private static final PairedDifferences P = new PairedDifferences(D, 63, 286.4);

  @Test
  void meanAndSampleSd() {
    assertEquals(0.01, P.mean(), 1e-15);
    // deviations .01 -.02 .02 -.01 0: sum of squares .001, / 4
    assertEquals(Math.sqrt(0.00025), P.sd(), 1e-15);
  }

  @Test
  void plainPairedTIntervalAsScipy() {
    Estimate e = P.tInterval();
    assertEquals(0.01 - 0.019632431614775566, e.low(), 1e-12);
    assertEquals(0.01 + 0.019632431614775566, e.high(), 1e-12);
  }

  @Test
  void nadeauBengioInflatesTheVarianceByOneOverJPlusTestOverTrain() {
    Estimate e = P.correctedInterval();
    assertEquals(0.01 - 0.02844915021563589, e.low(), 1e-12);
    assertEquals(0.01 + 0.02844915021563589, e.high(), 1e-12);
    assertEquals(0.3843584661221681, P.correctedP(), 1e-10);
    // wider than the plain interval whenever n_test/n_train > 0
    assertTrue(e.high() - e.low() > P.tInterval().high() - P.tInterval().low());
  }

  @Test
  void minimumDetectableDifferenceAt80PercentPower() {
    assertEquals(0.038090847274670284, P.minimumDetectable(), 1e-12);
  }

  @Test
  void withoutSplitSizesTheCorrectedIntervalIsUndefinedAndOneModelHasNoInterval() {
    assertFalse(new PairedDifferences(D, 0, 0).correctedInterval().defined());
    Estimate one = new PairedDifferences(new double[] {0.05}, 63, 286).tInterval();
    assertEquals(0.05, one.value(), 0);
    assertTrue(Double.isNaN(one.low()));
  }

  @Test
  void equalDifferencesHaveNoSpreadSoNoDetectableDifference() {
    PairedDifferences d = new PairedDifferences(new double[] {0.02, 0.02, 0.02, 0.02, 0.02}, 63, 286.4);
    assertEquals(0.02, d.mean(), 1e-15);
    assertEquals(0.0, d.sd(), 0.0);
    assertTrue(Double.isNaN(d.minimumDetectable()), "a zero spread must not read as perfect sensitivity");
    assertTrue(Double.isNaN(d.correctedP()));
  }
}
