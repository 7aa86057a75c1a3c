package org.cxrlstm.command;

import java.io.PrintStream;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Settings;

/** {@code -Dexperiment=keys}: every setting an experiment file may use, its values, default and meaning. */
final class KeysExperiment implements Experiment {
  private final PrintStream out;

  KeysExperiment(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "keys";
  }

  @Override
  public String description() {
    return "list every experiment setting: values, default, meaning";
  }

  @Override
  public void run(Settings settings) {
    for (Keys.Key k : Keys.all().values()) {
      out.printf("%-20s %-34s %-22s %s%n", k.name(), k.kind().describe(),
          k.required() ? "(required)" : "default " + (k.defaultValue().isEmpty() ? "blank" : k.defaultValue()),
          k.meaning());
    }
  }
}
