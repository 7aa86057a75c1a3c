package org.cxrlstm.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.cxrlstm.data.DataException;

/** Reads {@code experiments/NAME.properties}; a key given twice or a malformed line is an error naming the file and line. */
public final class ExperimentFile {
  private ExperimentFile() {}

  public static Map<String, String> read(Path file) throws IOException {
    Map<String, String> ordered = new LinkedHashMap<>();
    Properties strict = new Properties() {
      @Override
      public synchronized Object put(Object key, Object value) {
        if (ordered.containsKey(key.toString())) {
          throw new SettingException(key.toString(), value.toString(), "is given twice");
        }
        ordered.put(key.toString(), value.toString().trim());
        return super.put(key, value);
      }
    };
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      strict.load(r);
    } catch (SettingException e) {
      throw e.at(file + " line " + line(file, e.key()));
    } catch (IllegalArgumentException e) {
      // java.util.Properties rejects only a malformed unicode escape, and without saying where
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (MALFORMED_ESCAPE.matcher(lines.get(i)).find()) {
          throw new DataException(file + " line " + (i + 1) + ": malformed \\uXXXX escape (" + e.getMessage()
              + "); write a backslash as \\\\");
        }
      }
      throw new DataException(file + " is not a valid properties file: " + e.getMessage());
    }
    return ordered;
  }

  private static final Pattern MALFORMED_ESCAPE = Pattern.compile("(?<!\\\\)\\\\u(?![0-9a-fA-F]{4})");

  /**
   * The 1-based line where {@code file} sets {@code key} (its last setting, the one that counts),
   * or 0 when no line does. Keys end at the first unescaped {@code =}, {@code :} or blank, as
   * {@link Properties#load(Reader)} reads them; comment and continuation lines are skipped.
   */
  public static int line(Path file, String key) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int found = 0;
    boolean continued = false;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).stripLeading();
      boolean starts = !continued && !text.isEmpty() && text.charAt(0) != '#' && text.charAt(0) != '!';
      if (starts && keyOf(text).equals(key)) {
        found = i + 1;
      }
      continued = (continued || starts) && endsInOddBackslashes(lines.get(i));
    }
    return found;
  }

  private static String keyOf(String text) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        key.append(text.charAt(++i));
      } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
        break;
      } else {
        key.append(c);
      }
    }
    return key.toString();
  }

  private static boolean endsInOddBackslashes(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  /** The {@code description} of a file for the experiment list, or the problem reading it. */
  public static String description(Path file) {
    try {
      return read(file).getOrDefault("description", "(no description)");
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
