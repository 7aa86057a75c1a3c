package org.cxrlstm.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded percentile bootstrap over test units (Efron and Tibshirani 1993). A unit is a patient
 * when the data give patient ids, otherwise an image: all images of a drawn patient enter the
 * replicate together, so correlated images of one patient do not narrow the interval.
 *
 * <p>The same seed, units and statistic give the same interval in every run.
 */
public final class Bootstrap {
  /** Replicates by default: enough for stable 2.5/97.5 percentiles at a few ms per table. */
  public static final int REPLICATES_DEFAULT = 2000;

  private final long seed;
  private final int replicates;

  public Bootstrap(long seed, int replicates) {
    if (replicates < 10) {
      throw new IllegalArgumentException("bootstrap needs at least 10 replicates, got " + replicates);
    }
    this.seed = seed;
    this.replicates = replicates;
  }

  public Bootstrap(long seed) {
    this(seed, REPLICATES_DEFAULT);
  }

  public long seed() {
    return seed;
  }

  public int replicates() {
    return replicates;
  }

  /** A statistic of the items at the given positions (positions may repeat). */
  @FunctionalInterface
  public interface Statistic {
    double of(int[] positions);
  }

  /**
   * The statistic on all items and its 95% percentile interval; {@code unitOf[i]} names the
   * resampling unit (patient id) of item {@code i}. Replicates where the statistic is undefined
   * (NaN) are left out; if more than half are, the interval is undefined.
   */
  public Estimate interval(String[] unitOf, Statistic statistic) {
    int[] all = new int[unitOf.length];
    Arrays.setAll(all, i -> i);
    double value = statistic.of(all);
    if (unitOf.length == 0) {
      return Estimate.UNDEFINED;
    }
    double[] sorted = replicates(unitOf, statistic);
    if (sorted == null) {
      return new Estimate(value, Double.NaN, Double.NaN);
    }
    return new Estimate(value, quantile(sorted, 0.025), quantile(sorted, 0.975));
  }

  /**
   * The bootstrap bias-corrected statistic {@code 2 t - mean(t*)} with the 95% basic (reverse
   * percentile) interval {@code [2 t - q97.5(t*), 2 t - q2.5(t*)]} (Efron and Tibshirani 1993,
   * section 10.6; Davison and Hinkley 1997, section 5.2). Both assume that the replicates {@code t*}
   * lie around {@code t} as {@code t} lies around the truth, so a statistic that is biased upward
   * (its replicates sit above it) is moved down by the same amount. Unlike percentile and BCa
   * intervals, whose bounds are always replicate values, these bounds can reach below every
   * replicate: needed for a statistic such as the calibration error, whose replicates all exceed
   * the truth when the truth is at the edge of its range. Same resampling and seed as
   * {@link #interval(String[], Statistic)}.
   */
  public Estimate biasCorrected(String[] unitOf, Statistic statistic) {
    if (unitOf.length == 0) {
      return Estimate.UNDEFINED;
    }
    int[] all = new int[unitOf.length];
    Arrays.setAll(all, i -> i);
    double value = statistic.of(all);
    double[] sorted = replicates(unitOf, statistic);
    if (Double.isNaN(value) || sorted == null) {
      return new Estimate(value, Double.NaN, Double.NaN);
    }
    double mean = Arrays.stream(sorted).average().orElseThrow();
    return new Estimate(2 * value - mean, 2 * value - quantile(sorted, 0.975), 2 * value - quantile(sorted, 0.025));
  }

  /**
   * The statistic on every replicate, sorted; replicates where it is undefined (NaN) are left out,
   * and if more than half are, null (the interval is undefined).
   */
  private double[] replicates(String[] unitOf, Statistic statistic) {
    int[][] units = groups(unitOf);
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[replicates];
    int kept = 0;
    for (int r = 0; r < replicates; r++) {
      double v = statistic.of(draw(units, unitOf.length, random));
      if (!Double.isNaN(v)) {
        values[kept++] = v;
      }
    }
    if (kept < replicates / 2) {
      return null;
    }
    double[] sorted = Arrays.copyOf(values, kept);
    Arrays.sort(sorted);
    return sorted;
  }

  /** Each item its own unit. */
  public Estimate interval(int items, Statistic statistic) {
    String[] units = new String[items];
    Arrays.setAll(units, Integer::toString);
    return interval(units, statistic);
  }

  private static int[][] groups(String[] unitOf) {
    Map<String, List<Integer>> byUnit = new LinkedHashMap<>();
    for (int i = 0; i < unitOf.length; i++) {
      byUnit.computeIfAbsent(unitOf[i], k -> new ArrayList<>()).add(i);
    }
    return byUnit.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  private static int[] draw(int[][] units, int expected, SplittableRandom random) {
    int[] out = new int[expected * 2];
    int n = 0;
    for (int u = 0; u < units.length; u++) {
      int[] unit = units[random.nextInt(units.length)];
      if (n + unit.length > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, n + unit.length));
      }
      System.arraycopy(unit, 0, out, n, unit.length);
      n += unit.length;
    }
    return Arrays.copyOf(out, n);
  }

  /** Linear interpolation between order statistics (type 7, as R and NumPy default). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
