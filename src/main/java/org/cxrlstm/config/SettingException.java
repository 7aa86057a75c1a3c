package org.cxrlstm.config;

/** A setting that is missing, malformed or out of range; the message names the key and value. */
public final class SettingException extends IllegalArgumentException {
  private final String key;

  public SettingException(String key, String value, String problem) {
    super(value == null
        ? "setting '" + key + "' " + problem
        : "setting '" + key + "' = '" + value + "' " + problem);
    this.key = key;
  }

  private SettingException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The same problem, its message starting with where the setting was written ({@code FILE line N}). */
  public SettingException at(String place) {
    return new SettingException(key, place + ": " + getMessage());
  }

  public String key() {
    return key;
  }
}
