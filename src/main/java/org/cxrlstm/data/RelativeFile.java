package org.cxrlstm.data;

import java.nio.file.Path;

/** Checks that a manifest's file names stay inside the dataset root. */
final class RelativeFile {
  private RelativeFile() {}

  /** Why {@code file} is not a safe relative path, or {@code null} when it is. */
  static String problem(String file) {
    if (file == null || file.isBlank()) {
      return "is empty";
    }
    if (file.startsWith("/") || file.contains("\\") || file.contains(":") || Path.of(file).isAbsolute()) {
      return "is not a relative path with '/' separators (absolute paths are refused)";
    }
    for (String part : file.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return "has an empty, '.' or '..' path segment (it must stay inside the dataset folder)";
      }
    }
    return null;
  }

  /** {@code root/file}, after {@link #problem} found nothing wrong. */
  static Path resolve(Path root, String file) {
    String problem = problem(file);
    if (problem != null) {
      throw new DataException("file '" + file + "' " + problem);
    }
    return root.resolve(file);
  }
}
