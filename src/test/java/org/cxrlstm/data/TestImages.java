package org.cxrlstm.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made in memory for decoder and store tests. */
public final class TestImages {
  private TestImages() {}

  /** A w x h image of {@code type} with a horizontal gray ramp (luminance x * 255 / (w-1)). */
  public static BufferedImage ramp(int w, int h, int type) {
    BufferedImage image = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int g = x * 255 / (w - 1);
        image.setRGB(x, y, 0xff000000 | (g << 16) | (g << 8) | g);
      }
    }
    return image;
  }

  public static byte[] encode(BufferedImage image, String format) {
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

  public static byte[] truncated(byte[] bytes, double keep) {
    return Arrays.copyOf(bytes, (int) (bytes.length * keep));
  }

  /**
   * A PNG that is only its signature and an IHDR chunk claiming {@code w} x {@code h} 8-bit grey pixels (valid CRC),
   * with no pixel data: a decompression bomb as far as its header tells.
   */
  public static byte[] pngHeaderOnly(int w, int h) {
    try {
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream chunk = new DataOutputStream(ihdr);
      chunk.writeBytes("IHDR");
      chunk.writeInt(w);
      chunk.writeInt(h);
      chunk.write(new byte[] {8, 0, 0, 0, 0});
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      out.writeInt(13);
      out.write(ihdr.toByteArray());
      CRC32 crc = new CRC32();
      crc.update(ihdr.toByteArray());
      out.writeInt((int) crc.getValue());
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
