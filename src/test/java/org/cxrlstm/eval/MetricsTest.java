package org.cxrlstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
  /** 64 test images as in the paper; rows true covid/pneumonia/normal, columns predicted. */
  private static final long[][] COUNTS = {{20, 1, 1}, {0, 18, 3}, {2, 0, 19}};

  @Test
  void oneVsRestCountsByHand() {
    ConfusionMatrix m = ConfusionMatrix.ofCounts(COUNTS);
    assertEquals(64, m.total());
    assertEquals(57, m.correct());
    assertEquals(20, m.truePositives(0));
    assertEquals(2, m.falsePositives(0));
    assertEquals(2, m.falseNegatives(0));
    assertEquals(40, m.trueNegatives(0));
    assertEquals(4, m.falsePositives(2));
    assertEquals(39, m.trueNegatives(2));
    assertEquals(57 / 64.0, m.accuracy(), 1e-12);
  }

  @Test
  void paperFormulasByHand() {
    ConfusionMatrix m = ConfusionMatrix.ofCounts(COUNTS);
    Metrics covid = Metrics.of(m, 0);
    assertEquals(60 / 64.0, covid.accuracy(), 1e-12);
    assertEquals(20 / 22.0, covid.sensitivity(), 1e-12);
    assertEquals(40 / 42.0, covid.specificity(), 1e-12);
    assertEquals(40 / 44.0, covid.f1(), 1e-12);
    Metrics pneumonia = Metrics.of(m, 1);
    assertEquals(60 / 64.0, pneumonia.accuracy(), 1e-12);
    assertEquals(18 / 21.0, pneumonia.sensitivity(), 1e-12);
    assertEquals(42 / 43.0, pneumonia.specificity(), 1e-12);
    assertEquals(36 / 40.0, pneumonia.f1(), 1e-12);
    Metrics normal = Metrics.of(m, 2);
    assertEquals(58 / 64.0, normal.accuracy(), 1e-12);
    assertEquals(19 / 21.0, normal.sensitivity(), 1e-12);
    assertEquals(39 / 43.0, normal.specificity(), 1e-12);
    assertEquals(38 / 44.0, normal.f1(), 1e-12);
    Metrics macro = Metrics.macro(m);
    assertEquals((20 / 22.0 + 18 / 21.0 + 19 / 21.0) / 3, macro.sensitivity(), 1e-12);
  }

  @Test
  void fromLabelsMatchesCounts() {
    ConfusionMatrix m = ConfusionMatrix.of(3, new int[] {0, 0, 1, 2, 2}, new int[] {0, 1, 1, 2, 0});
    assertEquals(1, m.count(0, 1));
    assertEquals(1, m.count(2, 0));
    assertEquals(3, m.correct());
    assertEquals(2, m.support(2));
  }

  @Test
  void emptyClassIsUndefinedNotZero() {
    ConfusionMatrix m = ConfusionMatrix.ofCounts(new long[][] {{5, 0, 0}, {0, 5, 1}, {0, 0, 0}});
    Metrics normal = Metrics.of(m, 2);
    assertTrue(Double.isNaN(normal.sensitivity()), "no normal images: sensitivity undefined");
    assertEquals(10 / 11.0, normal.specificity(), 1e-12);
    assertEquals(0.0, normal.f1(), 1e-12, "one false positive, no true positive: F1 = 0/(0+1+0)");
    assertEquals(10 / 11.0, normal.accuracy(), 1e-12);
    assertEquals((1.0 + 5 / 6.0) / 2, Metrics.macro(m).sensitivity(), 1e-12, "macro skips the undefined class");
  }

  @Test
  void zeroDivisionEverywhereOnEmptyMatrix() {
    ConfusionMatrix m = ConfusionMatrix.empty(3);
    Metrics x = Metrics.of(m, 1);
    assertTrue(Double.isNaN(x.accuracy()));
    assertTrue(Double.isNaN(x.sensitivity()));
    assertTrue(Double.isNaN(x.specificity()));
    assertTrue(Double.isNaN(x.f1()));
    assertTrue(Double.isNaN(m.accuracy()));
    assertTrue(Double.isNaN(Metrics.macro(m).f1()));
    assertEquals("n/a", Estimate.UNDEFINED.percent());
  }

  @Test
  void badInputNamesTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(3, new int[] {3}, new int[] {0}));
    assertTrue(e.getMessage().contains("label 3"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.ofCounts(new long[][] {{1, 2}, {3}}));
  }
}
