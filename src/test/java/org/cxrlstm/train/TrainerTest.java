package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.model.Architecture;
import org.cxrlstm.model.Initializer;
import org.cxrlstm.model.ModelSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("tensorflow")
class TrainerTest {
  static final ModelSpec TINY = new ModelSpec(32, 0.125, ModelSpec.PAPER_BLOCKS, 16, 0.0, 3, Initializer.HE);
  static final Compute COMPUTE = Compute.defaults();

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void overfitsASmallFixedBatchToFullAccuracy(Architecture arch) {
    TinyData data = TinyData.randomLabels(12, 32, 12, 4);
    Batch batch = data.all();
    try (TrainingSession s = TrainingSession.forTraining(arch, TINY, 3e-3, 1, COMPUTE)) {
      int correct = 0;
      for (int step = 0; step < 400 && correct < batch.count(); step++) {
        s.step(batch, 0.0);
        correct = (int) Math.round(s.evaluate(data.iterate(range(12))).accuracy() * 12);
      }
      assertEquals(batch.count(), correct, arch + " did not memorise 12 images in 400 steps");
    }
  }

  @Test
  void stepsAndEvaluationAddNothingToTheGraph() {
    TinyData data = TinyData.patterned(8, 32, 4, 1);
    try (TrainingSession s = TrainingSession.forTraining(Architecture.CNN_LSTM, TINY, 1e-3, 1, COMPUTE)) {
      s.step(data.all(), 0.2);
      long before = operations(s);
      for (int i = 0; i < 5; i++) {
        s.step(data.all(), 0.2);
        s.evaluate(data.iterate(range(8)));
      }
      assertEquals(before, operations(s));
    }
  }

  private static long operations(TrainingSession s) {
    long n = 0;
    for (var it = s.graph().operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  @Test
  void sameSeedGivesIdenticalLossesAndAnotherSeedDoesNot() {
    List<Double> a = losses(7);
    List<Double> b = losses(7);
    List<Double> c = losses(8);
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  private static List<Double> losses(long seed) {
    TinyData data = TinyData.patterned(24, 32, 8, seed);
    List<Double> out = new ArrayList<>();
    TrainingListener record = new TrainingListener() {
      @Override
      public void onBatchEnd(int epoch, int batch, StepResult result) {
        out.add((double) result.loss());
      }
    };
    ModelSpec spec = TINY.withDropout(0.3);
    try (TrainingSession s = TrainingSession.forTraining(Architecture.CNN_LSTM, spec, 1e-3, seed, COMPUTE)) {
      new Trainer(new TrainConfig(1e-3, 8, 3, 0, seed), spec.dropout(), List.of(record)).fit(s, data);
    }
    return out;
  }

  @Test
  void earlyStoppingKeepsTheBestEpochsWeights() {
    TinyData validation = TinyData.randomLabels(9, 32, 9, 99);
    TinyData data = TinyData.randomLabels(12, 32, 4, 5).withValidation(validation);
    TrainConfig config = new TrainConfig(3e-3, 4, 40, 3, 5);
    try (TrainingSession s = TrainingSession.forTraining(Architecture.CNN, TINY, 3e-3, 5, COMPUTE)) {
      History h = new Trainer(config, 0.0, List.of()).fit(s, data);
      double best = h.epochs().stream().mapToDouble(EpochRecord::validationLoss).min().orElseThrow();
      assertEquals(best, h.best().validationLoss());
      assertTrue(h.stoppedEarly(), "random labels should stop improving the validation loss");
      assertEquals(h.bestEpoch() + 3, h.epochs().size());
      // the session now holds the best epoch's weights, not the last epoch's
      assertEquals(best, s.evaluate(data.validation()).loss(), 1e-6);
    }
  }

  @Test
  void learningRateDecaysOnValidationPlateausAndIsRecordedPerEpoch() {
    TinyData validation = TinyData.randomLabels(9, 32, 9, 98);
    TinyData data = TinyData.randomLabels(12, 32, 4, 6).withValidation(validation);
    TrainConfig config = new TrainConfig(3e-3, 4, 8, 0, 6).withLrDecay(0.5, 1);
    try (TrainingSession s = TrainingSession.forTraining(Architecture.CNN, TINY, 1.0, 6, COMPUTE)) {
      History h = new Trainer(config, 0.0, List.of()).fit(s, data);
      PlateauDecay replay = PlateauDecay.of(config);
      int decays = 0;
      for (EpochRecord r : h.epochs()) {
        // the run starts at the config's rate, not the rate the session was opened with
        assertEquals(replay.rate(), r.learningRateNow(), 1e-12, "epoch " + r.epoch());
        double before = replay.rate();
        if (replay.afterEpoch(r.validationLoss()) < before) {
          decays++;
        }
      }
      assertTrue(decays > 0, "random labels should plateau at least once in 8 epochs: " + h.epochs());
      assertEquals(h.epochs().get(h.epochs().size() - 1).learningRateNow(), s.learningRate(), 1e-12);
    }
  }

  @Test
  void nanLossStopsTheRunNamingTheLearningRate() {
    TinyData data = TinyData.patterned(6, 32, 6, 1);
    Batch clean = data.all();
    // one NaN pixel is not enough: oneDNN's ReLU and max-pool drop it. Overflowing activations
    // (inf - inf in the next layer) are how a real divergence shows up.
    float[] poisoned = new float[clean.images().length];
    java.util.Arrays.fill(poisoned, 3e38f);
    Batch bad = new Batch(poisoned, clean.labels(), clean.indices(), clean.count());
    TrainingData nan = new TrainingData() {
      @Override
      public org.cxrlstm.data.image.BatchIterator trainingEpoch(int epoch) {
        return TinyData.iteratorOf(List.of(bad));
      }

      @Override
      public org.cxrlstm.data.image.BatchIterator validation() {
        return null;
      }

      @Override
      public int trainingImages() {
        return 6;
      }
    };
    // the CNN arm: the LSTM's sigmoid and tanh would saturate and keep the loss finite
    try (TrainingSession s = TrainingSession.forTraining(Architecture.CNN, TINY, 0.25, 1, COMPUTE)) {
      DivergenceException e = assertThrows(DivergenceException.class,
          () -> new Trainer(new TrainConfig(0.25, 6, 5, 0, 1), 0, List.of()).fit(s, nan));
      assertTrue(e.getMessage().contains("learning rate 0.25"), e.getMessage());
      assertEquals(1, e.epoch());
    }
  }

  /**
   * A real blow-up that the training loss does not show: in epoch 3 the learning rate jumps to 1e30
   * after the first batch, so the second (last) step reports the finite loss it computed before its
   * update, and the update leaves weights that give a NaN validation loss (measured: both
   * architectures). Before, a NaN counted as a new best epoch, resetting patience.
   */
  @ParameterizedTest
  @EnumSource(Architecture.class)
  void nonFiniteValidationLossStopsTheRunAsDiverged(Architecture arch) {
    TinyData validation = TinyData.patterned(3, 32, 3, 4);
    TinyData data = TinyData.patterned(6, 32, 3, 3).withValidation(validation);
    List<EpochRecord> seen = new ArrayList<>();
    try (TrainingSession s = TrainingSession.forTraining(arch, TINY, 1e-3, 3, COMPUTE)) {
      TrainingListener blowUp = new TrainingListener() {
        @Override
        public void onBatchEnd(int epoch, int batch, StepResult result) {
          if (epoch == 3 && batch == 1) {
            s.setLearningRate(1e30);
          }
        }

        @Override
        public void onEpochEnd(EpochRecord r) {
          seen.add(r);
        }
      };
      // patience 5 of 10 epochs: without the check the run would go on past epoch 3
      DivergenceException e = assertThrows(DivergenceException.class,
          () -> new Trainer(new TrainConfig(1e-3, 3, 10, 5, 3), 0, List.of(blowUp)).fit(s, data));
      assertEquals(3, e.epoch(), e.getMessage());
      assertTrue(e.getMessage().startsWith("validation loss became NaN after epoch 3"), e.getMessage());
      assertEquals(List.of(1, 2, 3), seen.stream().map(EpochRecord::epoch).toList());
      assertTrue(Double.isFinite(seen.get(1).validationLoss()), seen.toString());
      assertTrue(Double.isFinite(seen.get(2).trainLoss()), seen.toString());
      assertTrue(Double.isNaN(seen.get(2).validationLoss()), seen.toString());
    }
  }

  static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }
}
