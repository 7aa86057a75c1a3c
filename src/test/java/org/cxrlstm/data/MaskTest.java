package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.cxrlstm.data.image.CentralRegion;
import org.cxrlstm.data.image.ImageSource;
import org.cxrlstm.data.image.Mask;
import org.junit.jupiter.api.Test;

class MaskTest {
  /** Two 20x20 images of random non-zero bytes. */
  static ImageSource source() {
    Random random = new Random(5);
    byte[][] images = new byte[2][400];
    for (byte[] image : images) {
      for (int i = 0; i < image.length; i++) {
        image[i] = (byte) (1 + random.nextInt(255));
      }
    }
    return new ImageSource() {
      @Override
      public int size() {
        return 20;
      }

      @Override
      public int count() {
        return 2;
      }

      @Override
      public byte[] pixels(int index) {
        return images[index];
      }
    };
  }

  @Test
  void noneIsTheSourceItself() {
    ImageSource s = source();
    assertSame(s, Mask.NONE.apply(s));
    assertSame(s.pixels(1), Mask.NONE.apply(s.pixels(1), 20));
  }

  @Test
  void lungsOutBlacksTheCentreAndKeepsTheBorder() {
    ImageSource s = source();
    ImageSource m = Mask.LUNGS_OUT.apply(s);
    assertEquals(20, m.size());
    assertEquals(2, m.count());
    byte[] original = s.pixels(0);
    byte[] masked = m.pixels(0);
    // 20 px: centres 0.5/20 .. ; x in [0.15, 0.85) holds columns 3..16
    for (int r = 0; r < 20; r++) {
      for (int c = 0; c < 20; c++) {
        boolean centre = r >= 3 && r <= 16 && c >= 3 && c <= 16;
        assertEquals(centre ? 0 : original[r * 20 + c], masked[r * 20 + c], "pixel " + r + "," + c);
      }
    }
    assertTrue(original[10 * 20 + 10] != 0, "the source is not modified");
  }

  @Test
  void lungsOnlyIsTheComplementOfLungsOut() {
    ImageSource s = source();
    byte[] out = Mask.LUNGS_OUT.apply(s).pixels(1);
    byte[] only = Mask.LUNGS_ONLY.apply(s).pixels(1);
    byte[] original = s.pixels(1);
    for (int i = 0; i < original.length; i++) {
      assertTrue((out[i] == 0) != (only[i] == 0), "pixel " + i + " is kept by exactly one mask");
      assertEquals(original[i], out[i] == 0 ? only[i] : out[i]);
    }
  }

  @Test
  void theRegionIsTheDocumentedRectangle() {
    CentralRegion r = CentralRegion.LUNG_FIELDS;
    assertEquals(14 * 14 / 400.0, r.areaShare(20), 1e-12);
    assertEquals(0.49, r.areaShare(1000), 1e-9);
    assertTrue(r.contains(3, 3, 20) && !r.contains(2, 3, 20) && !r.contains(3, 17, 20));
    assertThrows(IllegalArgumentException.class, () -> new CentralRegion(0.5, 0.4, 0, 1));
  }

  @Test
  void parsingUsesTheSettingNamesAndRejectsOthers() {
    assertEquals(Mask.LUNGS_OUT, Mask.parse("lungs-out"));
    assertEquals(Mask.LUNGS_ONLY, Mask.parse(" lungs-only "));
    assertEquals(Mask.NONE, Mask.parse("none"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mask.parse("lungs"));
    assertTrue(e.getMessage().contains("'lungs'") && e.getMessage().contains("lungs-out"), e.getMessage());
    // a 1x1 image's only pixel is central; a wrong length is refused with both numbers
    assertArrayEquals(new byte[] {7}, Mask.LUNGS_ONLY.apply(new byte[] {7}, 1));
    IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
        () -> Mask.LUNGS_OUT.apply(new byte[5], 2));
    assertTrue(size.getMessage().contains("5") && size.getMessage().contains("2x2"), size.getMessage());
  }
}
