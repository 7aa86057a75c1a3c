package org.cxrlstm.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.data.image.BatchIterator;

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
    return fit(session, data, null);
  }

  /**
   * As {@link #fit(TrainingSession, TrainingData)}, resumable: continues from the latest checkpoint
   * of {@code checkpoint} when there is one, writes one every {@code checkpoint.every} epochs and
   * when a stop is requested (then throws {@link PreemptedException}). The resumed run's epochs
   * (restored ones replayed to the listeners first) and weights are those of an uninterrupted run.
   * {@code checkpoint} may be null: nothing is written outside a temporary folder.
   */
  public History fit(TrainingSession session, TrainingData data, TrainingCheckpoint checkpoint) {
    Path scratch = checkpoint == null && config.earlyStopping() ? temporaryDirectory() : null;
    try {
      return loop(session, data, new Run(config, checkpoint, scratch));
    } finally {
      if (scratch != null) {
        deleteQuietly(scratch);
      }
    }
  }

  private History loop(TrainingSession session, TrainingData data, Run run) {
    TrainingCheckpoint.Progress resumed = run.resume(session);
    if (resumed != null) {
      run.epochs.forEach(r -> listeners.forEach(l -> l.onEpochEnd(r)));
    }
    boolean stopped = false;
    for (int epoch = run.epochs.size() + 1; epoch <= config.epochs(); epoch++) {
      session.setLearningRate(run.decay.rate());
      EpochRecord record = epoch(session, data, epoch, run,
          resumed != null && resumed.epoch() == epoch && resumed.batchesDone() > 0 ? resumed : null);
      run.epochs.add(record);
      run.decay.afterEpoch(record.validationLoss());
      if (!config.earlyStopping() || Double.isNaN(record.validationLoss())) {
        run.bestEpoch = epoch;
      } else if (record.validationLoss() < run.bestLoss) {
        run.bestLoss = record.validationLoss();
        run.bestEpoch = epoch;
        run.saveBest(session, epoch);
      } else if (epoch - run.bestEpoch >= config.patience()) {
        stopped = true;
        break;
      }
      if (run.checkpoint != null && run.checkpoint.due(epoch) && epoch < config.epochs()) {
        run.checkpoint.write(session, run.progress(epoch + 1, 0, 0, 0, 0, 0));
      }
    }
    if (config.earlyStopping() && run.bestEpoch > 0 && run.bestEpoch != run.epochs.size()) {
      session.restore(run.best(run.bestEpoch));
    }
    return new History(run.epochs, Math.max(run.bestEpoch, 1), stopped);
  }

  /** One epoch; {@code from} (may be null) is a checkpoint inside it, whose batches are not trained again. */
  private EpochRecord epoch(TrainingSession session, TrainingData data, int epoch, Run run,
      TrainingCheckpoint.Progress from) {
    long start = System.nanoTime();
    double before = from == null ? 0 : from.seconds();
    double lossSum = from == null ? 0 : from.lossSum();
    int correct = from == null ? 0 : from.correct();
    int seen = from == null ? 0 : from.seen();
    int skip = from == null ? 0 : from.batchesDone();
    int batchNumber = 0;
    try (BatchIterator batches = data.trainingEpoch(epoch)) {
      while (batches.hasNext()) {
        Batch batch = batches.next();
        if (batchNumber < skip) {
          batchNumber++; // trained before the checkpoint; drawn anyway so the batches after it are the same
          continue;
        }
        if (run.checkpoint != null && run.checkpoint.stopRequested()) {
          double seconds = before + (System.nanoTime() - start) / 1e9;
          run.checkpoint.write(session, run.progress(epoch, batchNumber, lossSum, correct, seen, seconds));
          throw new PreemptedException("stopped on request in epoch " + epoch + " after " + batchNumber
              + " batch(es); a checkpoint to resume from was written");
        }
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
    double seconds = before + (System.nanoTime() - start) / 1e9;
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

  /** The state of one run that a checkpoint must carry over: epochs, best epoch, schedule. */
  private static final class Run {
    final TrainingCheckpoint checkpoint;
    final Path scratch;
    final PlateauDecay decay;
    final List<EpochRecord> epochs = new ArrayList<>();
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch;
    /** Best-weight folders that a committed checkpoint may still name, so not deleted yet. */
    int committedBest;

    Run(TrainConfig config, TrainingCheckpoint checkpoint, Path scratch) {
      this.checkpoint = checkpoint;
      this.scratch = scratch;
      this.decay = PlateauDecay.of(config);
    }

    /** Restores the latest checkpoint into this run and {@code session}; null when there is none. */
    TrainingCheckpoint.Progress resume(TrainingSession session) {
      if (checkpoint == null) {
        return null;
      }
      TrainingCheckpoint.Progress p = checkpoint.resume(session).orElse(null);
      if (p != null) {
        epochs.addAll(p.epochs());
        bestLoss = p.bestLoss();
        bestEpoch = p.bestEpoch();
        committedBest = p.bestEpoch();
        decay.restore(p.decay());
      }
      return p;
    }

    TrainingCheckpoint.Progress progress(int epoch, int batches, double lossSum, int correct, int seen,
        double seconds) {
      committedBest = bestEpoch;
      return new TrainingCheckpoint.Progress(epochs, bestEpoch, bestLoss, decay.snapshot(), epoch, batches, lossSum,
          correct, seen, seconds);
    }

    Path best(int epoch) {
      return checkpoint != null ? checkpoint.best(epoch) : scratch.resolve("best");
    }

    void saveBest(TrainingSession session, int epoch) {
      Path prefix = best(epoch);
      try {
        Files.createDirectories(prefix.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + prefix.getParent(), e);
      }
      session.checkpoint(prefix);
      if (checkpoint != null) {
        checkpoint.dropBestExcept(epoch, committedBest);
      }
    }
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
