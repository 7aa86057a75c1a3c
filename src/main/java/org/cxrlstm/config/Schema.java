package org.cxrlstm.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keys one command accepts, each with its kind of value and default. {@link #resolve} is the
 * one place a command's settings are checked: an unknown key, a missing required key and an
 * invalid value fail with the same message whichever command is run, naming the key.
 */
public final class Schema {
  private final String owner;
  private final Map<String, Keys.Key> keys = new LinkedHashMap<>();

  private Schema(String owner, Collection<Keys.Key> keys) {
    this.owner = owner;
    for (Keys.Key k : keys) {
      if (this.keys.put(k.name(), k) != null) {
        throw new IllegalArgumentException("key " + k.name() + " declared twice for " + owner);
      }
    }
  }

  /** The keys of command {@code owner}, in the order the key list shows them. */
  public static Schema of(String owner, Collection<Keys.Key> keys) {
    return new Schema(owner, keys);
  }

  public static Schema of(String owner, Keys.Key... keys) {
    return new Schema(owner, List.of(keys));
  }

  /** The same keys, {@code name} defaulting to {@code value}. */
  public Schema withDefault(String name, String value) {
    Map<String, Keys.Key> copy = new LinkedHashMap<>(keys);
    copy.put(name, copy.get(name).withDefault(value));
    return new Schema(owner, copy.values());
  }

  public String owner() {
    return owner;
  }

  public Map<String, Keys.Key> keys() {
    return java.util.Collections.unmodifiableMap(keys);
  }

  /**
   * Every key of this schema with its value: given ones checked, missing optional ones defaulted.
   *
   * @throws SettingException for the first unknown key (in sorted order), missing required key or invalid value
   */
  public Settings resolve(Settings given) {
    for (String name : new TreeMap<>(given.asMap()).keySet()) {
      if (!keys.containsKey(name)) {
        throw unknown(name);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Keys.Key k : keys.values()) {
      String raw = given.asMap().get(k.name());
      if (raw == null || raw.isBlank()) {
        if (k.required()) {
          throw new SettingException(k.name(), null, "is missing (" + k.meaning() + ")");
        }
        raw = k.defaultValue();
      }
      raw = raw.trim();
      if (!raw.isEmpty()) {
        k.kind().check(k.name(), raw);
      }
      out.put(k.name(), raw);
    }
    return Settings.of(out);
  }

  /** The refusal of a key this command does not know, with the nearest known key. */
  public SettingException unknown(String name) {
    String near = nearest(name, keys.keySet());
    String hint;
    if (near != null) {
      hint = "; did you mean '" + near + "'?";
    } else {
      String elsewhere = nearest(name, Keys.all().keySet());
      hint = elsewhere != null
          ? "; '" + elsewhere + "' is a sweep experiment's key, not one of " + owner
          : "";
    }
    return new SettingException(name, null, "is not a setting of " + owner + hint
        + "; -Dexperiment=keys lists the keys of every command");
  }

  private static String nearest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = 4;
    for (String k : candidates) {
      int d = distance(name.toLowerCase(), k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  /** Key names, for messages. */
  public List<String> names() {
    return new ArrayList<>(keys.keySet());
  }
}
