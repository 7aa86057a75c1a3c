package org.cxrlstm.data.image;

import java.util.Locale;

/**
 * How uint8 pixels become the model's floats, done in Java per image.
 * {@link #STANDARDIZE}: zero mean, unit variance per image, with the standard deviation floored at
 * 1/sqrt(N) as in TensorFlow's {@code per_image_standardization} so a blank image stays finite.
 * {@link #SCALE}: divided by 255 into [0,1], as the authors' Keras code ({@code rescale=1./255}).
 */
public enum Normalization {
  STANDARDIZE,
  SCALE;

  /** The setting value ({@code standardize}, {@code scale}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Normalization parse(String value) {
    for (Normalization n : values()) {
      if (n.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    throw new IllegalArgumentException("unknown normalization '" + value + "' (allowed: standardize, scale)");
  }

  /** Writes {@code pixels} normalised into {@code out[offset ..]}. */
  public void apply(byte[] pixels, float[] out, int offset) {
    if (this == SCALE) {
      for (int i = 0; i < pixels.length; i++) {
        out[offset + i] = (pixels[i] & 0xff) / 255f;
      }
      return;
    }
    double sum = 0;
    double squares = 0;
    for (byte b : pixels) {
      int v = b & 0xff;
      sum += v;
      squares += (double) v * v;
    }
    int n = pixels.length;
    double mean = sum / n;
    double sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
    double scale = 1 / Math.max(sd, 1 / Math.sqrt(n));
    for (int i = 0; i < n; i++) {
      out[offset + i] = (float) (((pixels[i] & 0xff) - mean) * scale);
    }
  }

  /** Per-image standardisation: mean 0, standard deviation 1. */
  public static float[] standardize(byte[] pixels) {
    float[] out = new float[pixels.length];
    STANDARDIZE.apply(pixels, out, 0);
    return out;
  }

  /** Values in [0,1]. */
  public static float[] scale(byte[] pixels) {
    float[] out = new float[pixels.length];
    SCALE.apply(pixels, out, 0);
    return out;
  }
}
