package org.cxrlstm.eval;

import org.cxrlstm.data.image.CentralRegion;

/**
 * How a Grad-CAM map's mass splits between the central lung region and the border. Evidence on the
 * border (shoulders, collimation edges, burned-in text) is the signature of a shortcut (DeGrave et
 * al., NMI 2021). For comparison, a uniform map puts {@link CentralRegion#areaShare} inside.
 *
 * @param inner  share of the map's total inside the region, NaN when the map is all zero
 * @param border 1 - inner, NaN when the map is all zero
 */
public record CamMass(double inner, double border) {

  /** The shares of {@code map} (S*S, non-negative) for {@code region}. */
  public static CamMass of(float[] map, int size, CentralRegion region) {
    if (map.length != size * size) {
      throw new IllegalArgumentException("map of " + map.length + " values is not " + size + "x" + size);
    }
    double inside = 0;
    double total = 0;
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        double v = map[r * size + c];
        if (v < 0 || !Double.isFinite(v)) {
          throw new IllegalArgumentException("map value " + v + " at " + r + "," + c + " is not a non-negative number");
        }
        total += v;
        if (region.contains(r, c, size)) {
          inside += v;
        }
      }
    }
    if (total == 0) {
      return new CamMass(Double.NaN, Double.NaN);
    }
    return new CamMass(inside / total, 1 - inside / total);
  }

  /** Whether the map had any mass (an all-zero map leaves both shares undefined). */
  public boolean defined() {
    return !Double.isNaN(inner);
  }
}
