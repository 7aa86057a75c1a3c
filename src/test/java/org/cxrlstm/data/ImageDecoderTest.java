package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.cxrlstm.data.image.ImageDecoder;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private final ImageDecoder decoder = new ImageDecoder();

  private void assertRamp(ImageDecoder.Gray g, int w, int h, double tolerance) {
    assertEquals(w, g.width());
    assertEquals(h, g.height());
    for (int x = 0; x < w; x += 7) {
      assertEquals(x * 255.0 / (w - 1), g.values()[(h / 2) * w + x], tolerance, "x=" + x);
    }
  }

  @Test
  void grayPngKeepsRawValues() throws IOException {
    BufferedImage img = new BufferedImage(64, 40, BufferedImage.TYPE_BYTE_GRAY);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 40; y++) {
        img.getRaster().setSample(x, y, 0, x * 255 / 63);
      }
    }
    assertRamp(decoder.decode(TestImages.encode(img, "png"), "g.png"), 64, 40, 1.0);
  }

  @Test
  void sixteenBitGrayIsScaledTo255() throws IOException {
    BufferedImage img = new BufferedImage(64, 40, BufferedImage.TYPE_USHORT_GRAY);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 40; y++) {
        img.getRaster().setSample(x, y, 0, x * 65535 / 63);
      }
    }
    assertRamp(decoder.decode(TestImages.encode(img, "png"), "g16.png"), 64, 40, 1.0);
  }

  @Test
  void rgbRgbaAndJpegBecomeLuminance() throws IOException {
    assertRamp(decoder.decode(TestImages.encode(TestImages.ramp(64, 40, BufferedImage.TYPE_INT_RGB), "png"), "a"), 64, 40, 1.0);
    assertRamp(decoder.decode(TestImages.encode(TestImages.ramp(64, 40, BufferedImage.TYPE_INT_ARGB), "png"), "b"), 64, 40, 1.0);
    assertRamp(decoder.decode(TestImages.encode(TestImages.ramp(64, 40, BufferedImage.TYPE_INT_RGB), "jpeg"), "c"), 64, 40, 6.0);
  }

  @Test
  void pureRedIsItsLuminanceNotItsChannel() throws IOException {
    BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 40; x++) {
      for (int y = 0; y < 40; y++) {
        img.setRGB(x, y, 0xff0000);
      }
    }
    ImageDecoder.Gray g = decoder.decode(TestImages.encode(img, "png"), "red.png");
    assertEquals(0.299 * 255, g.values()[0], 0.01);
  }

  @Test
  void paletteImageUsesItsColours() throws IOException {
    byte[] levels = {0, (byte) 128, (byte) 255};
    IndexColorModel palette = new IndexColorModel(2, 3, levels, levels, levels);
    BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_INDEXED, palette);
    for (int x = 0; x < 40; x++) {
      for (int y = 0; y < 40; y++) {
        img.getRaster().setSample(x, y, 0, x < 20 ? 1 : 2);
      }
    }
    ImageDecoder.Gray g = decoder.decode(TestImages.encode(img, "png"), "p.png");
    assertEquals(128, g.values()[0], 0.5);
    assertEquals(255, g.values()[39], 0.5);
  }

  @Test
  void truncatedImagesFailNamingTheFile() {
    byte[] jpeg = TestImages.encode(TestImages.ramp(200, 200, BufferedImage.TYPE_INT_RGB), "jpeg");
    byte[] png = TestImages.encode(TestImages.ramp(200, 200, BufferedImage.TYPE_INT_RGB), "png");
    IOException j = assertThrows(IOException.class, () -> decoder.decode(TestImages.truncated(jpeg, 0.5), "cut.jpg"));
    assertTrue(j.getMessage().contains("cut.jpg"), j.getMessage());
    IOException p = assertThrows(IOException.class, () -> decoder.decode(TestImages.truncated(png, 0.5), "cut.png"));
    assertTrue(p.getMessage().contains("cut.png"), p.getMessage());
  }

  @Test
  void emptyAndNonImageBytesFail() {
    IOException empty = assertThrows(IOException.class, () -> decoder.decode(new byte[0], "zero.png"));
    assertTrue(empty.getMessage().contains("zero.png") && empty.getMessage().contains("0 bytes"));
    IOException text = assertThrows(IOException.class,
        () -> decoder.decode("not an image".getBytes(StandardCharsets.UTF_8), "notes.jpg"));
    assertTrue(text.getMessage().contains("notes.jpg"), text.getMessage());
  }

  @Test
  void tooSmallImageIsRefused() {
    byte[] png = TestImages.encode(TestImages.ramp(31, 100, BufferedImage.TYPE_INT_RGB), "png");
    IOException e = assertThrows(IOException.class, () -> decoder.decode(png, "tiny.png"));
    assertTrue(e.getMessage().contains("31x100"), e.getMessage());
  }

  @Test
  void decompressionBombIsRefusedFromItsHeader() throws IOException {
    // a PNG whose header claims 100000 x 100000 pixels and which holds no pixel data
    byte[] bomb = TestImages.pngHeaderOnly(100_000, 100_000);
    IOException e = assertThrows(IOException.class, () -> decoder.decode(bomb, "bomb.png"));
    assertTrue(e.getMessage().contains("bomb.png") && e.getMessage().contains("exceeds the limit"), e.getMessage());
  }
}
