package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cxrlstm.config.ExperimentFile;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.Trial;
import org.cxrlstm.protocol.Plan;
import org.cxrlstm.train.Precision;
import org.junit.jupiter.api.Test;

/** precision-check must be the baseline protocol with only the precision swept. */
class PrecisionCheckFileTest {
  /** Keys allowed to differ: what the experiment is, and outputs the comparison does not need. */
  private static final Set<String> OWN = Set.of("description", "precision", "save.models", "gradcam.samples");

  @Test
  void isTheBaselineProtocolInBothPrecisions() throws Exception {
    // the settings check refuses bf16 where the CPU lacks it, so the file resolves only on such CPUs
    assumeTrue(Precision.hasBf16(Precision.cpuFlags()), "this CPU reports neither avx512_bf16 nor amx_bf16");
    Map<String, String> check = Keys.resolve(Settings.of(
        ExperimentFile.read(Path.of("experiments/precision-check.properties")))).asMap();
    Map<String, String> baseline = Keys.resolve(Settings.of(
        ExperimentFile.read(Path.of("experiments/baseline.properties")))).asMap();
    assertEquals(List.of("float32", "bf16"), Settings.of(check).list("precision"));
    Map<String, String> differing = new HashMap<>();
    for (String key : check.keySet()) {
      if (!OWN.contains(key) && !check.get(key).equals(baseline.get(key))) {
        differing.put(key, check.get(key) + " vs baseline " + baseline.get(key));
      }
    }
    assertEquals(Map.of(), differing, "precision-check drifted from baseline.properties");
    Plan plan = Plan.of(Keys.resolve(Settings.of(check)));
    assertEquals(Set.of("float32", "bf16"), plan.trials().stream().map(Trial::precision).collect(Collectors.toSet()));
  }
}
