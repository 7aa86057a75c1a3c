package org.cxrlstm.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of resolved settings (experiment file plus command-line overrides).
 *
 * <p>Every typed getter names the key and the offending value when it fails, so a bad
 * {@code -Dkey=value} is reported before any work starts.
 */
public final class Settings {
  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Settings of(Map<String, String> values) {
    return new Settings(values);
  }

  public static Settings empty() {
    return new Settings(Map.of());
  }

  /** A copy with {@code overrides} replacing or adding keys. */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    merged.putAll(overrides);
    return new Settings(merged);
  }

  public Settings with(String key, String value) {
    return with(Map.of(key, value));
  }

  public Map<String, String> asMap() {
    return values;
  }

  public boolean has(String key) {
    return values.containsKey(key) && !values.get(key).isBlank();
  }

  public Optional<String> optional(String key) {
    return has(key) ? Optional.of(values.get(key).trim()) : Optional.empty();
  }

  public String string(String key) {
    return optional(key).orElseThrow(() -> new SettingException(key, null, "is missing"));
  }

  public String string(String key, String fallback) {
    return optional(key).orElse(fallback);
  }

  public int integer(String key) {
    return parseInt(key, string(key));
  }

  public int integer(String key, int fallback) {
    return has(key) ? integer(key) : fallback;
  }

  public long longValue(String key) {
    String raw = string(key);
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new SettingException(key, raw, "is not a whole number");
    }
  }

  public double real(String key) {
    return parseReal(key, string(key));
  }

  public double real(String key, double fallback) {
    return has(key) ? real(key) : fallback;
  }

  public boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    String raw = string(key);
    return switch (raw) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new SettingException(key, raw, "is not a boolean (allowed: true, false)");
    };
  }

  /** A comma-separated list; blank entries are an error. */
  public List<String> list(String key) {
    List<String> out = new ArrayList<>();
    for (String part : string(key).split(",", -1)) {
      String item = part.trim();
      if (item.isEmpty()) {
        throw new SettingException(key, string(key), "has an empty list entry");
      }
      out.add(item);
    }
    return List.copyOf(out);
  }

  public List<Integer> integers(String key) {
    return list(key).stream().map(v -> parseInt(key, v)).toList();
  }

  public List<Double> reals(String key) {
    return list(key).stream().map(v -> parseReal(key, v)).toList();
  }

  private static int parseInt(String key, String raw) {
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new SettingException(key, raw, "is not a whole number");
    }
  }

  private static double parseReal(String key, String raw) {
    try {
      double v = Double.parseDouble(raw.trim());
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new SettingException(key, raw, "is not a finite number");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new SettingException(key, raw, "is not a number");
    }
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
