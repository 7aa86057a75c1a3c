package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.cxrlstm.data.image.PerceptualHash;
import org.junit.jupiter.api.Test;

class PerceptualHashTest {
  /** The textbook definition, computed the slow way: the full 32 x 32 DCT-II, then its 8 x 8 corner against its median. */
  static long reference(byte[] pixels) {
    int n = 32;
    double[][] dct = new double[n][n];
    for (int u = 0; u < n; u++) {
      for (int v = 0; v < n; v++) {
        double sum = 0;
        for (int y = 0; y < n; y++) {
          for (int x = 0; x < n; x++) {
            sum += (pixels[y * n + x] & 0xFF) * Math.cos(Math.PI * u * (2 * y + 1) / (2.0 * n))
                * Math.cos(Math.PI * v * (2 * x + 1) / (2.0 * n));
          }
        }
        dct[u][v] = sum;
      }
    }
    double[] low = new double[64];
    for (int u = 0; u < 8; u++) {
      for (int v = 0; v < 8; v++) {
        low[u * 8 + v] = dct[u][v];
      }
    }
    double[] sorted = low.clone();
    Arrays.sort(sorted);
    double median = (sorted[31] + sorted[32]) / 2;
    StringBuilder bits = new StringBuilder();
    for (double c : low) {
      bits.append(c > median ? '1' : '0');
    }
    return Long.parseUnsignedLong(bits.toString(), 2);
  }

  @Test
  void matchesTheFullDctOnRandomAndSmoothImages() {
    Random random = new Random(7);
    for (int t = 0; t < 5; t++) {
      byte[] noise = new byte[32 * 32];
      random.nextBytes(noise);
      assertEquals(reference(noise), PerceptualHash.of(noise, 32), "noise " + t);
      byte[] smooth = new byte[32 * 32];
      double fx = random.nextDouble() * 0.4;
      double fy = random.nextDouble() * 0.4;
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          smooth[y * 32 + x] = (byte) (128 + 100 * Math.sin(fx * x + 1) * Math.cos(fy * y + 2));
        }
      }
      assertEquals(reference(smooth), PerceptualHash.of(smooth, 32), "smooth " + t);
    }
  }

  @Test
  void aLargerImageIsHashedAfterAreaAveragingTo32() {
    byte[] big = new byte[64 * 64];
    new Random(3).nextBytes(big);
    byte[] small = new byte[32 * 32];
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        int sum = 0;
        for (int k = 0; k < 4; k++) {
          sum += big[(2 * y + k / 2) * 64 + 2 * x + k % 2] & 0xFF;
        }
        small[y * 32 + x] = (byte) Math.round(sum / 4.0);
      }
    }
    assertEquals(reference(small), PerceptualHash.of(big, 64));
  }

  @Test
  void distanceCountsDifferingBits() {
    assertEquals(2, PerceptualHash.distance(0b1011L, 0b0001L));
    assertEquals(64, PerceptualHash.distance(0L, -1L));
    assertEquals(0, PerceptualHash.distance(0x5555L, 0x5555L));
  }
}
