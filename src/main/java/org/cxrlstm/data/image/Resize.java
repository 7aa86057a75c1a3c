package org.cxrlstm.data.image;

/**
 * Separable resampling of a grayscale image to S x S. Downscaling averages the exact area each
 * output pixel covers (a box filter with fractional edges), so a 4280 px scan shrinks without
 * aliasing; upscaling (small paper figures) interpolates bilinearly between pixel centres.
 */
public final class Resize {
  private Resize() {}

  /** {@code src} (w*h values in [0,255], row-major) resampled to {@code size}*{@code size} bytes. */
  public static byte[] toSquare(float[] src, int w, int h, int size) {
    Weights wx = Weights.of(w, size);
    Weights wy = Weights.of(h, size);
    // [h, w] -> [h, size]: horizontal pass
    float[] rows = new float[h * size];
    for (int y = 0; y < h; y++) {
      int base = y * w;
      for (int x = 0; x < size; x++) {
        double sum = 0;
        for (int k = wx.start[x]; k < wx.start[x + 1]; k++) {
          sum += wx.weight[k] * src[base + wx.index[k]];
        }
        rows[y * size + x] = (float) sum;
      }
    }
    // [h, size] -> [size, size]: vertical pass
    byte[] out = new byte[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double sum = 0;
        for (int k = wy.start[y]; k < wy.start[y + 1]; k++) {
          sum += wy.weight[k] * rows[wy.index[k] * size + x];
        }
        out[y * size + x] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
      }
    }
    return out;
  }

  /** For each output position, the source indices and weights (summing to 1) that make it. */
  public static final class Weights {
    public final int[] start;
    public final int[] index;
    public final double[] weight;

    private Weights(int[] start, int[] index, double[] weight) {
      this.start = start;
      this.index = index;
      this.weight = weight;
    }

    public static Weights of(int in, int out) {
      double scale = (double) in / out;
      int[] start = new int[out + 1];
      int[] index = new int[out * ((int) Math.ceil(scale) + 2)];
      double[] weight = new double[index.length];
      int n = 0;
      for (int o = 0; o < out; o++) {
        start[o] = n;
        if (scale >= 1) {
          double lo = o * scale;
          double hi = lo + scale;
          for (int i = (int) Math.floor(lo); i < Math.min(in, (int) Math.ceil(hi)); i++) {
            double cover = Math.min(hi, i + 1) - Math.max(lo, i);
            if (cover > 1e-12) {
              index[n] = i;
              weight[n++] = cover / scale;
            }
          }
        } else {
          double centre = Math.max(0, Math.min(in - 1, (o + 0.5) * scale - 0.5));
          int i0 = (int) Math.floor(centre);
          int i1 = Math.min(in - 1, i0 + 1);
          double f = centre - i0;
          index[n] = i0;
          weight[n++] = 1 - f;
          if (i1 != i0 && f > 0) {
            index[n] = i1;
            weight[n++] = f;
          }
        }
      }
      start[out] = n;
      return new Weights(start, index, weight);
    }
  }
}
