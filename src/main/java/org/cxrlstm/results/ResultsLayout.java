package org.cxrlstm.results;

import java.nio.file.Path;
import org.cxrlstm.config.Settings;

/**
 * Where an experiment's files live under {@code results/NAME/} (docs/results-format.md, "Results
 * layout"). Locks live in {@code locks/}: their files stay behind, but the locks themselves are
 * released by the kernel when a process ends, however it ends.
 */
public record ResultsLayout(Path root) {
  public static final String DONE = "done";
  public static final String PARTIAL = ".partial";
  /** Folder of a running trial's resumable checkpoints, inside {@code trials/ID.partial/}. */
  public static final String CHECKPOINT = "checkpoint";

  public static ResultsLayout of(Settings resolved, String experiment) {
    return new ResultsLayout(Path.of(resolved.string("results.dir")).resolve(experiment));
  }

  /** The fully resolved settings of the experiment (process-only keys left out). */
  public Path config() {
    return root.resolve("experiment.properties");
  }

  /** Where folders written before the rename kept the resolved settings; read, never written. */
  public Path legacyConfig() {
    return root.resolve("config.properties");
  }

  public Path summary() {
    return root.resolve("summary.csv");
  }

  /** TensorBoard event files of trial {@code id} ({@code tensorboard --logdir results/NAME/tensorboard}). */
  public Path tensorboard(String id) {
    return root.resolve("tensorboard").resolve(id);
  }

  public Path environment() {
    return root.resolve("environment.properties");
  }

  public Path plan() {
    return root.resolve(PlanFile.FILE);
  }

  public Path split() {
    return root.resolve("split.csv");
  }

  public Path trials() {
    return root.resolve("trials");
  }

  /** A finished trial's folder. */
  public Path trial(String id) {
    return trials().resolve(id);
  }

  /** Where a trial is written before it is renamed to {@link #trial}. */
  public Path partial(String id) {
    return trials().resolve(id + PARTIAL);
  }

  public Path model(String id) {
    return root.resolve("models").resolve(id);
  }

  /** Held while trial {@code id} runs: never two writers of one trial. */
  public Path trialLock(String id) {
    return root.resolve("locks").resolve(id + ".lock");
  }

  /** Held while the split, plan or config is created, and while merging. */
  public Path lock(String what) {
    return root.resolve("locks").resolve(what + ".lock");
  }

  /** A merged, experiment-level file: trials.csv, epochs.csv, predictions.csv, ensemble_predictions.csv. */
  public Path merged(String file) {
    return root.resolve(file);
  }
}
