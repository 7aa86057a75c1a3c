package org.cxrlstm.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads {@code experiments/NAME.properties}; a key given twice or a malformed line is an error naming the file. */
final class ExperimentFile {
  private ExperimentFile() {}

  static Map<String, String> read(Path file) throws IOException {
    Map<String, String> ordered = new LinkedHashMap<>();
    Properties strict = new Properties() {
      @Override
      public synchronized Object put(Object key, Object value) {
        if (ordered.containsKey(key.toString())) {
          throw new SettingException(key.toString(), value.toString(), "is given twice in " + file);
        }
        ordered.put(key.toString(), value.toString().trim());
        return super.put(key, value);
      }
    };
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      strict.load(r);
    } catch (SettingException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a valid properties file: " + e.getMessage(), e);
    }
    return ordered;
  }

  /** The {@code description} of a file for the experiment list, or the problem reading it. */
  static String description(Path file) {
    try {
      return read(file).getOrDefault("description", "(no description)");
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
