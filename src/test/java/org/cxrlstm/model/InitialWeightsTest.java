package org.cxrlstm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InitialWeightsTest {

  @Test
  void glorotUniformHasTheFormulaStd() {
    // block3_conv1 at full width: fanIn = 9*128, fanOut = 9*256, limit = sqrt(6/3456) = 0.041667
    int count = 3 * 3 * 128 * 256;
    float[] w = new InitialWeights(7).kernel("block3_conv1_kernel", Initializer.GLOROT, count, 9 * 128, 9 * 256);
    double limit = Math.sqrt(6.0 / (9 * 128 + 9 * 256));
    assertEquals(0, mean(w), 0.01 * limit);
    assertEquals(limit / Math.sqrt(3), std(w), 0.01 * limit);
    for (float v : w) {
      assertTrue(Math.abs(v) <= limit);
    }
  }

  @Test
  void heTruncatedNormalHasStdSqrtTwoOverFanIn() {
    int count = 3 * 3 * 64 * 128;
    float[] w = new InitialWeights(7).kernel("block2_conv1_kernel", Initializer.HE, count, 9 * 64, 9 * 128);
    double std = Math.sqrt(2.0 / (9 * 64));
    assertEquals(0, mean(w), 0.02 * std);
    assertEquals(std, std(w), 0.02 * std);
  }

  @Test
  void drawsDependOnSeedAndNameOnly() {
    float[] a = new InitialWeights(1).kernel("x", Initializer.GLOROT, 100, 10, 10);
    float[] b = new InitialWeights(1).kernel("x", Initializer.GLOROT, 100, 10, 10);
    float[] c = new InitialWeights(2).kernel("x", Initializer.GLOROT, 100, 10, 10);
    float[] d = new InitialWeights(1).kernel("y", Initializer.GLOROT, 100, 10, 10);
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
    assertFalse(Arrays.equals(a, d));
  }

  @Test
  void orthogonalRowsAreOrthonormal() {
    int rows = 8;
    int cols = 32;
    float[] m = new InitialWeights(3).orthogonal("r", rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < rows; j++) {
        double dot = 0;
        for (int c = 0; c < cols; c++) {
          dot += m[i * cols + c] * m[j * cols + c];
        }
        assertEquals(i == j ? 1 : 0, dot, 1e-5, "row " + i + " . row " + j);
      }
    }
  }

  static double mean(float[] w) {
    double s = 0;
    for (float v : w) {
      s += v;
    }
    return s / w.length;
  }

  static double std(float[] w) {
    double m = mean(w);
    double s = 0;
    for (float v : w) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / w.length);
  }
}
