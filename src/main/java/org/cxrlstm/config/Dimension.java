package org.cxrlstm.config;

/**
 * One trial setting, declared once in {@link Keys#DIMENSIONS}: the key of experiment files, the
 * column of plan.csv and every merged CSV, the values it accepts, and whether a comma-separated
 * list of values is swept (then the plan holds one trial per value). Making a setting sweepable
 * is a change of {@code sweepable} in its declaration and nothing else.
 *
 * @param key          the experiment-file key, e.g. {@code learning.rates}
 * @param column       the CSV column and trial setting, e.g. {@code learning_rate}
 * @param kind         the values one entry accepts
 * @param real         numbers written in one canonical spelling ({@code 3e-4} = {@code 0.0003})
 * @param sweepable    whether the key takes a list of values, each its own arm
 * @param cnnValue     the value the CNN arm takes whatever is listed (the CNN has no LSTM), or null
 * @param defaultValue the default, or null when the key is required
 * @param meaning      one line for the key list
 */
public record Dimension(String key, String column, ValueKind kind, boolean real, boolean sweepable,
    String cnnValue, String defaultValue, String meaning) {

  /** The schema entry: a list of {@code kind} when swept, else one value. */
  public Keys.Key asKey() {
    return new Keys.Key(key, sweepable ? ValueKind.list(kind) : kind, defaultValue, meaning);
  }
}
