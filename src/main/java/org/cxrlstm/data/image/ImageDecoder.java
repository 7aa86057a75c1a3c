package org.cxrlstm.data.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a JPEG or PNG (8/16-bit gray, gray+alpha, RGB, RGBA, palette; CMYK/YCCK JPEG through
 * TwelveMonkeys) into luminance values in [0,255]. The header's size is checked before any pixel is
 * allocated, so a decompression bomb is refused without decoding it. Colour images become luminance
 * (ITU-R BT.601 weights, as PIL's {@code convert("L")}) so that a colour rendering is no class cue.
 */
public final class ImageDecoder {
  /** Smallest side accepted: below this an X-ray carries no usable detail. */
  public static final int MIN_SIDE = 32;
  /** Largest pixel count accepted (the largest scan here is 4280 x 4095 = 17.5 M). */
  public static final long MAX_PIXELS_DEFAULT = 64L << 20;

  static {
    ImageIO.setUseCache(false);
    ImageIO.scanForPlugins();
  }

  /** Luminance of a decoded image, row-major. */
  public record Gray(float[] values, int width, int height) {}

  private final long maxPixels;

  public ImageDecoder(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  public ImageDecoder() {
    this(MAX_PIXELS_DEFAULT);
  }

  /** Decodes {@code bytes}; {@code name} is used in error messages. */
  public Gray decode(byte[] bytes, String name) throws IOException {
    if (bytes.length == 0) {
      throw new IOException(name + ": is empty (0 bytes)");
    }
    List<String> failures = new ArrayList<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException(name + ": not a decodable image (no JPEG/PNG signature)");
      }
      while (readers.hasNext()) {
        ImageReader reader = readers.next();
        try {
          in.seek(0);
          return read(reader, in, name);
        } catch (IOException | RuntimeException e) {
          if (e instanceof ImageSizeException s) {
            throw s;
          }
          failures.add(reader.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
          reader.dispose();
        }
      }
    }
    throw new IOException(name + ": corrupt or undecodable image (" + String.join("; ", failures) + ")");
  }

  private Gray read(ImageReader reader, ImageInputStream in, String name) throws IOException {
    reader.setInput(in, true, true);
    int w = reader.getWidth(0);
    int h = reader.getHeight(0);
    if (w < MIN_SIDE || h < MIN_SIDE) {
      throw new ImageSizeException(name + ": " + w + "x" + h + " px is smaller than " + MIN_SIDE + " px a side");
    }
    if ((long) w * h > maxPixels) {
      throw new ImageSizeException(name + ": " + w + "x" + h + " px = " + (long) w * h
          + " pixels exceeds the limit of " + maxPixels + " (refused from the header)");
    }
    List<String> truncated = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> {
      String lower = warning.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("premature") || lower.contains("truncat") || lower.contains("end of")) {
        truncated.add(warning);
      }
    });
    BufferedImage image = reader.read(0);
    if (!truncated.isEmpty()) {
      throw new IOException("truncated image: " + truncated.get(0));
    }
    return new Gray(luminance(image), image.getWidth(), image.getHeight());
  }

  /** Luminance in [0,255] of every pixel. */
  public static float[] luminance(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[] out = new float[w * h];
    Raster raster = image.getRaster();
    boolean gray = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && !(image.getColorModel() instanceof IndexColorModel);
    if (gray) {
      // raw samples: getRGB would pass linear gray through an sRGB gamma curve and brighten it
      float scale = 255f / ((1 << raster.getSampleModel().getSampleSize(0)) - 1);
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          out[y * w + x] = row[x] * scale;
        }
      }
      return out;
    }
    int[] rgb = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, rgb, 0, w);
      for (int x = 0; x < w; x++) {
        int p = rgb[x];
        out[y * w + x] = 0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff);
      }
    }
    return out;
  }

  /** An image whose header size is outside the accepted range; not retried with another reader. */
  public static final class ImageSizeException extends IOException {
    public ImageSizeException(String message) {
      super(message);
    }
  }
}
