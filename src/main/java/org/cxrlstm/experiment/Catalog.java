package org.cxrlstm.experiment;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The experiments {@code Main} can run, by name. */
public final class Catalog {
  private final Map<String, Experiment> byName = new LinkedHashMap<>();

  private Catalog(List<Experiment> experiments) {
    for (Experiment e : experiments) {
      if (byName.put(e.name(), e) != null) {
        throw new IllegalStateException("two experiments named " + e.name());
      }
    }
  }

  /** Every command experiment and every {@code experiments/NAME.properties} file. */
  public static Catalog standard() {
    List<Experiment> all = new ArrayList<>(Commands.all());
    return new Catalog(all);
  }

  public Optional<Experiment> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<Experiment> experiments() {
    return byName.values().stream().sorted(Comparator.comparing(Experiment::name)).toList();
  }

  public void describe(PrintStream out) {
    for (Experiment e : experiments()) {
      out.printf("  %-16s %s%n", e.name(), e.description());
    }
  }

  /**
   * The {@code -Dkey=value} settings meant for the harness. Maven and the JVM put many system
   * properties of their own; only keys that contain no upper-case letter and do not start with a
   * JVM or Maven prefix are taken.
   */
  public static Map<String, String> commandLineSettings(Properties system) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : system.stringPropertyNames()) {
      if (!key.equals("experiment") && isHarnessKey(key)) {
        out.put(key, system.getProperty(key));
      }
    }
    return out;
  }

  private static final List<String> FOREIGN_PREFIXES = List.of(
      "java.", "javax.", "jdk.", "sun.", "os.", "user.", "file.", "line.", "path.", "awt.",
      "maven.", "classworlds.", "library.", "jna.", "guice.", "org.", "com.", "net.", "exec.",
      "socksProxy", "http.", "https.", "ftp.", "native.", "stdout.", "stderr.", "env.", "jansi.",
      "junit.", "surefire.", "basedir", "localRepository", "idea.", "picocli.", "slf4j.");

  static boolean isHarnessKey(String key) {
    if (!key.equals(key.toLowerCase())) {
      return false;
    }
    for (String prefix : FOREIGN_PREFIXES) {
      if (key.startsWith(prefix.toLowerCase())) {
        return false;
      }
    }
    return true;
  }
}
