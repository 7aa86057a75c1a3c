package org.cxrlstm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {
  /** Keras's VGG16(include_top=False).count_params(): the trunk of Table 2. */
  private static final long VGG16_TRUNK_PARAMS = 14_714_688L;
  /** Multiply-adds of the 13 VGG16 convolutions at 224 px, as published (15.35 GMACs). */
  private static final long VGG16_TRUNK_MACS = 15_346_630_656L;

  @Test
  void paperCnnLstmMatchesVgg16PlusHead() {
    ModelSummary s = ModelSummary.of(Architecture.CNN_LSTM, ModelSpec.paper());
    // LSTM(64) on 512 inputs: 4*64*(512+64) weights + 4*64 biases; dense 64*3 + 3
    long head = 4L * 64 * (512 + 64) + 4 * 64 + 64 * 3 + 3;
    assertEquals(VGG16_TRUNK_PARAMS + head, s.totalParameters());
    // 49 steps of (2*512*256 + 2*64*256) flops, then 2*64*3
    long headFlops = 49L * (2 * 512 * 256 + 2 * 64 * 256) + 2 * 64 * 3;
    assertEquals(2 * VGG16_TRUNK_MACS + headFlops, s.forwardFlops());
  }

  @Test
  void paperCnnFlattensTheLastPool() {
    ModelSummary s = ModelSummary.of(Architecture.CNN, ModelSpec.paper());
    assertEquals(VGG16_TRUNK_PARAMS + 7 * 7 * 512 * 3 + 3, s.totalParameters());
    assertEquals(List.of(25088), s.layers().get(s.layers().size() - 2).outputShape());
  }

  @Test
  void printedTableShowsTheShapesTheIssueNames() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSummary.of(Architecture.CNN_LSTM, ModelSpec.paper()).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("block5_pool                  (7, 7, 512)"), text);
    assertTrue(text.contains("(49, 512)"), text);
    assertTrue(text.contains("14,862,595"), text);
  }
}
