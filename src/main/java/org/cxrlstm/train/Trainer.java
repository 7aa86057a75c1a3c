package org.cxrlstm.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cxrlstm.data.Batch;
import org.cxrlstm.data.BatchIterator;

/**
 * The epoch loop: train on every batch, validate, tell the listeners, lower the learning rate on
 * validation-loss plateaus when asked ({@link PlateauDecay}), stop early when the validation loss
 * has not improved for {@code patience} epochs and restore the best weights. The run starts at the
 * config's learning rate, whatever rate the session was opened with. A NaN or infinite training or
 * validation loss stops the run with a {@link DivergenceException}.
 */
public final class Trainer {
  private final TrainConfig config;
  private final double dropout;
  private final List<TrainingListener> listeners;

  public Trainer(TrainConfig config, double dropout, List<TrainingListener> listeners) {
    this.config = config;
    this.dropout = dropout;
    this.listeners = List.copyOf(listeners);
  }

  public History fit(TrainingSession session, TrainingData data) {
    Path checkpoints = config.earlyStopping() ? temporaryDirectory() : null;
    try {
      return loop(session, data, checkpoints);
    } finally {
      if (checkpoints != null) {
        deleteQuietly(checkpoints);
      }
    }
  }

  private History loop(TrainingSession session, TrainingData data, Path checkpoints) {
    PlateauDecay decay = PlateauDecay.of(config);
    List<EpochRecord> epochs = new ArrayList<>();
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    boolean stopped = false;
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      session.setLearningRate(decay.rate());
      EpochRecord record = epoch(session, data, epoch);
      epochs.add(record);
      decay.afterEpoch(record.validationLoss());
      if (checkpoints == null || Double.isNaN(record.validationLoss())) {
        bestEpoch = epoch;
        continue;
      }
      if (record.validationLoss() < bestLoss) {
        bestLoss = record.validationLoss();
        bestEpoch = epoch;
        session.checkpoint(checkpoints.resolve("best"));
      } else if (epoch - bestEpoch >= config.patience()) {
        stopped = true;
        break;
      }
    }
    if (checkpoints != null && bestEpoch > 0 && bestEpoch != epochs.size()) {
      session.restore(checkpoints.resolve("best"));
    }
    return new History(epochs, Math.max(bestEpoch, 1), stopped);
  }

  private EpochRecord epoch(TrainingSession session, TrainingData data, int epoch) {
    long start = System.nanoTime();
    double lossSum = 0;
    int correct = 0;
    int seen = 0;
    int batchNumber = 0;
    try (BatchIterator batches = data.trainingEpoch(epoch)) {
      while (batches.hasNext()) {
        Batch batch = batches.next();
        StepResult step = session.step(batch, dropout);
        batchNumber++;
        if (!Float.isFinite(step.loss())) {
          throw new DivergenceException(epoch, batchNumber, step.loss(), session.learningRate());
        }
        lossSum += step.loss() * (double) step.count();
        correct += step.correct();
        seen += step.count();
        int b = batchNumber;
        listeners.forEach(l -> l.onBatchEnd(epoch, b, step));
      }
    }
    double valLoss = Double.NaN;
    double valAccuracy = Double.NaN;
    BatchIterator validation = data.validation();
    if (validation != null) {
      try (validation) {
        Predictions p = session.evaluate(validation);
        valLoss = p.loss();
        valAccuracy = p.accuracy();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    EpochRecord record = new EpochRecord(epoch, lossSum / seen, (double) correct / seen, valLoss, valAccuracy,
        session.learningRate(), seconds);
    listeners.forEach(l -> l.onEpochEnd(record));
    // A NaN or infinite validation loss compares as neither better nor worse than the best one, so
    // it would silently reset or run out patience; the weights behind it are unusable either way.
    // The listeners see the epoch first, so its row is on record beside the reason the run stopped.
    if (validation != null && !Double.isFinite(valLoss)) {
      throw DivergenceException.onValidation(epoch, valLoss, session.learningRate());
    }
    return record;
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("cxr-lstm-best-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the best-epoch checkpoint", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary checkpoint is harmless; the run's results are already in memory
    }
  }
}
