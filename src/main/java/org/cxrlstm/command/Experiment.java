package org.cxrlstm.command;

import org.cxrlstm.config.Settings;

/** One runnable experiment kind, selected by name from {@code -Dexperiment=NAME}. */
public interface Experiment {
  /** The name given on the command line. */
  String name();

  /** One line for the list that {@code Main} prints. */
  String description();

  /** Runs the experiment; throwing ends the process with a non-zero exit code. */
  void run(Settings settings) throws Exception;
}
