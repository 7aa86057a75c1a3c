package org.cxrlstm.command;

import org.cxrlstm.config.Schema;
import org.cxrlstm.config.Settings;

/**
 * One runnable command, selected by name from {@code -Dexperiment=NAME}. Its settings are resolved
 * through its {@link #schema} before it runs, so every command refuses unknown keys, reports missing
 * ones and checks values with the same messages.
 */
public interface Experiment {
  /** The name given on the command line. */
  String name();

  /** One line for the list that {@code Main} prints. */
  String description();

  /** The keys this command accepts, with their kinds and defaults. */
  Schema schema();

  /** The given settings checked and completed with defaults. */
  default Settings resolve(Settings given) throws Exception {
    return schema().resolve(given);
  }

  /** Resolves {@code given} and runs; throwing ends the process with a non-zero exit code. */
  default void run(Settings given) throws Exception {
    execute(resolve(given));
  }

  /** Runs with resolved settings. */
  void execute(Settings resolved) throws Exception;
}
