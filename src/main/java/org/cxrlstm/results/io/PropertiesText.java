package org.cxrlstm.results.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Reading and writing {@code .properties} text with the JDK's escaping, in a stable key order. */
public final class PropertiesText {
  private PropertiesText() {}

  /** One escaped {@code key=value} line, exactly as {@link Properties#store} writes it. */
  public static String line(String key, String value) {
    Properties one = new Properties();
    one.setProperty(key, value);
    StringWriter out = new StringWriter();
    try {
      one.store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] lines = out.toString().split("\n");
    return lines[lines.length - 1].stripTrailing() + "\n";
  }

  /** Every key of {@code file}, sorted; a malformed file is an error naming it. */
  public static Map<String, String> read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a valid properties file: " + e.getMessage(), e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<Object, Object> e : new TreeMap<>(p).entrySet()) {
      out.put(e.getKey().toString(), e.getValue().toString());
    }
    return out;
  }
}
