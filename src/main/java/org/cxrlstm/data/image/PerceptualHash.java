package org.cxrlstm.data.image;

import java.util.Arrays;

/**
 * A 64-bit perceptual hash of a grey image (the DCT hash known as pHash): the image reduced to
 * 32 x 32 by area averaging, its 2-D DCT-II, and the 8 x 8 lowest frequencies, each bit set when
 * that coefficient lies above their median. Re-encoding, rescaling and mild contrast changes move
 * few bits; two different radiographs differ in many. Bit 63 is frequency (0, 0), then row by row.
 */
public final class PerceptualHash {
  /** Side of the grey image the hash is taken from. */
  public static final int SIDE = 32;
  /** Side of the block of lowest frequencies that gives the 64 bits. */
  public static final int LOW = 8;
  private static final double[][] COSINES = cosines();

  private PerceptualHash() {}

  /** The hash of a {@code side x side} grey image (row-major uint8), reduced to 32 x 32 first when larger. */
  public static long of(byte[] pixels, int side) {
    if (pixels.length != side * side) {
      throw new IllegalArgumentException(pixels.length + " pixels is not " + side + " x " + side);
    }
    if (side == SIDE) {
      return of(pixels);
    }
    float[] values = new float[pixels.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = pixels[i] & 0xFF;
    }
    return of(Resize.toSquare(values, side, side, SIDE));
  }

  private static long of(byte[] pixels) {
    // separable DCT-II, only the rows and columns of the low block are needed: [32,32] -> [8,32] -> [8,8]
    double[][] rows = new double[LOW][SIDE];
    for (int u = 0; u < LOW; u++) {
      for (int x = 0; x < SIDE; x++) {
        double sum = 0;
        for (int y = 0; y < SIDE; y++) {
          sum += COSINES[u][y] * (pixels[y * SIDE + x] & 0xFF);
        }
        rows[u][x] = sum;
      }
    }
    double[] flat = new double[LOW * LOW];
    for (int u = 0; u < LOW; u++) {
      for (int v = 0; v < LOW; v++) {
        double sum = 0;
        for (int x = 0; x < SIDE; x++) {
          sum += COSINES[v][x] * rows[u][x];
        }
        flat[u * LOW + v] = sum;
      }
    }
    double[] sorted = flat.clone();
    Arrays.sort(sorted);
    double median = (sorted[31] + sorted[32]) / 2;
    long hash = 0;
    for (double c : flat) {
      hash = (hash << 1) | (c > median ? 1 : 0);
    }
    return hash;
  }

  /** Bits in which two hashes differ (Hamming distance, 0 to 64). */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** cos(pi k (2n + 1) / 2N) of the unscaled DCT-II, for the low frequencies k. */
  private static double[][] cosines() {
    double[][] c = new double[LOW][SIDE];
    for (int k = 0; k < LOW; k++) {
      for (int n = 0; n < SIDE; n++) {
        c[k][n] = Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * SIDE));
      }
    }
    return c;
  }
}
