package org.cxrlstm.data.image;

/**
 * The central region of a chest X-ray that holds the lung fields, as fractions of the image side.
 * Used twice, so that both checks mean the same thing: {@link Mask} blacks it out or keeps only it
 * (the shortcut controls of Maguolo and Nanni 2021), and Grad-CAM's inner/border mass measures how
 * much of a model's evidence lies inside it (DeGrave et al. 2021).
 *
 * <p>{@link #LUNG_FIELDS} is the rectangle x 15-85 %, y 15-85 %. It was read off the mean of 25
 * images per class of covid-xray-421, each squashed to a square as the model sees it: in all three
 * classes (adult COVID-19 PA views and the pediatric Kermany views) the lung fields lie inside it,
 * while the outer band holds the shoulders, arms, neck, abdomen, burned-in markers and the
 * collimation edges. It is a rectangle rather than a segmentation because no lung masks ship with
 * the data; it covers 49 % of the image, so a heatmap spread uniformly puts 0.49 of its mass inside.
 *
 * @param left   first column inside, as a fraction of the side
 * @param right  first column outside on the right
 * @param top    first row inside
 * @param bottom first row outside at the bottom
 */
public record CentralRegion(double left, double right, double top, double bottom) {

  public static final CentralRegion LUNG_FIELDS = new CentralRegion(0.15, 0.85, 0.15, 0.85);

  public CentralRegion {
    if (!(0 <= left && left < right && right <= 1 && 0 <= top && top < bottom && bottom <= 1)) {
      throw new IllegalArgumentException("central region x " + left + "-" + right + ", y " + top + "-"
          + bottom + " must satisfy 0 <= left < right <= 1 and 0 <= top < bottom <= 1");
    }
  }

  /** Whether pixel (row, col) of an S x S image lies inside: its centre falls in the rectangle. */
  public boolean contains(int row, int col, int size) {
    double y = (row + 0.5) / size;
    double x = (col + 0.5) / size;
    return x >= left && x < right && y >= top && y < bottom;
  }

  /** Per pixel of an S x S image (row-major) whether it lies inside. */
  public boolean[] inside(int size) {
    boolean[] in = new boolean[size * size];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        in[r * size + c] = contains(r, c, size);
      }
    }
    return in;
  }

  /** Fraction of an S x S image's pixels inside: the share a uniform heatmap would put there. */
  public double areaShare(int size) {
    int n = 0;
    for (boolean b : inside(size)) {
      n += b ? 1 : 0;
    }
    return (double) n / ((double) size * size);
  }
}
