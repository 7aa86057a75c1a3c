package org.cxrlstm.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cxrlstm.model.Architecture;

/**
 * One training run of a sweep: an arm of the grid on one fold.
 *
 * @param index    position in the plan (0-based), the {@code -Dtrial} / array-task index
 * @param id       {@code <arch>-f<fold>-<hash8>}, the same in every process and on every machine
 * @param settings the trial setting columns ({@link Plan#COLUMNS}) in order, canonical values
 */
public record Trial(int index, String id, Map<String, String> settings) {
  public Trial {
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  public Architecture architecture() {
    return Architecture.parse(settings.get("arch"));
  }

  public int fold() {
    return Integer.parseInt(settings.get("fold"));
  }

  public long seed() {
    return Long.parseLong(settings.get("seed"));
  }

  public double learningRate() {
    return Double.parseDouble(settings.get("learning_rate"));
  }

  public int epochs() {
    return Integer.parseInt(settings.get("epochs"));
  }

  /** 0 for the CNN, which has no LSTM. */
  public int lstmUnits() {
    return Integer.parseInt(settings.get("lstm_units"));
  }

  public boolean augment() {
    return Boolean.parseBoolean(settings.get("augment"));
  }

  public String mask() {
    return settings.get("mask");
  }

  /** As planned: float32, bf16 or auto (resolved on the machine that runs the trial). */
  public String precision() {
    return settings.get("precision");
  }

  public int inputSize() {
    return Integer.parseInt(settings.get("input_size"));
  }

  public double width() {
    return Double.parseDouble(settings.get("width"));
  }

  public int batchSize() {
    return Integer.parseInt(settings.get("batch_size"));
  }

  public double dropout() {
    return Double.parseDouble(settings.get("dropout"));
  }

  /** The arm: the setting columns without fold and seed. */
  public Map<String, String> arm() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String c : Plan.ARM_COLUMNS) {
      out.put(c, settings.get(c));
    }
    return out;
  }

  /**
   * Seed of this trial's initial weights, shuffling and augmentation: the experiment seed mixed
   * with the fold, so the fold models of an ensemble start from different weights, while both
   * architectures and every swept value see the same draws on the same fold.
   */
  public long trainingSeed() {
    return seed() * 1_000_003L + fold();
  }
}
