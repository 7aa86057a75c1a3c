package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrecisionTest {
  private static final String WITH_BF16 = "fpu sse2 avx512f avx512_bf16 avx512_vnni";
  private static final String WITHOUT = "fpu sse2 avx2 avx512f avx512_vnni";

  @Test
  void fp16IsRefusedListingTheAllowedValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Precision.choose("fp16", WITH_BF16, false));
    assertTrue(e.getMessage().contains("'fp16'"), e.getMessage());
    assertTrue(e.getMessage().contains("float32, bf16, auto"), e.getMessage());
  }

  @Test
  void bf16IsRefusedWithoutTheCpuFlagsInsteadOfEmulated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Precision.choose("bf16", WITHOUT, false));
    assertTrue(e.getMessage().contains("AVX512-BF16"), e.getMessage());
    assertEquals(Precision.BF16, Precision.choose("bf16", WITH_BF16, false).precision());
    assertEquals(Precision.BF16, Precision.choose(" BF16 ", "amx_bf16 amx_tile", false).precision());
  }

  @Test
  void bf16OnAGpuIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Precision.choose("bf16", WITH_BF16, true));
  }

  @Test
  void autoPicksBf16OnlyOnACpuThatHasIt() {
    assertEquals(Precision.BF16, Precision.choose("auto", WITH_BF16, false).precision());
    Precision.Choice none = Precision.choose("auto", WITHOUT, false);
    assertEquals(Precision.FLOAT32, none.precision());
    assertTrue(none.reason().contains("no bf16"), none.reason());
    assertEquals(Precision.FLOAT32, Precision.choose("auto", WITH_BF16, true).precision());
    // a flag that merely contains the name does not count
    assertEquals(Precision.FLOAT32, Precision.choose("auto", "xavx512_bf16y", false).precision());
    assertEquals(Precision.FLOAT32, Precision.choose("float32", WITH_BF16, false).precision());
  }
}
