package org.cxrlstm.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.cxrlstm.report.input.Arm;
import org.junit.jupiter.api.Test;

class GradCamTableTest {
  @Test
  void theUniformShareIsTheLungBoxsPixelShareAtTheArmsInputSize() {
    // 128 px: pixel centres (r + 0.5) / 128 in [0.15, 0.85) are rows and columns 19..108, 90 of them
    assertEquals(90 * 90 / (128.0 * 128), GradCamTable.uniformInnerShare(new Arm(Map.of("input_size", "128"))), 1e-12);
    // 224 px: rows 34..189, 156 of them
    assertEquals(156 * 156 / (224.0 * 224), GradCamTable.uniformInnerShare(new Arm(Map.of("input_size", "224"))), 1e-12);
    assertEquals(0.49, GradCamTable.uniformInnerShare(new Arm(Map.of("input_size", ""))), 1e-12);
  }

  @Test
  void theLabelComparesWithTheUniformShareNotWithOneHalf() {
    double at128 = GradCamTable.uniformInnerShare(new Arm(Map.of("input_size", "128")));
    double at224 = GradCamTable.uniformInnerShare(new Arm(Map.of("input_size", "224")));
    // 0.497 inside is under one half yet above the 0.494 a uniform map puts there
    assertEquals("more in the lungs than uniform", GradCamTable.where(0.497, at128));
    assertEquals("less in the lungs than uniform", GradCamTable.where(0.49, at128));
    assertEquals("more in the lungs than uniform", GradCamTable.where(0.49, at224));
    assertEquals("n/a", GradCamTable.where(Double.NaN, at128));
  }
}
