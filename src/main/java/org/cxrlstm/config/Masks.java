package org.cxrlstm.config;

import java.util.Arrays;
import org.cxrlstm.data.image.Mask;

/** Which lung-mask settings this build can run: every {@link Mask}. */
final class Masks {
  /** Values accepted by the {@code mask} key. */
  static final String[] SUPPORTED = Arrays.stream(Mask.values()).map(Mask::id).toArray(String[]::new);

  private Masks() {}
}
