package org.cxrlstm.config;

import java.util.Arrays;
import java.util.List;
import org.cxrlstm.train.Precision;

/** What values a setting accepts; {@link #check} throws a {@link SettingException} naming key and value. */
public interface ValueKind {
  /** Throws when {@code raw} (trimmed, non-blank) is not a valid value of {@code key}. */
  void check(String key, String raw);

  /** A short description for the key list, e.g. {@code integer 1..50}. */
  String describe();

  static ValueKind text() {
    return of("text", (key, raw) -> {});
  }

  static ValueKind bool() {
    return of("true|false", (key, raw) -> {
      if (!raw.equals("true") && !raw.equals("false")) {
        throw new SettingException(key, raw, "is not a boolean (allowed: true, false)");
      }
    });
  }

  static ValueKind integer(int min, int max) {
    return of("integer " + min + ".." + max, (key, raw) -> {
      long v;
      try {
        v = Long.parseLong(raw);
      } catch (NumberFormatException e) {
        throw new SettingException(key, raw, "is not a whole number");
      }
      if (v < min || v > max) {
        throw new SettingException(key, raw, "is outside " + min + ".." + max);
      }
    });
  }

  /** Blank or an integer in range. */
  static ValueKind optionalInteger(int min, int max) {
    ValueKind inner = integer(min, max);
    return of("blank or " + inner.describe(), inner::check);
  }

  static ValueKind longInteger() {
    return of("whole number", (key, raw) -> {
      try {
        Long.parseLong(raw);
      } catch (NumberFormatException e) {
        throw new SettingException(key, raw, "is not a whole number");
      }
    });
  }

  static ValueKind real(double min, double max) {
    return of("number " + min + ".." + max, (key, raw) -> {
      double v;
      try {
        v = Double.parseDouble(raw);
      } catch (NumberFormatException e) {
        throw new SettingException(key, raw, "is not a number");
      }
      if (!(v >= min && v <= max)) {
        throw new SettingException(key, raw, "is outside " + min + ".." + max);
      }
    });
  }

  static ValueKind choice(String... allowed) {
    List<String> values = Arrays.asList(allowed);
    return of(String.join("|", values), (key, raw) -> {
      if (!values.contains(raw)) {
        throw new SettingException(key, raw, "is not allowed (allowed: " + String.join(", ", values) + ")");
      }
    });
  }

  /** {@code auto} or a positive thread count. */
  static ValueKind threads() {
    ValueKind count = integer(1, 4096);
    return of("auto|" + count.describe(), (key, raw) -> {
      if (!raw.equals("auto")) {
        count.check(key, raw);
      }
    });
  }

  /** float32, bf16 or auto, as {@link Precision#choose} decides on this machine's CPU. */
  static ValueKind precision() {
    return of("float32|bf16|auto", (key, raw) -> {
      try {
        Precision.choose(raw, Precision.cpuFlags(), false);
      } catch (IllegalArgumentException e) {
        throw new SettingException(key, raw, "cannot be used here: " + e.getMessage());
      }
    });
  }

  /** A comma-separated, non-empty list of {@code element} values. */
  static ValueKind list(ValueKind element) {
    return of("list of " + element.describe(), (key, raw) -> {
      for (String part : raw.split(",", -1)) {
        String item = part.trim();
        if (item.isEmpty()) {
          throw new SettingException(key, raw, "has an empty list entry");
        }
        try {
          element.check(key, item);
        } catch (SettingException e) {
          String detail = e.getMessage().substring(e.getMessage().indexOf("' = '" + item + "' ") + 5 + item.length() + 2);
          throw new SettingException(key, raw, "has entry '" + item + "' that " + detail);
        }
      }
    });
  }

  private static ValueKind of(String description, Checker checker) {
    return new ValueKind() {
      @Override
      public void check(String key, String raw) {
        checker.check(key, raw.trim());
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }

  /** The checking function of a kind. */
  interface Checker {
    void check(String key, String raw);
  }
}
