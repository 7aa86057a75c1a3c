package org.cxrlstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cxrlstm.data.image.CentralRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayTest {
  @TempDir
  Path tmp;

  @Test
  void jetRunsFromDarkBlueToDarkRed() {
    assertEquals(0x000080, Overlay.jet(0f)); // half-intensity blue: round(0.5 * 255)
    assertEquals(0x800000, Overlay.jet(1f)); // half-intensity red
    assertEquals(0x000080, Overlay.jet(-3f)); // clamped
    // the middle is green-dominated
    int mid = Overlay.jet(0.5f);
    assertEquals(255, (mid >> 8) & 0xFF);
  }

  @Test
  void pixelsBlendGrayAndColourAtAlpha() {
    int s = 64;
    byte[] gray = new byte[s * s];
    java.util.Arrays.fill(gray, (byte) 200);
    float[] heat = new float[s * s];
    heat[0] = 1f;
    BufferedImage img = Overlay.render(gray, heat, s, 0.5, CentralRegion.LUNG_FIELDS);
    assertEquals(256, img.getWidth()); // enlarged 4x for viewing
    int topLeft = img.getRGB(0, 0) & 0xFFFFFF;      // heat 1: jet red (128,0,0) half over gray 200
    assertEquals(164, (topLeft >> 16) & 0xFF);
    assertEquals(100, (topLeft >> 8) & 0xFF);
    int other = img.getRGB(8, 0) & 0xFFFFFF;        // heat 0: dark blue (0,0,128)
    assertEquals(100, (other >> 16) & 0xFF);
    assertEquals(164, other & 0xFF);
  }

  @Test
  void writesAReadablePng() throws IOException {
    int s = 32;
    Path png = tmp.resolve("sub/x.png");
    Overlay.write(new byte[s * s], new float[s * s], s, CentralRegion.LUNG_FIELDS, png);
    BufferedImage back = ImageIO.read(png.toFile());
    assertNotNull(back);
    assertEquals(256, back.getHeight());
    assertThrows(IllegalArgumentException.class,
        () -> Overlay.write(new byte[10], new float[s * s], s, CentralRegion.LUNG_FIELDS, png));
  }
}
