package org.cxrlstm.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.cxrlstm.model.Architecture;

/**
 * One training run of a sweep: an arm of the grid on one fold. The setting columns are kept as
 * their canonical strings (what plan.csv and every merged CSV hold) and parsed once into typed
 * values when the trial is made.
 */
public final class Trial {
  /** The trial setting columns of plan.csv and every merged CSV: arch, fold, seed, then {@link Keys#DIMENSIONS}. */
  public static final List<String> COLUMNS = Stream.concat(Stream.of(Keys.ARCHITECTURE.column(), "fold", "seed"),
      Keys.DIMENSIONS.stream().map(Dimension::column)).toList();
  /** An arm: the setting columns without fold and seed. */
  public static final List<String> ARM_COLUMNS = COLUMNS.stream()
      .filter(c -> !c.equals("fold") && !c.equals("seed")).toList();
  /** Settings that are the same for every trial but change what a trial computes. */
  public static final List<String> FIXED_KEYS = List.of("test.fraction", "folds", "init", "normalization", "patience",
      "lr.decay.factor", "lr.decay.patience", "augment.rotation", "augment.shift", "augment.zoom",
      "augment.flip", "synthetic", "synthetic.per.class", "synthetic.size");
  private static final List<String> REAL_FIXED_KEYS = List.of("test.fraction", "lr.decay.factor",
      "augment.rotation", "augment.shift", "augment.zoom");

  private final int index;
  private final String id;
  private final Map<String, String> settings;
  private final Architecture architecture;
  private final int fold;
  private final long seed;
  private final double learningRate;
  private final int epochs;
  private final int lstmUnits;
  private final boolean augment;
  private final int inputSize;
  private final double width;
  private final int batchSize;
  private final double dropout;

  /**
   * @param index    position in the plan (0-based), the {@code -Dtrial} / array-task index
   * @param id       {@code <arch>-f<fold>-<hash8>}, the same in every process and on every machine
   * @param settings the trial setting columns ({@link #COLUMNS}) in order, canonical values
   */
  public Trial(int index, String id, Map<String, String> settings) {
    this.index = index;
    this.id = id;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    this.architecture = settings.containsKey("arch") ? Architecture.parse(settings.get("arch")) : null;
    this.fold = intOf("fold");
    this.seed = settings.getOrDefault("seed", "").isEmpty() ? 0 : Long.parseLong(settings.get("seed"));
    this.learningRate = realOf("learning_rate");
    this.epochs = intOf("epochs");
    this.lstmUnits = intOf("lstm_units");
    this.augment = Boolean.parseBoolean(settings.get("augment"));
    this.inputSize = intOf("input_size");
    this.width = realOf("width");
    this.batchSize = intOf("batch_size");
    this.dropout = realOf("dropout");
  }

  private int intOf(String column) {
    String v = settings.get(column);
    return v == null || v.isEmpty() ? 0 : Integer.parseInt(v);
  }

  private double realOf(String column) {
    String v = settings.get(column);
    return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
  }

  public int index() {
    return index;
  }

  public String id() {
    return id;
  }

  public Map<String, String> settings() {
    return settings;
  }

  public Architecture architecture() {
    return architecture;
  }

  public int fold() {
    return fold;
  }

  public long seed() {
    return seed;
  }

  public double learningRate() {
    return learningRate;
  }

  public int epochs() {
    return epochs;
  }

  /** 0 for the CNN, which has no LSTM. */
  public int lstmUnits() {
    return lstmUnits;
  }

  public boolean augment() {
    return augment;
  }

  public String mask() {
    return settings.get("mask");
  }

  /** As planned: float32, bf16 or auto (resolved on the machine that runs the trial). */
  public String precision() {
    return settings.get("precision");
  }

  public int inputSize() {
    return inputSize;
  }

  public double width() {
    return width;
  }

  public int batchSize() {
    return batchSize;
  }

  public double dropout() {
    return dropout;
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
    return seed * 1_000_003L + fold;
  }

  /**
   * One spelling per value, so {@code 3e-4} and {@code 0.0003} give the same trial id; {@code key}
   * is a setting column or a fixed key.
   */
  public static String canonical(String key, String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      return v;
    }
    if (isReal(key)) {
      return BigDecimal.valueOf(Double.parseDouble(v)).stripTrailingZeros().toPlainString();
    }
    if (v.matches("[+-]?\\d+")) {
      return String.valueOf(Long.parseLong(v));
    }
    return v;
  }

  private static boolean isReal(String key) {
    return REAL_FIXED_KEYS.contains(key)
        || Keys.DIMENSIONS.stream().anyMatch(d -> d.real() && (d.column().equals(key) || d.key().equals(key)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trial t && t.index == index && t.id.equals(id) && t.settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, id, settings);
  }

  @Override
  public String toString() {
    return "Trial[" + index + ", " + id + ", " + settings + "]";
  }
}
