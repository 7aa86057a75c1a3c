package org.cxrlstm.protocol;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.ResultsLayout;
import org.cxrlstm.train.TrainingListener;

/**
 * Trains and evaluates one trial. {@link TrialRunner} owns the bookkeeping (locks, skip, partial
 * folders, status); this does the work and writes {@code epochs.csv} and {@code predictions.csv}
 * into the folder it is given.
 */
public interface TrialTraining {
  /** The trial result columns of trials.csv that training knows ({@link TrialRunner#RESULT_COLUMNS}). */
  Map<String, String> run(Trial trial, Path dir) throws Exception;

  /** As {@link #run(Trial, Path)}, telling {@code progress} of every epoch (the console's trial bar). */
  default Map<String, String> run(Trial trial, Path dir, TrainingListener progress) throws Exception {
    return run(trial, dir);
  }

  /** Opens the training for one process: loads the dataset and the split once. */
  interface Factory {
    TrialTraining open(Settings resolved, ResultsLayout layout, Plan plan, PrintStream out) throws Exception;
  }
}
