package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.model.Architecture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** A tiny CNN-LSTM trains under the oneDNN bfloat16 rewrite; skipped on CPUs without bf16. */
@Tag("tensorflow")
@Tag("bf16")
class Bf16SmokeTest {

  @Test
  void tinyModelTrainsInBf16WithFiniteFloat32Loss() {
    assumeTrue(Precision.hasBf16(Precision.cpuFlags()), "this CPU reports neither avx512_bf16 nor amx_bf16");
    TinyData data = TinyData.patterned(12, 32, 6, 3);
    Compute bf16 = TrainerTest.COMPUTE.withPrecision(Precision.BF16);
    List<Float> losses = new ArrayList<>();
    try (TrainingSession s = TrainingSession.forTraining(Architecture.CNN_LSTM, TrainerTest.TINY, 3e-3, 3, bf16)) {
      for (int step = 0; step < 30; step++) {
        losses.add(s.step(data.all(), 0.0).loss());
      }
      double evalLoss = s.evaluate(data.iterate(TrainerTest.range(12))).loss();
      assertTrue(Double.isFinite(evalLoss), "evaluation loss " + evalLoss);
    }
    assertTrue(losses.stream().allMatch(Float::isFinite), "losses " + losses);
    float first = losses.get(0);
    float last = losses.get(losses.size() - 1);
    assertTrue(last < 0.8 * first, "bf16 training did not lower the loss: " + losses);
  }

  /**
   * The rewrite would run the head's MatMul in bfloat16 and hand the loss logits
   * whose low 16 bits are all zero. The float64 head keeps them float32-exact.
   */
  @Test
  void logitsAreNotRoundedToBf16() {
    assumeTrue(Precision.hasBf16(Precision.cpuFlags()), "this CPU reports neither avx512_bf16 nor amx_bf16");
    TinyData data = TinyData.patterned(12, 32, 12, 4);
    Batch batch = data.all();
    Compute bf16 = TrainerTest.COMPUTE.withPrecision(Precision.BF16);
    try (TrainingSession s = TrainingSession.forTraining(Architecture.CNN_LSTM, TrainerTest.TINY, 1e-3, 4, bf16);
        TFloat32 images = TFloat32.tensorOf(Shape.of(12, 32, 32, 1), DataBuffers.of(batch.images(), true, false));
        Result r = s.session().runner().feed(s.model().images(), images).fetch(s.model().logits()).run()) {
      float[] logits = new float[12 * 3];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(logits, false, false));
      long finer = 0;
      for (float v : logits) {
        if ((Float.floatToRawIntBits(v) & 0xFFFF) != 0) {
          finer++;
        }
      }
      assertTrue(finer > logits.length / 2, finer + " of " + logits.length + " logits carry more than bf16's bits");
    }
  }
}
