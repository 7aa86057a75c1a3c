package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cxrlstm.data.image.Normalization;
import org.junit.jupiter.api.Test;

class NormalizationTest {
  @Test
  void standardizeGivesZeroMeanUnitDeviation() {
    byte[] px = {0, 50, 100, (byte) 250};
    float[] z = Normalization.standardize(px);
    // mean 100, population sd sqrt((10000 + 2500 + 0 + 22500) / 4) = 93.54
    assertEquals(-100 / 93.5414, z[0], 1e-4);
    assertEquals(150 / 93.5414, z[3], 1e-4);
    double mean = 0;
    double sq = 0;
    for (float v : z) {
      mean += v / 4.0;
      sq += v * v / 4.0;
    }
    assertEquals(0, mean, 1e-6);
    assertEquals(1, sq, 1e-5);
  }

  @Test
  void blankImageStaysFinite() {
    for (float v : Normalization.standardize(new byte[] {7, 7, 7, 7})) {
      assertEquals(0f, v);
    }
  }

  @Test
  void scaleDividesBy255AndParseNamesBadValues() {
    float[] s = Normalization.scale(new byte[] {0, (byte) 255, 51});
    assertEquals(0f, s[0]);
    assertEquals(1f, s[1]);
    assertEquals(0.2f, s[2], 1e-6);
    assertEquals(Normalization.SCALE, Normalization.parse(" Scale "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normalization.parse("minmax"));
    assertEquals("unknown normalization 'minmax' (allowed: standardize, scale)", e.getMessage());
  }
}
