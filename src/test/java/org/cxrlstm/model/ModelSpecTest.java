package org.cxrlstm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

  @Test
  void paperSpecHasTable2Filters() {
    ModelSpec paper = ModelSpec.paper();
    assertEquals(List.of(64, 128, 256, 512, 512),
        List.of(paper.filters(0), paper.filters(1), paper.filters(2), paper.filters(3), paper.filters(4)));
    assertEquals(7, paper.featureSize());
    assertEquals(49, paper.timeSteps());
    assertEquals(512, paper.featureChannels());
  }

  @Test
  void baselineSpecGivesSixteenSteps() {
    ModelSpec baseline = ModelSpec.paper().withInputSize(128).withWidth(0.25);
    assertEquals(4, baseline.featureSize());
    assertEquals(16, baseline.timeSteps());
    assertEquals(128, baseline.featureChannels());
  }

  @Test
  void invalidValuesAreNamed() {
    ModelSpec p = ModelSpec.paper();
    assertMessage(() -> p.withInputSize(100), "input size 100");
    assertMessage(() -> p.withInputSize(0), "input size 0");
    assertMessage(() -> p.withWidth(0), "width 0.0");
    assertMessage(() -> p.withWidth(-1), "width -1.0");
    assertMessage(() -> p.withWidth(Double.NaN), "width NaN");
    assertMessage(() -> p.withLstmUnits(0), "LSTM units 0");
    assertMessage(() -> p.withDropout(1.0), "dropout 1.0");
    assertMessage(() -> p.withClasses(1), "classes 1");
    assertMessage(() -> Architecture.parse("rnn"), "unknown architecture 'rnn' (allowed: cnn, cnn-lstm)");
    assertMessage(() -> Initializer.parse("xavier"), "'xavier'");
  }

  private static void assertMessage(Runnable r, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks " + fragment);
  }
}
