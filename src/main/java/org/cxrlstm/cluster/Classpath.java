package org.cxrlstm.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The classpath this process runs the harness from, as absolute paths, so child processes and
 * scheduler tasks can start {@code java -cp ...} without Maven.
 *
 * <p>Under {@code mvn exec:java} the project runs in a {@link URLClassLoader} inside Maven's JVM (the
 * JVM's own {@code java.class.path} is Maven's launcher); under Surefire the class path is often one
 * manifest-only jar whose {@code Class-Path} lists the real entries. Both are unwrapped here.
 */
public final class Classpath {
  private Classpath() {}

  /** The entries that load {@code anchor} (a class of this project), most specific loader first. */
  public static List<Path> of(Class<?> anchor) {
    Set<Path> out = new LinkedHashSet<>();
    for (ClassLoader l = anchor.getClassLoader(); l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader u && !isMavenLauncher(u)) {
        for (URL url : u.getURLs()) {
          toPath(url).ifPresent(p -> expand(p, out));
        }
        if (!out.isEmpty()) {
          return List.copyOf(out);
        }
      }
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        expand(Path.of(entry).toAbsolutePath().normalize(), out);
      }
    }
    return List.copyOf(out);
  }

  /** The entries joined with the platform separator, for {@code -cp}. */
  public static String joined(List<Path> entries) {
    List<String> s = new ArrayList<>();
    entries.forEach(p -> s.add(p.toString()));
    return String.join(File.pathSeparator, s);
  }

  private static boolean isMavenLauncher(URLClassLoader l) {
    return l.getClass().getName().startsWith("org.codehaus.plexus.classworlds");
  }

  private static java.util.Optional<Path> toPath(URL url) {
    try {
      return "file".equals(url.getProtocol())
          ? java.util.Optional.of(Path.of(url.toURI()).toAbsolutePath().normalize())
          : java.util.Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** Adds {@code entry}, or the entries of its manifest {@code Class-Path} when it is a manifest-only jar. */
  private static void expand(Path entry, Set<Path> out) {
    List<Path> listed = manifestClassPath(entry);
    if (listed.isEmpty()) {
      out.add(entry);
    } else {
      listed.forEach(p -> expand(p, out));
    }
  }

  private static List<Path> manifestClassPath(Path jar) {
    if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
      return List.of();
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest m = file.getManifest();
      String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
      // a jar with classes of its own is a real entry even when it lists others
      if (cp == null || cp.isBlank() || file.stream().anyMatch(e -> e.getName().endsWith(".class"))) {
        return List.of();
      }
      List<Path> out = new ArrayList<>();
      for (String item : cp.trim().split("\\s+")) {
        URL url = jar.toUri().resolve(item).toURL();
        toPath(url).ifPresent(out::add);
      }
      return out;
    } catch (IOException | IllegalArgumentException e) {
      return List.of();
    }
  }
}
