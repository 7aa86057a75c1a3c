package org.cxrlstm.command;

import java.io.PrintStream;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
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
    return "list every setting of the sweeps and of each command: values, default, meaning";
  }

  @Override
  public Schema schema() {
    return Schema.of("keys");
  }

  @Override
  public void execute(Settings settings) {
    out.println("Keys of the sweep experiments (experiments/NAME.properties):");
    print(Keys.all().values());
    for (Experiment e : Commands.all()) {
      if (!e.schema().keys().isEmpty()) {
        out.println();
        out.println("Keys of -Dexperiment=" + e.name() + ":");
        print(e.schema().keys().values());
      }
    }
  }

  private void print(java.util.Collection<Keys.Key> keys) {
    for (Keys.Key k : keys) {
      out.printf("  %-20s %-34s %-22s %s%n", k.name(), k.kind().describe(),
          k.required() ? "(required)" : "default " + (k.defaultValue().isEmpty() ? "blank" : k.defaultValue()),
          k.meaning());
    }
  }
}
