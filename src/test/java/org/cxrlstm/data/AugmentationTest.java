package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.cxrlstm.data.image.Augmentation;
import org.junit.jupiter.api.Test;

class AugmentationTest {
  private static byte[] ramp(int size) {
    byte[] px = new byte[size * size];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) ((i % size) * 255 / (size - 1));
    }
    return px;
  }

  private static byte[] mirror(byte[] px, int size) {
    byte[] out = new byte[px.length];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        out[y * size + x] = px[y * size + size - 1 - x];
      }
    }
    return out;
  }

  @Test
  void noneReturnsTheImage() {
    byte[] px = ramp(16);
    assertSame(px, Augmentation.NONE.apply(px, 16, new Random(1)));
  }

  @Test
  void flipOnlyGivesTheImageOrItsMirrorAndBoth() {
    byte[] px = ramp(16);
    Augmentation flip = new Augmentation(0, 0, 0, true);
    Random random = new Random(3);
    boolean sawMirror = false;
    boolean sawSame = false;
    for (int i = 0; i < 20; i++) {
      byte[] out = flip.apply(px, 16, random);
      sawMirror |= Arrays.equals(out, mirror(px, 16));
      sawSame |= Arrays.equals(out, px);
      assertTrue(Arrays.equals(out, px) || Arrays.equals(out, mirror(px, 16)));
    }
    assertTrue(sawMirror && sawSame);
  }

  @Test
  void sameSeedSameResultAndTransformsChangePixels() {
    Augmentation a = new Augmentation(15, 0.1, 0.1, true, 0.2);
    byte[] px = ramp(32);
    byte[] one = a.apply(px, 32, new Random(42));
    assertArrayEquals(one, a.apply(px, 32, new Random(42)));
    assertFalse(Arrays.equals(one, a.apply(px, 32, new Random(43))));
    assertFalse(Arrays.equals(one, px));
  }

  @Test
  void rangesAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, 0, 0, false));
    assertTrue(e.getMessage().contains("rotationDegrees") && e.getMessage().contains("-1"));
    assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0.7, 0, false));
  }
}
