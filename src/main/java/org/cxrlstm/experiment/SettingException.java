package org.cxrlstm.experiment;

/** A setting that is missing, malformed or out of range; the message names the key and value. */
public final class SettingException extends IllegalArgumentException {
  private final String key;

  public SettingException(String key, String value, String problem) {
    super(value == null
        ? "setting '" + key + "' " + problem
        : "setting '" + key + "' = '" + value + "' " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
