package org.cxrlstm.train;

import java.util.Random;
import org.cxrlstm.data.image.Batch;

/**
 * Two-class test images over Gaussian noise: class 1 holds a bright square, class 0 a dark one.
 * Training images place the square anywhere, so the model learns to detect it wherever it is; test
 * images place it inside one quadrant (image n in quadrant n / 2 mod 4), so the evidence for either
 * class lies only in that corner.
 *
 * @param batch     the images and labels
 * @param quadrants per image the quadrant holding its square (0 top-left, 1 top-right, 2 bottom-left,
 *                  3 bottom-right), or -1 when it may straddle quadrants
 */
record SquareImages(Batch batch, int[] quadrants) {

  static SquareImages anywhere(int count, int size, long seed) {
    return make(count, size, seed, false);
  }

  static SquareImages inCorners(int count, int size, long seed) {
    return make(count, size, seed, true);
  }

  private static SquareImages make(int count, int size, long seed, boolean corners) {
    Random random = new Random(seed);
    float[] x = new float[count * size * size];
    int[] labels = new int[count];
    int[] indices = new int[count];
    int[] quadrants = new int[count];
    int side = size / 4;
    for (int n = 0; n < count; n++) {
      labels[n] = n % 2;
      indices[n] = n;
      int base = n * size * size;
      for (int i = 0; i < size * size; i++) {
        x[base + i] = (float) (random.nextGaussian() * 0.5);
      }
      int r0;
      int c0;
      if (corners) {
        quadrants[n] = (n / 2) % 4;
        r0 = (quadrants[n] / 2) * size / 2 + 1 + random.nextInt(size / 2 - side - 1);
        c0 = (quadrants[n] % 2) * size / 2 + 1 + random.nextInt(size / 2 - side - 1);
      } else {
        quadrants[n] = -1;
        r0 = random.nextInt(size - side + 1);
        c0 = random.nextInt(size - side + 1);
      }
      float contrast = labels[n] == 1 ? 2f : -2f;
      for (int r = r0; r < r0 + side; r++) {
        for (int c = c0; c < c0 + side; c++) {
          x[base + r * size + c] += contrast;
        }
      }
    }
    return new SquareImages(new Batch(x, labels, indices, count), quadrants);
  }

  /** Share of the map's total mass inside quadrant {@code q} (NaN for an all-zero map). */
  static double quadrantShare(float[] map, int size, int q) {
    double inside = 0;
    double total = 0;
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        total += map[r * size + c];
        if (quadrant(r, c, size) == q) {
          inside += map[r * size + c];
        }
      }
    }
    return total == 0 ? Double.NaN : inside / total;
  }

  /** The quadrant holding the map's maximum. */
  static int peakQuadrant(float[] map, int size) {
    int best = 0;
    for (int i = 1; i < map.length; i++) {
      if (map[i] > map[best]) {
        best = i;
      }
    }
    return quadrant(best / size, best % size, size);
  }

  private static int quadrant(int r, int c, int size) {
    return (r < size / 2 ? 0 : 2) + (c < size / 2 ? 0 : 1);
  }
}
