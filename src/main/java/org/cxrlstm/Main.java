package org.cxrlstm;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cxrlstm.command.Catalog;
import org.cxrlstm.command.Experiment;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.data.DataException;
import org.cxrlstm.results.io.CsvException;
import org.cxrlstm.train.PreemptedException;

/**
 * The one entry point: {@code mvn -q compile exec:java -Dexperiment=NAME [-Dkey=value ...]}.
 *
 * <p>Maps the experiment name to its kind, hands it the command-line settings and turns the
 * outcome into an exit code: 0 done, 1 failed, 2 bad input from the user (a setting, an experiment
 * file, a data, CSV or model file), each problem on one line naming its key or file, 75 stopped by
 * SIGTERM with a checkpoint written (rerun to resume). A stack trace is
 * printed only with {@code -Ddebug=true}: for bad input it would bury the one line that matters.
 * Tests call {@link #run} directly.
 */
public final class Main {
  /** Exit code of a run that failed for a reason other than the user's input. */
  public static final int FAILED = 1;
  /** Exit code of bad input: a setting, an experiment file, a data, manifest or model file. */
  public static final int BAD_INPUT = 2;
  /** Exit code of a run stopped by SIGTERM after writing a checkpoint: rerun it to resume. */
  public static final int REQUEUE = PreemptedException.EXIT_CODE;
  /** Not a harness setting: {@code -Ddebug=true} adds stack traces to error messages. */
  public static final String DEBUG = "debug";

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
    Map<String, String> settings = new LinkedHashMap<>(overrides);
    boolean debug = Boolean.parseBoolean(settings.remove(DEBUG));
    Catalog catalog = Catalog.standard(out);
    Optional<Experiment> experiment = name == null ? Optional.empty() : catalog.find(name.trim());
    if (experiment.isEmpty()) {
      err.println(name == null || name.isBlank()
          ? "No experiment given. Use -Dexperiment=NAME with one of:"
          : "Unknown experiment '" + name + "'. Use -Dexperiment=NAME with one of:");
      catalog.describe(err);
      return BAD_INPUT;
    }
    try {
      experiment.get().run(Settings.of(settings));
      return 0;
    } catch (Exception e) {
      return report(name, e, settings, debug, err);
    }
  }

  private static int report(String name, Exception e, Map<String, String> given, boolean debug, PrintStream err) {
    if (e instanceof PreemptedException) {
      err.println("Stopped: " + e.getMessage() + ". Run the same command again to resume (exit code "
          + REQUEUE + ": requeue)");
      return REQUEUE;
    }
    Throwable input = badInput(e);
    if (input instanceof SettingException s) {
      boolean unknown = given.containsKey(s.key()) && s.getMessage().contains("is not a setting of");
      err.println("Invalid setting: " + s.getMessage() + (unknown
          ? " (-D" + s.key() + " is on neither the JVM nor the Maven property list, so it was taken as a harness key)"
          : ""));
    } else if (input != null) {
      err.println("Bad input: " + input.getMessage());
    } else {
      err.println("Experiment '" + name + "' failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        err.println("  caused by " + c.getClass().getSimpleName() + ": " + c.getMessage());
      }
    }
    if (debug) {
      e.printStackTrace(err);
    } else if (input == null) {
      err.println("(-D" + DEBUG + "=true prints the stack trace)");
    }
    return input != null ? BAD_INPUT : FAILED;
  }

  /** The user-input problem behind {@code e} (it may arrive wrapped), or null. */
  private static Throwable badInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SettingException || t instanceof DataException || t instanceof CsvException) {
        return t;
      }
    }
    return null;
  }
}
