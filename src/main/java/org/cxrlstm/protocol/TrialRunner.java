package org.cxrlstm.protocol;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.ResultsLayout;
import org.cxrlstm.results.TrialFiles;
import org.cxrlstm.results.TrialMetrics;
import org.cxrlstm.results.io.AtomicFiles;
import org.cxrlstm.results.io.PropertiesText;
import org.cxrlstm.train.DivergenceException;
import org.cxrlstm.train.PreemptedException;
import org.cxrlstm.train.TrainingCheckpoint;

/**
 * Runs one trial idempotently. The per-trial folder is the concurrency mechanism: a trial is
 * written to {@code trials/ID.partial/} while an exclusive lock {@code locks/ID.lock} is held,
 * finished with a {@code done} marker and renamed to {@code trials/ID/} in one atomic step. So a
 * finished trial is skipped, a leftover partial folder (a killed process) resumes from its training
 * checkpoint when it holds one of this trial and is otherwise deleted and rerun, and two processes
 * given the same trial never both write it: the second one leaves it alone.
 */
public final class TrialRunner {

  /** What happened to a trial in this process. */
  public enum Outcome { DONE, DIVERGED, FAILED, SKIPPED, BUSY }

  public record Result(Trial trial, Outcome outcome, String status, String message) {}

  private final ResultsLayout layout;
  private final Settings settings;
  private final TrialTraining training;
  private final PrintStream out;
  private final SweepProgress progress;

  public TrialRunner(ResultsLayout layout, Settings settings, TrialTraining training, PrintStream out) {
    this(layout, settings, training, out, null);
  }

  /** With {@code progress} (may be null): the console's trial bar follows the epochs. */
  public TrialRunner(ResultsLayout layout, Settings settings, TrialTraining training, PrintStream out,
      SweepProgress progress) {
    this.layout = layout;
    this.settings = settings;
    this.training = training;
    this.out = out;
    this.progress = progress;
  }

  public Result run(Trial trial) throws IOException {
    try (AtomicFiles.Held lock = AtomicFiles.tryLock(layout.trialLock(trial.id()))) {
      if (lock == null) {
        out.println("trial " + trial.index() + " " + trial.id() + " is running in another process; left to it");
        return new Result(trial, Outcome.BUSY, "", "");
      }
      Path finished = layout.trial(trial.id());
      if (Files.exists(finished)) {
        String status = finishedStatus(finished);
        if (!status.equals("failed")) {
          out.println("trial " + trial.index() + " " + trial.id() + " already finished (" + status + "); skipped");
          return new Result(trial, Outcome.SKIPPED, status, "");
        }
        Path aside = aside(finished);
        AtomicFiles.rename(finished, aside);
        out.println("trial " + trial.id() + " failed before; its folder moved to " + aside.getFileName() + ", rerunning");
      }
      return execute(trial);
    }
  }

  private Result execute(Trial trial) throws IOException {
    Path partial = layout.partial(trial.id());
    Path checkpoint = partial.resolve(ResultsLayout.CHECKPOINT);
    Optional<String> resumable = TrainingCheckpoint.describe(checkpoint, trial.id());
    // a resumed trial's seconds include the training time of the processes before this one
    double before = resumable.isPresent() ? TrainingCheckpoint.secondsSpent(checkpoint, trial.id()) : 0;
    if (resumable.isPresent()) {
      // the rest of the folder is rewritten: epochs.csv from the checkpoint, the outputs after training
      out.println("trial " + trial.id() + ": resuming an interrupted run from its checkpoint (" + resumable.get() + ")");
      try (Stream<Path> files = Files.list(partial)) {
        for (Path p : files.filter(p -> !p.equals(checkpoint)).toList()) {
          AtomicFiles.deleteRecursively(p);
        }
      }
    } else {
      if (Files.exists(partial)) {
        out.println("trial " + trial.id() + ": deleting the partial folder of an interrupted run");
      }
      AtomicFiles.deleteRecursively(partial);
    }
    AtomicFiles.deleteRecursively(layout.model(trial.id()));
    AtomicFiles.deleteRecursively(layout.tensorboard(trial.id()));
    Files.createDirectories(partial);
    Map<String, String> props = describe(trial);
    props.put("started", Instant.now().toString());
    long start = System.nanoTime();
    Outcome outcome;
    String message = "";
    try {
      props.putAll(progress == null ? training.run(trial, partial)
          : training.run(trial, partial, progress.startTrial(trial)));
      Path predictions = partial.resolve("predictions.csv");
      if (Files.exists(predictions)) {
        props.putAll(TrialMetrics.ofFile(predictions));
      }
      outcome = Outcome.DONE;
    } catch (PreemptedException e) {
      // not finished: the partial folder keeps its checkpoint for the rerun
      out.println("trial " + trial.id() + ": " + e.getMessage());
      throw e;
    } catch (DivergenceException e) {
      outcome = Outcome.DIVERGED;
      message = e.getMessage();
    } catch (Exception e) {
      outcome = Outcome.FAILED;
      message = e.getClass().getSimpleName() + ": " + e.getMessage();
      out.println("trial " + trial.id() + " failed: " + message);
    }
    String status = outcome.name().toLowerCase(Locale.ROOT);
    props.put("status", status);
    props.put("message", message);
    props.put("seconds", String.format(Locale.ROOT, "%.1f", before + (System.nanoTime() - start) / 1e9));
    props.put("finished", Instant.now().toString());
    AtomicFiles.deleteRecursively(checkpoint);
    AtomicFiles.writeProperties(partial.resolve(TrialFiles.PROPERTIES), "cxr-lstm trial " + trial.id(), props);
    AtomicFiles.write(partial.resolve(ResultsLayout.DONE), w -> w.write(status + "\n"));
    AtomicFiles.rename(partial, layout.trial(trial.id()));
    return new Result(trial, outcome, status, message);
  }

  /** Index, id, setting columns and the fixed settings of a trial, the start of trial.properties. */
  private Map<String, String> describe(Trial trial) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("trial_index", String.valueOf(trial.index()));
    props.put("trial_id", trial.id());
    props.putAll(trial.settings());
    for (String k : Trial.FIXED_KEYS) {
      props.put(k, settings.string(k, ""));
    }
    for (String c : TrialFiles.RESULT_COLUMNS) {
      props.put(c, "");
    }
    return props;
  }

  /** Status of a finished trial folder; a folder without marker or status counts as failed. */
  static String finishedStatus(Path dir) throws IOException {
    Path props = dir.resolve(TrialFiles.PROPERTIES);
    if (!Files.exists(dir.resolve(ResultsLayout.DONE)) || !Files.exists(props)) {
      return "failed";
    }
    return PropertiesText.read(props).getOrDefault("status", "failed");
  }

  private static Path aside(Path dir) {
    for (int n = 1; ; n++) {
      Path p = dir.resolveSibling(dir.getFileName() + ".failed-" + n);
      if (!Files.exists(p)) {
        return p;
      }
    }
  }
}
