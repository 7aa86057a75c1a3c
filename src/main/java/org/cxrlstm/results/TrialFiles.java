package org.cxrlstm.results;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cxrlstm.config.Trial;

/**
 * The per-trial CSVs, {@code epochs.csv} and {@code predictions.csv}, with the merged files'
 * columns (docs/results-format.md): every row carries the trial id and its setting columns, so a
 * trial folder explains itself and merging is concatenation.
 */
public final class TrialFiles {
  /** Result columns of trials.csv after {@code status} (docs/results-format.md). */
  public static final List<String> RESULT_COLUMNS = Stream.concat(Stream.of("best_epoch", "epochs_run",
      "stopped_early", "val_accuracy", "val_loss", "test_accuracy", "test_loss", "test_n", "seconds", "threads"),
      TrialMetrics.COLUMNS.stream()).toList();
  public static final String PROPERTIES = "trial.properties";

  /** A metric as written to every CSV: Java's shortest round-trip spelling, blank for NaN. */
  public static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  static final List<String> EPOCH_COLUMNS = List.of("epoch", "train_loss", "train_accuracy", "val_loss",
      "val_accuracy", "learning_rate_now", "seconds");

  private TrialFiles() {}

  public static List<String> epochsHeader() {
    List<String> h = new ArrayList<>(List.of("trial_id"));
    h.addAll(Trial.COLUMNS);
    h.addAll(EPOCH_COLUMNS);
    return h;
  }

  /** trial_id, setting columns, partition, index, file, patient_id, label, predicted, p_CLASS per class. */
  public static List<String> predictionsHeader(List<String> classes) {
    List<String> h = new ArrayList<>(List.of("trial_id"));
    h.addAll(Trial.COLUMNS);
    h.addAll(List.of("partition", "index", "file", "patient_id", "label", "predicted"));
    classes.forEach(c -> h.add("p_" + c));
    return h;
  }

  /** The leading cells of every row of {@code trial}: its id and setting columns. */
  public static List<String> prefix(Trial trial) {
    List<String> row = new ArrayList<>(List.of(trial.id()));
    row.addAll(trial.settings().values());
    return row;
  }
}
