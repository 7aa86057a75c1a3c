package org.cxrlstm.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.model.Architecture;

/**
 * One training run of a sweep: an arm of the grid on one fold.
 *
 * @param index    position in the plan (0-based), the {@code -Dtrial} / array-task index
 * @param id       {@code <arch>-f<fold>-<hash8>}, the same in every process and on every machine
 * @param settings the trial setting columns ({@link #COLUMNS}) in order, canonical values
 */
public record Trial(int index, String id, Map<String, String> settings) {
  /** The trial setting columns of plan.csv and every merged CSV (docs/architecture.md). */
  public static final List<String> COLUMNS = List.of("arch", "fold", "seed", "learning_rate", "epochs",
      "lstm_units", "augment", "mask", "precision", "input_size", "width", "batch_size", "dropout");
  /** An arm: the setting columns without fold and seed. */
  public static final List<String> ARM_COLUMNS = COLUMNS.stream()
      .filter(c -> !c.equals("fold") && !c.equals("seed")).toList();
  /** Settings that are the same for every trial but change what a trial computes. */
  public static final List<String> FIXED_KEYS = List.of("test.fraction", "folds", "init", "normalization", "patience",
      "lr.decay.factor", "lr.decay.patience", "augment.rotation", "augment.shift", "augment.zoom",
      "augment.flip", "synthetic", "synthetic.per.class", "synthetic.size");
  private static final List<String> REAL_KEYS = List.of("learning.rates", "learning_rate", "width", "dropout",
      "test.fraction", "lr.decay.factor", "augment.rotation", "augment.shift", "augment.zoom");

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
    for (String c : ARM_COLUMNS) {
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

  /** One spelling per value, so {@code 3e-4} and {@code 0.0003} give the same trial id. */
  public static String canonical(String key, String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      return v;
    }
    if (REAL_KEYS.contains(key)) {
      return BigDecimal.valueOf(Double.parseDouble(v)).stripTrailingZeros().toPlainString();
    }
    if (v.matches("[+-]?\\d+")) {
      return String.valueOf(Long.parseLong(v));
    }
    return v;
  }
}
