package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlateauDecayTest {

  @Test
  void halvesAfterEachRunOfPatienceEpochsWithoutANewBest() {
    PlateauDecay d = new PlateauDecay(1e-3, 0.5, 2);
    double[] losses = {1.0, 0.9, 0.95, 0.92, 0.91, 0.8, 0.85, 0.85, 0.85, 0.85, 0.7};
    // wait: 0 0 1 2->decay 1 0 1 2->decay 1 2->decay 0
    double[] expected = {1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 5e-4, 5e-4, 2.5e-4, 2.5e-4, 1.25e-4, 1.25e-4};
    double[] got = new double[losses.length];
    for (int i = 0; i < losses.length; i++) {
      got[i] = d.afterEpoch(losses[i]);
    }
    assertArrayEquals(expected, got, 1e-15);
  }

  @Test
  void equalLossIsNotAnImprovementAndNanChangesNothing() {
    PlateauDecay d = new PlateauDecay(0.1, 0.1, 1);
    assertEquals(0.1, d.afterEpoch(2.0));
    assertEquals(0.1, d.afterEpoch(Double.NaN));
    assertEquals(0.01, d.afterEpoch(2.0), 1e-15);
  }

  @Test
  void factorOneOrPatienceZeroKeepsTheRate() {
    for (PlateauDecay d : new PlateauDecay[] {new PlateauDecay(0.1, 1.0, 1), new PlateauDecay(0.1, 0.5, 0)}) {
      for (int i = 0; i < 10; i++) {
        assertEquals(0.1, d.afterEpoch(5.0));
      }
    }
  }

  @Test
  void configKeepsTheOldConstructorAndValidatesDecay() {
    TrainConfig fixed = new TrainConfig(1e-4, 16, 10, 3, 1);
    assertFalse(fixed.lrDecay());
    assertTrue(fixed.withLrDecay(0.5, 2).lrDecay());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fixed.withLrDecay(1.5, 2));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> fixed.withLrDecay(0.5, -1));
    assertThrows(IllegalArgumentException.class, () -> new PlateauDecay(0.1, 0.0, 1));
  }
}
