package org.cxrlstm;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import org.cxrlstm.experiment.Catalog;
import org.cxrlstm.experiment.Experiment;
import org.cxrlstm.experiment.SettingException;
import org.cxrlstm.experiment.Settings;

/**
 * The one entry point: {@code mvn -q compile exec:java -Dexperiment=NAME [-Dkey=value ...]}.
 *
 * <p>Maps the experiment name to its kind, hands it the command-line settings and turns the
 * outcome into an exit code. Tests call {@link #run} directly.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : System.getProperty("experiment", "");
    int code = run(name, Catalog.commandLineSettings(System.getProperties()), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs experiment {@code name} with {@code overrides}; returns the process exit code. */
  public static int run(String name, Map<String, String> overrides, PrintStream out, PrintStream err) {
    Catalog catalog = Catalog.standard(out);
    Optional<Experiment> experiment = name == null ? Optional.empty() : catalog.find(name.trim());
    if (experiment.isEmpty()) {
      err.println(name == null || name.isBlank()
          ? "No experiment given. Use -Dexperiment=NAME with one of:"
          : "Unknown experiment '" + name + "'. Use -Dexperiment=NAME with one of:");
      catalog.describe(err);
      return 2;
    }
    try {
      experiment.get().run(Settings.of(overrides));
      return 0;
    } catch (SettingException e) {
      err.println("Invalid setting: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("Experiment '" + name + "' failed: " + e.getMessage());
      e.printStackTrace(err);
      return 1;
    }
  }
}
