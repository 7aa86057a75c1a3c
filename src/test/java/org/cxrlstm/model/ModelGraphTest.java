package org.cxrlstm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

@Tag("tensorflow")
class ModelGraphTest {

  @Test
  void paperSpecShapesFollowTable2() {
    for (Architecture arch : Architecture.values()) {
      try (Graph g = new Graph()) {
        ModelGraph m = arch.build(Ops.create(g), ModelSpec.paper(), 1);
        assertArrayEquals(new long[] {-1, 224, 224, 1}, m.images().shape().asArray());
        assertArrayEquals(new long[] {-1, 14, 14, 512}, m.lastConv().shape().asArray());
        assertArrayEquals(new long[] {-1, 7, 7, 512}, g.operation("block5_pool").output(0).shape().asArray());
        assertArrayEquals(new long[] {-1, 3}, m.probabilities().shape().asArray());
        assertEquals(0, m.loss().shape().numDimensions());
      }
    }
  }

  @Test
  void graphVariablesHoldExactlyTheSummaryParameters() {
    for (Architecture arch : Architecture.values()) {
      ModelSpec spec = ModelSpec.paper().withInputSize(64).withWidth(0.25);
      try (Graph g = new Graph()) {
        arch.build(Ops.create(g), spec, 1);
        long params = GraphVariables.all(g).values().stream().mapToLong(o -> o.shape().size()).sum();
        assertEquals(ModelSummary.of(arch, spec).totalParameters(), params, arch.id());
      }
    }
  }

  @Test
  void initialKernelsInTheGraphHaveTheDrawnStatistics() {
    ModelSpec spec = ModelSpec.paper().withInputSize(64).withWidth(0.5).withInit(Initializer.HE);
    try (Graph g = new Graph()) {
      arch().build(Ops.create(g), spec, 11);
      Map<String, Output<TFloat32>> vars = GraphVariables.all(g);
      try (Session s = new Session(g)) {
        // block4_conv2: 3x3x256x256 at width 0.5; He std = sqrt(2 / (9*256))
        float[] k = GraphVariables.value(s, vars.get("block4_conv2_kernel"));
        assertEquals(3 * 3 * 256 * 256, k.length);
        double expected = Math.sqrt(2.0 / (9 * 256));
        assertEquals(expected, InitialWeightsTest.std(k), 0.02 * expected);
        assertEquals(0, InitialWeightsTest.mean(k), 0.02 * expected);
        float[] bias = GraphVariables.value(s, vars.get("block4_conv2_bias"));
        for (float b : bias) {
          assertEquals(0f, b);
        }
      }
    }
  }

  private static Architecture arch() {
    return Architecture.CNN_LSTM;
  }
}
