package org.cxrlstm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cxrlstm.train.bench.OneDnnIsa;
import org.junit.jupiter.api.Test;

class OneDnnSettingsTest {
  @Test
  void aCapIsDemandedFromTheEnvironmentNotSilentlyIgnored() {
    Settings capped = Settings.of(Map.of("onednn.max.isa", "AVX2"));
    OneDnnSettings.require(capped, Map.of("ONEDNN_MAX_CPU_ISA", "avx2"));
    OneDnnSettings.require(Settings.of(Map.of("onednn.max.isa", "")), Map.of());
    SettingException e = assertThrows(SettingException.class, () -> OneDnnSettings.require(capped, Map.of()));
    assertEquals("onednn.max.isa", e.key());
    assertTrue(e.getMessage().contains("ONEDNN_MAX_CPU_ISA=(unset)"), e.getMessage());
    assertTrue(e.getMessage().contains("'ONEDNN_MAX_CPU_ISA=AVX2 mvn -q compile exec:java ...'"), e.getMessage());
  }

  @Test
  void theKeyAcceptsOnlyOneDnnNames() {
    Map<String, String> given = new java.util.HashMap<>(KeysTest.minimal());
    given.put("onednn.max.isa", "AVX3");
    SettingException e = assertThrows(SettingException.class, () -> Keys.resolve(Settings.of(given)));
    assertEquals("onednn.max.isa", e.key());
  }

  @Test
  void relevantFlagsAndTheIsaLineAreParsed() {
    assertEquals("sse4_2 avx avx2 avx512f avx512_bf16 amx_tile",
        OneDnnIsa.relevantFlags("fpu vme amx_tile sse4_2 avx2 avx avx512f avx512_bf16 ht avx512ifma"));
    assertEquals("Intel AVX2", OneDnnIsa.isaOf("noise\nonednn_verbose,info,cpu,isa:Intel AVX2\nmore"));
    assertTrue(OneDnnIsa.isaOf("no onednn here").startsWith("unknown"));
  }
}
