package org.cxrlstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cxrlstm.data.image.CentralRegion;
import org.junit.jupiter.api.Test;

class CamMassTest {
  private static final CentralRegion R = CentralRegion.LUNG_FIELDS;

  @Test
  void aUniformMapSplitsByArea() {
    float[] map = new float[20 * 20];
    java.util.Arrays.fill(map, 0.3f);
    CamMass m = CamMass.of(map, 20, R);
    assertEquals(196 / 400.0, m.inner(), 1e-12); // rows and columns 3..16 are inside
    assertEquals(1 - 196 / 400.0, m.border(), 1e-12);
  }

  @Test
  void massOnOneBorderPixelAndOneCentrePixel() {
    float[] map = new float[20 * 20];
    map[0] = 1f;             // corner: border
    map[10 * 20 + 10] = 3f;  // centre
    CamMass m = CamMass.of(map, 20, R);
    assertEquals(0.75, m.inner(), 1e-12);
    assertEquals(0.25, m.border(), 1e-12);
    assertTrue(m.defined());
  }

  @Test
  void anAllZeroMapLeavesTheSharesUndefinedNotZero() {
    CamMass m = CamMass.of(new float[16], 4, R);
    assertFalse(m.defined());
    assertTrue(Double.isNaN(m.inner()) && Double.isNaN(m.border()));
  }

  @Test
  void badMapsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> CamMass.of(new float[15], 4, R));
    assertThrows(IllegalArgumentException.class, () -> CamMass.of(new float[] {-1, 0, 0, 0}, 2, R));
  }
}
