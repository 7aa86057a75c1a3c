package org.cxrlstm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cxrlstm.eval.ConfusionMatrix;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.Wilson;
import org.junit.jupiter.api.Test;

class ShortcutTextTest {
  /** {@code rows[t][p]} images of true class t predicted p. */
  private static ConfusionMatrix matrix(int[][] rows) {
    List<Integer> labels = new ArrayList<>();
    List<Integer> predicted = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      for (int p = 0; p < 3; p++) {
        for (int k = 0; k < rows[t][p]; k++) {
          labels.add(t);
          predicted.add(p);
        }
      }
    }
    return ConfusionMatrix.of(3, labels.stream().mapToInt(Integer::intValue).toArray(),
        predicted.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void pneumoniaVsNormalCountsOnlyThoseTwoClassesAndTheirOwnLabels() {
    // 21 pneumonia: 18 right, 2 called normal, 1 called COVID; 21 normal: 19 right, 2 called pneumonia
    ConfusionMatrix m = matrix(new int[][] {{20, 1, 0}, {1, 18, 2}, {0, 2, 19}});
    Estimate pn = ShortcutText.pneumoniaVsNormal(m);
    assertEquals(37 / 42.0, pn.value(), 1e-12);
    assertEquals(Wilson.interval(37, 42), pn);
    String text = ShortcutText.lungsOutMeaning(m, Wilson.interval(57, 63), 21 / 63.0);
    assertTrue(text.contains("on those 42 test images it is right on 88.1 ["), text);
    assertTrue(text.contains("50.0% for the larger class"), text);
    assertTrue(text.contains("which source or age alone does not explain"), text);
  }

  @Test
  void aMaskedModelAtChanceOnPneumoniaVsNormalIsNotSaidToSeparateThem() {
    // COVID found perfectly, pneumonia and normal a coin toss: the accuracy is above chance, the pair is not
    ConfusionMatrix m = matrix(new int[][] {{21, 0, 0}, {0, 11, 10}, {0, 10, 11}});
    String text = ShortcutText.lungsOutMeaning(m, Wilson.interval(43, 63), 21 / 63.0);
    assertTrue(text.contains("no clear evidence that it separates pneumonia from normal"), text);
    assertFalse(text.contains("does not explain"), text);
  }

  @Test
  void anArmAtChanceMakesNoClaim() {
    ConfusionMatrix m = matrix(new int[][] {{7, 7, 7}, {7, 7, 7}, {7, 7, 7}});
    String text = ShortcutText.lungsOutMeaning(m, Wilson.interval(21, 63), 21 / 63.0);
    assertTrue(text.startsWith(" This is not clearly above the majority-class rate of 33.3%"), text);
  }

  @Test
  void theMaskIsNamedAsARectangleNotASegmentation() {
    assertTrue(ShortcutText.masked("lungs-out").contains("a fixed rectangle, not a lung segmentation"));
  }
}
