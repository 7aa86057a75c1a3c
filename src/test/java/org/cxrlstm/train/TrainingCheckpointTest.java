package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.cxrlstm.model.Architecture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run interrupted and resumed from its checkpoint equals the uninterrupted run: the same epoch
 * records (but wall time), best epoch and, bit for bit, the final weights' predictions.
 */
@Tag("tensorflow")
class TrainingCheckpointTest {
  @TempDir
  Path dir;

  // random labels: the validation loss wanders, so early stopping, the best-weight restore and the
  // learning-rate decay all act within 10 epochs; 3 batches per epoch
  private final TinyData data = TinyData.randomLabels(12, 32, 4, 5).withValidation(TinyData.randomLabels(9, 32, 9, 99));
  private final TrainConfig config = new TrainConfig(3e-3, 4, 10, 5, 5).withLrDecay(0.5, 1);

  private record Outcome(History history, List<EpochRecord> seen, float[][] probabilities) {}

  private Outcome train(Architecture arch, TrainingCheckpoint checkpoint, TrainingListener extra) {
    List<EpochRecord> seen = new ArrayList<>();
    TrainingListener record = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochRecord r) {
        seen.add(r);
      }
    };
    try (TrainingSession s = TrainingSession.forTraining(arch, TrainerTest.TINY, 1.0, 5, TrainerTest.COMPUTE)) {
      History h = new Trainer(config, 0.0, List.of(record, extra)).fit(s, data, checkpoint);
      return new Outcome(h, seen, s.evaluate(data.validation()).probabilities());
    }
  }

  private static List<List<Double>> withoutSeconds(List<EpochRecord> epochs) {
    return epochs.stream().map(r -> List.of((double) r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
        r.validationAccuracy(), r.learningRateNow())).toList();
  }

  private static void assertSameRun(Outcome expected, Outcome actual) {
    assertEquals(withoutSeconds(expected.history().epochs()), withoutSeconds(actual.history().epochs()));
    assertEquals(expected.history().bestEpoch(), actual.history().bestEpoch());
    assertEquals(expected.history().stoppedEarly(), actual.history().stoppedEarly());
    // the listeners of the resumed process saw every epoch, the restored ones replayed first
    assertEquals(withoutSeconds(expected.seen()), withoutSeconds(actual.seen()));
    for (int i = 0; i < expected.probabilities().length; i++) {
      assertArrayEquals(expected.probabilities()[i], actual.probabilities()[i], 0f, "image " + i);
    }
  }

  private static final TrainingListener NONE = new TrainingListener() {};

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void stopInsideAnEpochThenResumeEqualsTheUninterruptedRun(Architecture arch) {
    Outcome uninterrupted = train(arch, null, NONE);
    assertTrue(uninterrupted.history().epochs().size() >= 5, "the run should last past the stop: " + uninterrupted);
    Path folder = dir.resolve(arch.id());
    // asked to stop before the 2nd step of epoch 4: the 10th poll (3 batches per epoch)
    AtomicInteger polls = new AtomicInteger();
    TrainingCheckpoint stopping = new TrainingCheckpoint(folder, "trial-a", 1, () -> polls.incrementAndGet() == 11);
    PreemptedException e = assertThrows(PreemptedException.class, () -> train(arch, stopping, NONE));
    assertTrue(e.getMessage().startsWith("stopped on request in epoch 4 after 1 batch(es)"), e.getMessage());
    assertEquals(List.of("epoch-00004-batch-000001"), names(folder, "epoch-"));
    assertEquals("3 epoch(s) done and 1 batch(es) of epoch 4", TrainingCheckpoint.describe(folder, "trial-a").orElseThrow());
    assertTrue(TrainingCheckpoint.describe(folder, "trial-b").isEmpty(), "another trial's checkpoint is not offered");

    Outcome resumed = train(arch, new TrainingCheckpoint(folder, "trial-a", 1, () -> false), NONE);
    assertSameRun(uninterrupted, resumed);
  }

  @Test
  void deathAfterAnEpochBeforeItsCheckpointResumesFromTheOneBefore() {
    Outcome uninterrupted = train(Architecture.CNN, null, NONE);
    Path folder = dir.resolve("killed");
    TrainingListener dies = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochRecord r) {
        if (r.epoch() == 3) {
          throw new IllegalStateException("killed");
        }
      }
    };
    // every 2 epochs: the checkpoint of epoch 2 (taken before epoch 3) is the one left
    assertThrows(IllegalStateException.class,
        () -> train(Architecture.CNN, new TrainingCheckpoint(folder, "t", 2, () -> false), dies));
    assertEquals(List.of("epoch-00003-batch-000000"), names(folder, "epoch-"));
    Outcome resumed = train(Architecture.CNN, new TrainingCheckpoint(folder, "t", 2, () -> false), NONE);
    assertSameRun(uninterrupted, resumed);
    // best weights of one epoch at most, besides the latest checkpoint's
    assertTrue(names(folder, "best-").size() <= 2, names(folder, "best-").toString());
  }

  @Test
  void aTemporaryFolderIsNotACheckpoint() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("tmp-only/epoch-00002-batch-000000.tmp"));
    Files.writeString(folder.resolve("state.properties"), "owner=t\n");
    assertFalse(TrainingCheckpoint.describe(folder.getParent(), "t").isPresent());
  }

  @Test
  void secondsSpentAddsTheFinishedEpochsAndThePartOfTheEpochInProgress() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("spent/epoch-00003-batch-000002"));
    // two finished epochs of 1.5 s and 2.25 s, then 0.5 s into epoch 3; an older checkpoint is ignored
    Files.writeString(folder.resolve("state.properties"), String.join("\n", "owner=t", "epoch=3", "batches_done=2",
        "seconds=0.5", "epochs=2", "epoch.1=1,0.9,0.5,0.8,0.5,0.001,1.5", "epoch.2=2,0.7,0.6,0.8,0.5,0.001,2.25", ""));
    Path older = Files.createDirectories(dir.resolve("spent/epoch-00002-batch-000000"));
    Files.writeString(older.resolve("state.properties"), "owner=t\nepoch=2\nbatches_done=0\nseconds=0\nepochs=1\n"
        + "epoch.1=1,0.9,0.5,0.8,0.5,0.001,99\n");
    assertEquals(1.5 + 2.25 + 0.5, TrainingCheckpoint.secondsSpent(folder.getParent(), "t"), 1e-12);
    assertEquals(0, TrainingCheckpoint.secondsSpent(folder.getParent(), "another trial"));
    assertEquals(0, TrainingCheckpoint.secondsSpent(dir.resolve("no checkpoint"), "t"));
  }

  private static List<String> names(Path folder, String prefix) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
