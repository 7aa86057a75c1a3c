package org.cxrlstm.protocol;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.EpochRow;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.train.EpochRecord;
import org.cxrlstm.train.TrainingListener;

/** What a fold model's training leaves as it goes: a row of epochs.csv and a console line per epoch. */
final class TrainingLog {
  private TrainingLog() {}

  /** epochs.csv rows as training goes. */
  record Rows(Trial trial, Csv.Appender csv) implements TrainingListener {
    @Override
    public void onEpochEnd(EpochRecord r) {
      try {
        csv.row(EpochRow.of(trial, r).cells());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One console line per epoch. */
  record Lines(Trial trial, PrintStream out) implements TrainingListener {
    @Override
    public void onEpochEnd(EpochRecord r) {
      out.printf(Locale.ROOT, "   %s epoch %3d/%d  train loss %.4f acc %.3f | val loss %.4f acc %.3f | lr %.2g | %.1f s%n",
          trial.id(), r.epoch(), trial.epochs(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
          r.validationAccuracy(), r.learningRateNow(), r.seconds());
    }
  }
}
