package org.cxrlstm.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.train.EpochRecord;

/**
 * One row of {@code epochs.csv}: one epoch of one trial (a trial folder's file, or the merged one).
 *
 * @param trialId  the trial
 * @param settings value per setting column ({@link Trial#COLUMNS})
 * @param epoch    what the epoch measured; NaN where a value was not known
 */
public record EpochRow(String trialId, Map<String, String> settings, EpochRecord epoch) {
  static final List<String> VALUE_COLUMNS = List.of("epoch", "train_loss", "train_accuracy", "val_loss",
      "val_accuracy", "learning_rate_now", "seconds");

  public EpochRow {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  public static EpochRow of(Trial trial, EpochRecord epoch) {
    return new EpochRow(trial.id(), trial.settings(), epoch);
  }

  /** trial_id, the setting columns, then epoch, losses, accuracies, learning rate and seconds. */
  public static List<String> header() {
    return Rows.header(List.of("trial_id"), Trial.COLUMNS, VALUE_COLUMNS);
  }

  public List<String> cells() {
    List<String> row = new ArrayList<>(List.of(trialId));
    row.addAll(Rows.cells(settings, Trial.COLUMNS));
    row.addAll(List.of(String.valueOf(epoch.epoch()), TrialFiles.number(epoch.trainLoss()),
        TrialFiles.number(epoch.trainAccuracy()), TrialFiles.number(epoch.validationLoss()),
        TrialFiles.number(epoch.validationAccuracy()), TrialFiles.number(epoch.learningRateNow()),
        String.format(Locale.ROOT, "%.2f", epoch.seconds())));
    return row;
  }

  public static List<EpochRow> read(Path file) throws IOException {
    List<String> required = new ArrayList<>(List.of("trial_id"));
    required.addAll(VALUE_COLUMNS.subList(0, 5));
    return Csv.read(file, required).rows().stream().map(r -> new EpochRow(r.nonBlank("trial_id"),
        Rows.settings(r), new EpochRecord(r.integer("epoch"), r.real("train_loss"),
            r.real("train_accuracy"), r.real("val_loss"), r.real("val_accuracy"), optional(r, "learning_rate_now"),
            optional(r, "seconds")))).toList();
  }

  public static void write(Path file, List<EpochRow> rows) throws IOException {
    Csv.write(file, header(), rows.stream().map(EpochRow::cells).toList());
  }

  /** An appender for rows written as training goes. */
  public static Csv.Appender append(Path file) throws IOException {
    return Csv.append(file, header());
  }

  private static double optional(Csv.Row r, String column) {
    return r.has(column) ? r.real(column) : Double.NaN;
  }
}
