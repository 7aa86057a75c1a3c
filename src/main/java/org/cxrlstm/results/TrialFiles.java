package org.cxrlstm.results;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a finished trial folder holds besides its CSVs: {@code trial.properties} with the result
 * columns of trials.csv, and the one spelling of a metric in every CSV.
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

  private TrialFiles() {}
}
