package org.cxrlstm.data.image;

import java.util.Random;

/**
 * Random training-image transforms with the ranges of Keras's {@code ImageDataGenerator}, which the
 * paper's augmentation (Section 3.1) used: rotation by up to {@code rotationDegrees} either way,
 * width and height shift by up to {@code shiftFraction} of the side, zoom by a factor in
 * [1 - zoomFraction, 1 + zoomFraction] per axis, horizontal flip with probability 1/2, and
 * brightness scaled by a factor in [1 - brightness, 1 + brightness]. Pixels sampled from outside
 * the image take the nearest edge value (Keras's default {@code fill_mode="nearest"}).
 * Applied to training images only; validation and test images are never augmented.
 */
public record Augmentation(double rotationDegrees, double shiftFraction, double zoomFraction,
    boolean horizontalFlip, double brightness) {
  /** No augmentation. */
  public static final Augmentation NONE = new Augmentation(0, 0, 0, false, 0);

  public Augmentation {
    check("rotationDegrees", rotationDegrees, 180);
    check("shiftFraction", shiftFraction, 0.5);
    check("zoomFraction", zoomFraction, 0.9);
    check("brightness", brightness, 0.9);
  }

  /** Without a brightness change. */
  public Augmentation(double rotationDegrees, double shiftFraction, double zoomFraction, boolean horizontalFlip) {
    this(rotationDegrees, shiftFraction, zoomFraction, horizontalFlip, 0);
  }

  private static void check(String name, double value, double max) {
    if (!(value >= 0 && value <= max)) {
      throw new IllegalArgumentException("augmentation " + name + " must be in [0, " + max + "], got " + value);
    }
  }

  public boolean isNone() {
    return rotationDegrees == 0 && shiftFraction == 0 && zoomFraction == 0 && !horizontalFlip && brightness == 0;
  }

  /** A transformed copy of {@code src} (size*size uint8); draws from {@code random}. */
  public byte[] apply(byte[] src, int size, Random random) {
    if (isNone()) {
      return src;
    }
    double theta = Math.toRadians(uniform(random, rotationDegrees));
    double tx = uniform(random, shiftFraction) * size;
    double ty = uniform(random, shiftFraction) * size;
    double zx = 1 + uniform(random, zoomFraction);
    double zy = 1 + uniform(random, zoomFraction);
    boolean flip = horizontalFlip && random.nextBoolean();
    double gain = 1 + uniform(random, brightness);
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    double c = (size - 1) / 2.0;
    byte[] out = new byte[src.length];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        // output pixel -> source position: flip, then zoom and rotate about the centre, then shift
        double dx = (flip ? size - 1 - x : x) - c;
        double dy = y - c;
        double sx = c + zx * (cos * dx - sin * dy) + tx;
        double sy = c + zy * (sin * dx + cos * dy) + ty;
        double v = bilinear(src, size, sx, sy) * gain;
        out[y * size + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
      }
    }
    return out;
  }

  private static double uniform(Random random, double range) {
    return range == 0 ? 0 : (random.nextDouble() * 2 - 1) * range;
  }

  private static double bilinear(byte[] img, int size, double x, double y) {
    x = Math.max(0, Math.min(size - 1, x));
    y = Math.max(0, Math.min(size - 1, y));
    int x0 = (int) x;
    int y0 = (int) y;
    int x1 = Math.min(size - 1, x0 + 1);
    int y1 = Math.min(size - 1, y0 + 1);
    double fx = x - x0;
    double fy = y - y0;
    double top = (img[y0 * size + x0] & 0xff) * (1 - fx) + (img[y0 * size + x1] & 0xff) * fx;
    double bottom = (img[y1 * size + x0] & 0xff) * (1 - fx) + (img[y1 * size + x1] & 0xff) * fx;
    return top * (1 - fy) + bottom * fy;
  }
}
