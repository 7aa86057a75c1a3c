package org.cxrlstm.train;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cxrlstm.results.io.AtomicFiles;

/**
 * A training run that outlives its process. A checkpoint folder {@code epoch-EEEEE-batch-BBBBBB}
 * holds every variable of the session (weights, Adam's moments and beta powers) and
 * {@code state.properties}: the epochs so far, the best epoch and its loss, the learning-rate
 * schedule and, for a checkpoint inside an epoch, how many batches it has done and their sums. The
 * best epoch's weights live beside it in {@code best-EEEEE}. Each checkpoint is written under a
 * temporary name and renamed when complete, so a process killed at any moment leaves the previous
 * one usable.
 *
 * <p>Nothing random needs saving: initial weights are drawn once, shuffling and augmentation are
 * derived from (seed, epoch, image) ({@code data.ImageBatches}). TensorFlow's dropout generator
 * keeps a state that cannot be saved, so a run with dropout above 0 is not resumed exactly; callers
 * do not resume those ({@code protocol.CrossValidation}).
 */
public final class TrainingCheckpoint {
  static final String STATE = "state.properties";
  private static final String WEIGHTS = "weights";
  private static final Pattern COMPLETE = Pattern.compile("epoch-\\d{5}-batch-\\d{6}");

  private final Path dir;
  private final String owner;
  private final int every;
  private final BooleanSupplier stopRequested;

  /**
   * @param dir           folder of the checkpoints (created when the first is written)
   * @param owner         whose run it is (a trial id): a checkpoint of another owner is not resumed
   * @param every         epochs between checkpoints; 0 writes one only when a stop is requested
   * @param stopRequested polled before each training step; when true the run writes a checkpoint
   *                      and stops with a {@link PreemptedException}
   */
  public TrainingCheckpoint(Path dir, String owner, int every, BooleanSupplier stopRequested) {
    if (every < 0) {
      throw new IllegalArgumentException("checkpoint interval " + every + " must be >= 0");
    }
    this.dir = dir;
    this.owner = owner;
    this.every = every;
    this.stopRequested = stopRequested;
  }

  /**
   * Where a run stands. {@code epoch} is the epoch in progress; {@code batchesDone} of its batches
   * are trained, with {@code lossSum}, {@code correct}, {@code seen} and {@code seconds} so far (all
   * 0 at an epoch boundary, then {@code epoch} = epochs.size() + 1).
   */
  record Progress(List<EpochRecord> epochs, int bestEpoch, double bestLoss, PlateauDecay.Snapshot decay,
      int epoch, int batchesDone, double lossSum, int correct, int seen, double seconds) {
    Progress {
      epochs = List.copyOf(epochs);
    }
  }

  boolean due(int epoch) {
    return every > 0 && epoch % every == 0;
  }

  boolean stopRequested() {
    return stopRequested.getAsBoolean();
  }

  /** The prefix the best epoch's weights are saved under. */
  Path best(int epoch) {
    return dir.resolve(String.format(Locale.ROOT, "best-%05d", epoch)).resolve(WEIGHTS);
  }

  /** Deletes the best weights of every epoch but {@code keep} and {@code committed}. */
  void dropBestExcept(int keep, int committed) {
    try (Stream<Path> all = Files.list(dir)) {
      for (Path old : all.toList()) {
        String n = old.getFileName().toString();
        if (n.startsWith("best-") && !old.equals(best(keep).getParent()) && !old.equals(best(committed).getParent())) {
          delete(old);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tidy the best-epoch weights in " + dir, e);
    }
  }

  /** Writes the session's variables and {@code p}; then drops older checkpoints and best weights. */
  void write(TrainingSession session, Progress p) {
    String name = String.format(Locale.ROOT, "epoch-%05d-batch-%06d", p.epoch(), p.batchesDone());
    Path tmp = dir.resolve(name + ".tmp");
    try {
      delete(tmp);
      Files.createDirectories(tmp);
      session.checkpoint(tmp.resolve(WEIGHTS));
      try (Writer w = Files.newBufferedWriter(tmp.resolve(STATE), StandardCharsets.UTF_8)) {
        state(p).store(w, "cxr-lstm training checkpoint");
      }
      delete(dir.resolve(name));
      AtomicFiles.rename(tmp, dir.resolve(name));
      String keepBest = best(p.bestEpoch()).getParent().getFileName().toString();
      try (Stream<Path> all = Files.list(dir)) {
        for (Path old : all.toList()) {
          String n = old.getFileName().toString();
          if (!n.equals(name) && !n.equals(keepBest)) {
            delete(old);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the training checkpoint " + dir.resolve(name), e);
    }
  }

  /** The latest checkpoint of this owner with its variables restored into {@code session}, if any. */
  Optional<Progress> resume(TrainingSession session) {
    Optional<Path> latest = latest(dir);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    Properties s = read(latest.get());
    if (!owner.equals(s.getProperty("owner"))) {
      throw new IllegalStateException(latest.get() + " belongs to '" + s.getProperty("owner") + "', not '" + owner + "'");
    }
    session.restore(latest.get().resolve(WEIGHTS));
    List<EpochRecord> epochs = epochs(s);
    PlateauDecay.Snapshot decay = new PlateauDecay.Snapshot(d(s.getProperty("decay_rate")),
        d(s.getProperty("decay_best")), Integer.parseInt(s.getProperty("decay_wait")));
    return Optional.of(new Progress(epochs, Integer.parseInt(s.getProperty("best_epoch")),
        d(s.getProperty("best_loss")), decay, Integer.parseInt(s.getProperty("epoch")),
        Integer.parseInt(s.getProperty("batches_done")), d(s.getProperty("loss_sum")),
        Integer.parseInt(s.getProperty("correct")), Integer.parseInt(s.getProperty("seen")),
        d(s.getProperty("seconds"))));
  }

  /**
   * Where the latest complete checkpoint in {@code dir} written for {@code owner} stands ("3
   * epoch(s) done and 2 batch(es) of epoch 4"), or empty when there is none: what a runner checks before keeping a partial folder.
   */
  public static Optional<String> describe(Path dir, String owner) {
    Optional<Path> latest = latest(dir);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    try {
      Properties s = read(latest.get());
      if (!owner.equals(s.getProperty("owner"))) {
        return Optional.empty();
      }
      int epoch = Integer.parseInt(s.getProperty("epoch"));
      int batches = Integer.parseInt(s.getProperty("batches_done"));
      return Optional.of((epoch - 1) + " epoch(s) done" + (batches == 0 ? ""
          : " and " + batches + " batch(es) of epoch " + epoch));
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /**
   * The training time the processes before this one spent, as the latest checkpoint of {@code owner} in
   * {@code dir} records it: its finished epochs' seconds plus the seconds into the epoch in progress;
   * 0 when there is none. A runner adds it to its own time, so that a resumed trial's seconds count
   * every process that trained it (time after the last checkpoint of a killed process is lost).
   */
  public static double secondsSpent(Path dir, String owner) {
    Optional<Path> latest = latest(dir);
    if (latest.isEmpty()) {
      return 0;
    }
    Properties s = read(latest.get());
    if (!owner.equals(s.getProperty("owner"))) {
      return 0;
    }
    return d(s.getProperty("seconds")) + epochs(s).stream().mapToDouble(EpochRecord::seconds).sum();
  }

  /** The finished epochs a checkpoint's state records, as {@link #state} writes them. */
  private static List<EpochRecord> epochs(Properties s) {
    List<EpochRecord> epochs = new ArrayList<>();
    for (int e = 1; e <= Integer.parseInt(s.getProperty("epochs")); e++) {
      String[] v = s.getProperty("epoch." + e).split(",");
      epochs.add(new EpochRecord(Integer.parseInt(v[0]), d(v[1]), d(v[2]), d(v[3]), d(v[4]), d(v[5]), d(v[6])));
    }
    return epochs;
  }

  private static Optional<Path> latest(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> all = Files.list(dir)) {
      return all.filter(p -> COMPLETE.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.isRegularFile(p.resolve(STATE)))
          .max(Comparator.comparing(p -> p.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the checkpoints in " + dir, e);
    }
  }

  private Properties state(Progress p) {
    Properties s = new Properties();
    s.setProperty("owner", owner);
    s.setProperty("epoch", String.valueOf(p.epoch()));
    s.setProperty("batches_done", String.valueOf(p.batchesDone()));
    s.setProperty("loss_sum", Double.toString(p.lossSum()));
    s.setProperty("correct", String.valueOf(p.correct()));
    s.setProperty("seen", String.valueOf(p.seen()));
    s.setProperty("seconds", Double.toString(p.seconds()));
    s.setProperty("best_epoch", String.valueOf(p.bestEpoch()));
    s.setProperty("best_loss", Double.toString(p.bestLoss()));
    s.setProperty("decay_rate", Double.toString(p.decay().rate()));
    s.setProperty("decay_best", Double.toString(p.decay().best()));
    s.setProperty("decay_wait", String.valueOf(p.decay().epochsWithoutImprovement()));
    s.setProperty("epochs", String.valueOf(p.epochs().size()));
    for (EpochRecord r : p.epochs()) {
      // Double.toString round-trips exactly, so the restored run compares losses as the first did
      s.setProperty("epoch." + r.epoch(), r.epoch() + "," + r.trainLoss() + "," + r.trainAccuracy() + ","
          + r.validationLoss() + "," + r.validationAccuracy() + "," + r.learningRateNow() + "," + r.seconds());
    }
    return s;
  }

  private static Properties read(Path checkpoint) {
    Properties s = new Properties();
    try (Reader r = Files.newBufferedReader(checkpoint.resolve(STATE), StandardCharsets.UTF_8)) {
      s.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + checkpoint.resolve(STATE), e);
    }
    return s;
  }

  private static double d(String v) {
    return Double.parseDouble(v);
  }

  private static void delete(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
