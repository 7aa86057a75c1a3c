package org.cxrlstm.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Builds {@link Dataset}s from manifests and ImageFolder directories, collecting every problem. */
final class DatasetReader {
  static final List<String> IMAGE_SUFFIXES = List.of(".png", ".jpg", ".jpeg");

  private DatasetReader() {}

  static Dataset fromManifest(Manifest manifest, Path root, List<String> classes, boolean allowEmptyClasses)
      throws IOException {
    checkClasses(classes);
    if (!Files.isDirectory(root)) {
      throw new DataException("dataset folder not found: " + root + " (manifest " + manifest.path()
          + "; fetch it with -Dexperiment=fetch-data)");
    }
    List<String> problems = new ArrayList<>();
    List<ImageEntry> entries = new ArrayList<>();
    for (Manifest.Row row : manifest.rows()) {
      String where = manifest.path() + ": line " + row.line() + ": ";
      int label = classes.indexOf(row.label());
      if (label < 0) {
        problems.add(where + "column 'label': '" + row.label() + "' is not one of the classes " + classes);
        continue;
      }
      Path file = root.resolve(row.file());
      if (!Files.isRegularFile(file)) {
        problems.add(where + "file " + file + " is missing");
        continue;
      }
      String escape = escapes(root, file);
      if (escape != null) {
        problems.add(where + "file " + file + " " + escape);
        continue;
      }
      long size = Files.size(file);
      if (size == 0) {
        problems.add(where + "file " + file + " is empty (0 bytes)");
        continue;
      }
      if (row.bytes() >= 0 && size != row.bytes()) {
        problems.add(where + "file " + file + " has " + size + " bytes, the manifest says " + row.bytes());
        continue;
      }
      entries.add(new ImageEntry(row.file(), label, row.patientId(), row.sha256()));
    }
    finish(root, classes, entries, allowEmptyClasses, problems, "bad dataset " + root + " (manifest " + manifest.path() + ")");
    return new Dataset(root, classes, entries);
  }

  static Dataset fromImageFolder(Path root, List<String> classes) throws IOException {
    List<String> problems = new ArrayList<>();
    Dataset dataset = fromImageFolder(root, classes, problems);
    if (!problems.isEmpty()) {
      throw new DataException("bad image folder " + root, problems);
    }
    return dataset;
  }

  /**
   * The usable images of an ImageFolder; what is wrong with the others goes to {@code problems}
   * instead of failing, so a caller can add what it finds later (decoding) and report it all at once.
   */
  static Dataset fromImageFolder(Path root, List<String> classes, List<String> problems) throws IOException {
    checkClasses(classes);
    if (!Files.isDirectory(root)) {
      throw new DataException("image folder not found: " + root);
    }
    Path manifest = root.resolve("manifest.csv");
    if (Files.isRegularFile(manifest)) {
      return fromManifest(Manifest.read(manifest), root, classes, true);
    }
    List<ImageEntry> entries = new ArrayList<>();
    for (Path child : sorted(root)) {
      String name = child.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (!Files.isDirectory(child)) {
        problems.add(child + ": a file beside the class folders (expected only class folders and manifest.csv)");
      } else if (!classes.contains(name)) {
        problems.add(child + ": unknown class folder '" + name + "' (classes: " + classes + ")");
      }
    }
    for (int label = 0; label < classes.size(); label++) {
      Path folder = root.resolve(classes.get(label));
      if (Files.isDirectory(folder)) {
        addFolder(folder, classes.get(label), label, entries, problems);
      }
    }
    Dataset.checkLabelsOfDuplicates(entries, classes, problems);
    if (entries.isEmpty() && problems.isEmpty()) {
      problems.add(root + ": no images found");
    }
    return new Dataset(root, classes, entries);
  }

  private static void addFolder(Path folder, String className, int label, List<ImageEntry> entries,
      List<String> problems) throws IOException {
    for (Path file : sorted(folder)) {
      String name = file.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      String escape = Files.isRegularFile(file) ? escapes(folder.getParent(), file) : null;
      if (!Files.isRegularFile(file)) {
        problems.add(file + ": not a regular file (class folders hold images only)");
      } else if (escape != null) {
        problems.add(file + ": " + escape);
      } else if (IMAGE_SUFFIXES.stream().noneMatch(s -> name.toLowerCase(Locale.ROOT).endsWith(s))) {
        problems.add(file + ": not an image file (expected " + IMAGE_SUFFIXES + ")");
      } else if (Files.size(file) == 0) {
        problems.add(file + ": is empty (0 bytes)");
      } else {
        String relative = className + "/" + name;
        entries.add(new ImageEntry(relative, label, relative, Sha256.of(file)));
      }
    }
  }

  /**
   * Why {@code file} (an existing file under {@code root} by name) lies outside {@code root} once
   * symbolic links are followed, or null: a link out of the dataset folder would read files the
   * manifest's relative-path check cannot see.
   */
  private static String escapes(Path root, Path file) throws IOException {
    Path real = file.toRealPath();
    return real.startsWith(root.toRealPath()) ? null
        : "is a symbolic link to " + real + ", outside the dataset folder " + root;
  }

  private static void finish(Path root, List<String> classes, List<ImageEntry> entries, boolean allowEmptyClasses,
      List<String> problems, String what) {
    Dataset.checkLabelsOfDuplicates(entries, classes, problems);
    if (!allowEmptyClasses) {
      int[] counts = new int[classes.size()];
      entries.forEach(e -> counts[e.label()]++);
      for (int c = 0; c < counts.length; c++) {
        if (counts[c] == 0) {
          problems.add(root + ": class '" + classes.get(c) + "' has no images");
        }
      }
    }
    if (entries.isEmpty() && problems.isEmpty()) {
      problems.add(root + ": no images found");
    }
    if (!problems.isEmpty()) {
      throw new DataException(what, problems);
    }
  }

  private static void checkClasses(List<String> classes) {
    if (classes.isEmpty() || classes.stream().distinct().count() != classes.size()) {
      throw new IllegalArgumentException("classes must be distinct and non-empty: " + classes);
    }
  }

  private static List<Path> sorted(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
