package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cxrlstm.model.Architecture;
import org.cxrlstm.model.Initializer;
import org.cxrlstm.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.OptimizerOptions;

class ComputeTest {
  @Test
  void theSessionConfigCarriesThreadsAndXla() {
    ConfigProto plain = new Compute(2, Precision.FLOAT32).config();
    assertEquals(2, plain.getIntraOpParallelismThreads());
    assertEquals(1, plain.getInterOpParallelismThreads());
    assertEquals(OptimizerOptions.GlobalJitLevel.OFF, plain.getGraphOptions().getOptimizerOptions().getGlobalJitLevel());
    ConfigProto xla = new Compute(2, Precision.FLOAT32).withXla(true).withInterThreads(2).config();
    assertEquals(2, xla.getInterOpParallelismThreads());
    assertEquals(OptimizerOptions.GlobalJitLevel.ON_1, xla.getGraphOptions().getOptimizerOptions().getGlobalJitLevel());
    assertThrows(IllegalArgumentException.class, () -> new Compute(2, Precision.FLOAT32, 0, false));
  }

  @Test
  void xlaIsRefusedWithoutTheCpuFlagInTheEnvironment() {
    org.cxrlstm.config.Settings on = org.cxrlstm.config.Settings.of(java.util.Map.of("xla", "true"));
    org.cxrlstm.config.SettingException e = assertThrows(org.cxrlstm.config.SettingException.class,
        () -> org.cxrlstm.config.ThreadSettings.requireXlaEnvironment(on, java.util.Map.of()));
    assertTrue(e.getMessage().contains("TF_XLA_FLAGS=--tf_xla_cpu_global_jit"), e.getMessage());
    org.cxrlstm.config.ThreadSettings.requireXlaEnvironment(on,
        java.util.Map.of("TF_XLA_FLAGS", "--tf_xla_auto_jit=2 --tf_xla_cpu_global_jit"));
  }

  /** With TF_XLA_FLAGS=--tf_xla_cpu_global_jit the log says "Compiled cluster using XLA!" (checked by hand). */
  @Test
  void aSessionWithXlaTrainsAndPredictsLikeOneWithout() {
    ModelSpec spec = ModelSpec.cpuBaseline().withInputSize(32).withWidth(0.125).withLstmUnits(8).withClasses(3)
        .withInit(Initializer.HE);
    TinyData data = TinyData.patterned(24, 32, 8, 5);
    double[] losses = new double[2];
    for (int run = 0; run < 2; run++) {
      Compute compute = new Compute(2, Precision.FLOAT32).withXla(run == 1);
      try (TrainingSession s = TrainingSession.forTraining(Architecture.CNN, spec, 1e-3, 7, compute)) {
        losses[run] = s.evaluate(data.trainingEpoch(0)).loss();
      }
    }
    // same seed, same initial weights: the loss before training agrees up to float reassociation
    assertTrue(Double.isFinite(losses[1]));
    assertEquals(losses[0], losses[1], 1e-4 * Math.abs(losses[0]), "XLA changes only how the graph runs");
  }
}
