package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cxrlstm.data.image.Resize;
import org.junit.jupiter.api.Test;

class ResizeTest {
  @Test
  void downscaleAveragesTheCoveredArea() {
    float[] src = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150};
    // 4x4 -> 2x2: each output is the mean of a 2x2 block
    assertArrayEquals(new byte[] {25, 45, 105, 125}, Resize.toSquare(src, 4, 4, 2));
  }

  @Test
  void fractionalCoverageIsWeighted() {
    float[] src = {0, 90, 180};
    // 3 -> 2 columns: [0, 0.5 of 90] / 1.5 = 30 and [0.5 of 90, 180] / 1.5 = 150
    byte[] out = Resize.toSquare(new float[] {0, 90, 180, 0, 90, 180}, 3, 2, 2);
    assertEquals(30, out[0] & 0xff);
    assertEquals(150, out[1] & 0xff);
    assertEquals(3, src.length);
  }

  @Test
  void checkerboardShrinksToItsMeanWithoutAliasing() {
    int n = 1000;
    float[] src = new float[n * n];
    for (int i = 0; i < src.length; i++) {
      src[i] = ((i / n + i % n) % 2) * 200f;
    }
    for (byte b : Resize.toSquare(src, n, n, 128)) {
      assertTrue(Math.abs((b & 0xff) - 100) <= 2, "value " + (b & 0xff));
    }
  }

  @Test
  void upscaleInterpolatesWithinRange() {
    float[] src = new float[40 * 40];
    for (int i = 0; i < src.length; i++) {
      src[i] = (i % 40) * 5;
    }
    byte[] out = Resize.toSquare(src, 40, 40, 100);
    for (int x = 1; x < 100; x++) {
      assertTrue((out[50 * 100 + x] & 0xff) >= (out[50 * 100 + x - 1] & 0xff), "monotone at " + x);
    }
    assertEquals(0, out[0] & 0xff);
    assertEquals(195, out[99] & 0xff);
  }

  @Test
  void constantStaysConstant() {
    float[] src = new float[333 * 517];
    java.util.Arrays.fill(src, 77f);
    for (byte b : Resize.toSquare(src, 333, 517, 224)) {
      assertEquals(77, b & 0xff);
    }
  }
}
