package org.cxrlstm.data.image;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shortcut controls of Maguolo and Nanni (2021): train and test on images whose lungs are
 * blacked out, or on the lungs alone. A model that still separates the classes without the lungs
 * has learnt something other than lung disease (here most likely the adult/pediatric source
 * difference). The region is {@link CentralRegion#LUNG_FIELDS}. Masks are applied to training and
 * test images alike, after decoding and before normalisation and augmentation.
 */
public enum Mask {
  /** Full images; {@link #apply} returns the source itself, so results are byte-identical. */
  NONE("none", false),
  /** The central region set to black (0); only the border is left. */
  LUNGS_OUT("lungs-out", true),
  /** Everything outside the central region set to black; only the lung fields are left. */
  LUNGS_ONLY("lungs-only", false);

  private final String id;
  private final boolean blackInside;

  Mask(String id, boolean blackInside) {
    this.id = id;
    this.blackInside = blackInside;
  }

  /** The name used in settings and CSVs. */
  public String id() {
    return id;
  }

  public static Mask parse(String value) {
    for (Mask m : values()) {
      if (m.id.equals(value.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mask '" + value + "' (allowed: "
        + Arrays.stream(values()).map(Mask::id).collect(Collectors.joining(", ")) + ")");
  }

  /** A view of {@code source} with this mask applied to every image ({@code source} itself for NONE). */
  public ImageSource apply(ImageSource source) {
    if (this == NONE) {
      return source;
    }
    boolean[] inside = CentralRegion.LUNG_FIELDS.inside(source.size());
    return new ImageSource() {
      @Override
      public int size() {
        return source.size();
      }

      @Override
      public int count() {
        return source.count();
      }

      @Override
      public byte[] pixels(int index) {
        return apply(source.pixels(index), inside);
      }
    };
  }

  /** A masked copy of one S*S image ({@code pixels} itself for NONE). */
  public byte[] apply(byte[] pixels, int size) {
    if (pixels.length != size * size) {
      throw new IllegalArgumentException("image of " + pixels.length + " pixels is not " + size + "x" + size);
    }
    return this == NONE ? pixels : apply(pixels, CentralRegion.LUNG_FIELDS.inside(size));
  }

  private byte[] apply(byte[] pixels, boolean[] inside) {
    byte[] out = pixels.clone();
    for (int i = 0; i < out.length; i++) {
      if (inside[i] == blackInside) {
        out[i] = 0;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return id;
  }
}
