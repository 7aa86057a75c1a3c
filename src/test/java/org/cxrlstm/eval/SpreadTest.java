package org.cxrlstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mean, sample sd, min and max over fold values, and how they are printed. */
class SpreadTest {
  private static final double EPS = 1e-12;

  @Test
  void meanSampleSdMinAndMax() {
    // mean (.5 + .75 + 1) / 3 = .75; squared deviations .0625 + 0 + .0625 over n - 1 = 2: sd sqrt(.0625) = .25
    Spread s = Spread.of(new double[] {1.0, 0.5, 0.75});
    assertEquals(0.75, s.mean(), EPS);
    assertEquals(0.25, s.sd(), EPS);
    assertEquals(0.5, s.min(), EPS);
    assertEquals(1.0, s.max(), EPS);
    assertEquals(3, s.n());
    assertEquals("75.0 ± 25.0", s.percent());
    assertEquals("0.750 ± 0.250", s.plain());
  }

  @Test
  void theSdDividesByNMinusOne() {
    // four values 1, 2, 3, 4: mean 2.5, squared deviations 2.25 + .25 + .25 + 2.25 = 5; 5 / 3 -> sd 1.290994
    // (dividing by n would give sqrt(1.25) = 1.118034)
    Spread s = Spread.of(new double[] {4, 1, 3, 2});
    assertEquals(2.5, s.mean(), EPS);
    assertEquals(Math.sqrt(5 / 3.0), s.sd(), EPS);
    assertEquals("2.500 ± 1.291", s.plain());
  }

  @Test
  void nanValuesAreLeftOut() {
    // .2 and .4 remain: mean .3, sd sqrt((.01 + .01) / 1) = .141421
    Spread s = Spread.of(new double[] {0.2, Double.NaN, 0.4});
    assertEquals(2, s.n());
    assertEquals(0.3, s.mean(), EPS);
    assertEquals(Math.sqrt(0.02), s.sd(), EPS);
    assertEquals(0.2, s.min(), EPS);
    assertEquals(0.4, s.max(), EPS);
    assertEquals("30.0 ± 14.1", s.percent());
  }

  @Test
  void oneValueHasNoSd() {
    Spread s = Spread.of(new double[] {0.9, Double.NaN});
    assertEquals(1, s.n());
    assertEquals(0.9, s.mean(), EPS);
    assertTrue(Double.isNaN(s.sd()));
    assertEquals(0.9, s.min(), EPS);
    assertEquals(0.9, s.max(), EPS);
    assertEquals("90.0", s.percent());
    assertEquals("0.900", s.plain());
  }

  @Test
  void noValuesIsNotApplicableNeverZero() {
    for (double[] v : new double[][] {{}, {Double.NaN, Double.NaN}}) {
      Spread s = Spread.of(v);
      assertEquals(0, s.n());
      assertTrue(Double.isNaN(s.mean()) && Double.isNaN(s.sd()) && Double.isNaN(s.min()) && Double.isNaN(s.max()));
      assertEquals("n/a", s.percent());
      assertEquals("n/a", s.plain());
    }
  }

  @Test
  void equalValuesHaveZeroSd() {
    Spread s = Spread.of(new double[] {5 / 6.0, 5 / 6.0});
    assertEquals(0.0, s.sd(), EPS);
    assertEquals("83.3 ± 0.0", s.percent());
  }
}
