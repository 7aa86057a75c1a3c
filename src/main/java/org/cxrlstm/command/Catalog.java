package org.cxrlstm.command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.cxrlstm.protocol.CrossValidation;
import org.cxrlstm.protocol.TrialTraining;

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

  /** Where the experiment files live, relative to the working directory (the project root). */
  public static final Path EXPERIMENTS = Path.of("experiments");

  /** Every command experiment and every {@code experiments/NAME.properties} file. */
  public static Catalog standard() {
    return standard(System.out);
  }

  /** As {@link #standard()}, sweep progress printed to {@code out}. */
  public static Catalog standard(PrintStream out) {
    return standard(EXPERIMENTS, System.getenv(), CrossValidation::open, out);
  }

  /**
   * The commands and the experiment files in {@code dir}; {@code env} is where a job array's
   * trial index is read from, {@code training} trains the trials (tests pass their own).
   */
  public static Catalog standard(Path dir, Map<String, String> env, TrialTraining.Factory training, PrintStream out) {
    List<Experiment> all = new ArrayList<>(Commands.all());
    for (Path file : experimentFiles(dir)) {
      String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
      all.add(new SweepExperiment(name, file, env, training, out));
    }
    return new Catalog(all);
  }

  private static List<Path> experimentFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the experiment files in " + dir, e);
    }
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
   * System properties of the JVM (and of libraries on its class path, by their Java package
   * prefix): never harness settings.
   */
  public static final List<String> JVM_PROPERTIES = List.of("java.", "javax.", "jdk.", "sun.", "os.", "user.",
      "file.", "line.", "path.", "awt.", "native.", "stdout.", "stderr.", "jna.", "jnidispatch.", "socksProxy",
      "socksNonProxyHosts", "http.", "https.", "ftp.", "org.", "com.", "net.", "io.netty.");
  /** System properties Maven, its plugins and its test runner set or read: never harness settings. */
  public static final List<String> MAVEN_PROPERTIES = List.of("maven.", "classworlds.", "library.jansi.", "jansi.",
      "guice.", "exec.", "env.", "surefire.", "failsafe.", "junit.", "basedir", "localRepository", "skipTests",
      "test", "it.test", "excludedGroups", "groups", "argLine", "style.color", "picocli.", "slf4j.", "idea.");

  /**
   * The {@code -Dkey=value} settings meant for the harness: every system property except
   * {@code experiment} and those of {@link #JVM_PROPERTIES} and {@link #MAVEN_PROPERTIES}. The
   * command refuses any of them it does not know, so a typo is never silently dropped.
   */
  public static Map<String, String> commandLineSettings(Properties system) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : system.stringPropertyNames()) {
      if (!key.equals("experiment") && owner(key) == null) {
        out.put(key, system.getProperty(key));
      }
    }
    return out;
  }

  /** "JVM" or "Maven" when {@code key} belongs to that list, else null (a harness key). */
  static String owner(String key) {
    if (matches(key, JVM_PROPERTIES)) {
      return "JVM";
    }
    return matches(key, MAVEN_PROPERTIES) ? "Maven" : null;
  }

  private static boolean matches(String key, List<String> list) {
    for (String entry : list) {
      boolean prefix = entry.endsWith(".");
      if (prefix ? key.startsWith(entry) : key.equals(entry) || key.startsWith(entry + ".")) {
        return true;
      }
    }
    return false;
  }
}
