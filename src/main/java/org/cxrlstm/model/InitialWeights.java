package org.cxrlstm.model;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded initial weights drawn in Java.
 *
 * <p>Each variable draws from its own stream, derived from the run seed and the variable's name,
 * so adding or reordering variables never changes the draws of the others.
 */
public final class InitialWeights {
  /** Keras's truncated normal cuts at two standard deviations and rescales by this factor. */
  private static final double TRUNCATED_STD_CORRECTION = 0.87962566103423978;

  private final long seed;

  public InitialWeights(long seed) {
    this.seed = seed;
  }

  /** A conv kernel [k, k, in, out] or dense kernel [in, out] with the given fans. */
  public float[] kernel(String name, Initializer init, int count, int fanIn, int fanOut) {
    SplittableRandom random = stream(name);
    float[] w = new float[count];
    if (init == Initializer.GLOROT) {
      double limit = Math.sqrt(6.0 / (fanIn + fanOut));
      for (int i = 0; i < count; i++) {
        w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
      }
    } else {
      double std = Math.sqrt(2.0 / fanIn) / TRUNCATED_STD_CORRECTION;
      for (int i = 0; i < count; i++) {
        double z;
        do {
          z = random.nextGaussian();
        } while (Math.abs(z) > 2);
        w[i] = (float) (z * std);
      }
    }
    return w;
  }

  /**
   * A [rows, cols] matrix with orthonormal rows (rows <= cols), as Keras's orthogonal initializer
   * gives the LSTM's recurrent kernel (Saxe et al. 2014): Gram-Schmidt on Gaussian rows.
   */
  public float[] orthogonal(String name, int rows, int cols) {
    if (rows > cols) {
      throw new IllegalArgumentException("orthogonal rows " + rows + " > cols " + cols);
    }
    SplittableRandom random = stream(name);
    double[][] m = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        m[r][c] = random.nextGaussian();
      }
      for (int p = 0; p < r; p++) {
        double dot = 0;
        for (int c = 0; c < cols; c++) {
          dot += m[r][c] * m[p][c];
        }
        for (int c = 0; c < cols; c++) {
          m[r][c] -= dot * m[p][c];
        }
      }
      double norm = 0;
      for (int c = 0; c < cols; c++) {
        norm += m[r][c] * m[r][c];
      }
      norm = Math.sqrt(norm);
      for (int c = 0; c < cols; c++) {
        m[r][c] /= norm;
      }
    }
    float[] out = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r * cols + c] = (float) m[r][c];
      }
    }
    return out;
  }

  private SplittableRandom stream(String name) {
    long h = seed;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x100000001B3L;
    }
    return new SplittableRandom(h);
  }
}
