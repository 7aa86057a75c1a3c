package org.cxrlstm.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Images made in memory for decoder and store tests. */
final class TestImages {
  private TestImages() {}

  /** A w x h image of {@code type} with a horizontal gray ramp (luminance x * 255 / (w-1)). */
  static BufferedImage ramp(int w, int h, int type) {
    BufferedImage image = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int g = x * 255 / (w - 1);
        image.setRGB(x, y, 0xff000000 | (g << 16) | (g << 8) | g);
      }
    }
    return image;
  }

  static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format + " type " + image.getType());
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] truncated(byte[] bytes, double keep) {
    return Arrays.copyOf(bytes, (int) (bytes.length * keep));
  }
}
