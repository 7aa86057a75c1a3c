package org.cxrlstm.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cxrlstm.config.Dimension;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.SplitSettings;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.PlanFile;

/**
 * The deterministic trial list of an experiment: repeat-major (every repeat's folds complete before
 * the next repeat starts), then fold-major (every arm on fold 0 first, so the first trials already
 * compare both architectures), then the swept keys in their declared order with the architecture
 * innermost. Repeat r trains with seed {@code seed + r} (the trial's {@code seed} column) on the
 * same split. A trial id is {@code <arch>-f<fold>-<hash8>}, hash8 the first 8 hex digits of the
 * sha256 of the sorted {@code key=value} lines of its setting columns and of
 * {@link Trial#FIXED_KEYS}, so a changed setting makes new trials instead of mixing with old ones.
 */
public final class Plan {
  private final List<Trial> trials;

  private Plan(List<Trial> trials) {
    this.trials = List.copyOf(trials);
  }

  /**
   * The plan of resolved settings ({@link Keys#resolve}): for each repeat and fold, the cartesian
   * product of {@link Keys#DIMENSIONS} in declared order (a fixed one has one value), the
   * architecture innermost.
   */
  public static Plan of(Settings s) {
    Map<String, String> fixed = new TreeMap<>();
    for (String k : Trial.FIXED_KEYS) {
      fixed.put(k, Trial.canonical(k, s.string(k, "")));
    }
    long seed = s.longValue("seed");
    long splitSeed = SplitSettings.splitSeed(s);
    List<List<String>> values = new ArrayList<>();
    for (Dimension d : Keys.DIMENSIONS) {
      values.add((d.sweepable() ? s.list(d.key()) : List.of(s.string(d.key())))
          .stream().map(v -> Trial.canonical(d.column(), v)).toList());
    }
    Set<Map<String, String>> rows = new LinkedHashSet<>();
    for (int repeat = 0; repeat < s.integer("repeats", 1); repeat++) {
      for (int fold = 0; fold < s.integer("folds"); fold++) {
        for (List<String> combination : product(values)) {
          for (String arch : s.list(Keys.ARCHITECTURE.key())) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put(Keys.ARCHITECTURE.column(), arch);
            row.put("fold", String.valueOf(fold));
            row.put("seed", String.valueOf(seed + repeat));
            for (int i = 0; i < combination.size(); i++) {
              Dimension d = Keys.DIMENSIONS.get(i);
              boolean cnn = arch.equals("cnn") && d.cnnValue() != null;
              row.put(d.column(), cnn ? d.cnnValue() : combination.get(i));
            }
            rows.add(row);
          }
        }
      }
    }
    List<Trial> trials = new ArrayList<>();
    for (Map<String, String> row : rows) {
      trials.add(new Trial(trials.size(), id(row, withSplitSeed(fixed, row, splitSeed)), row));
    }
    return new Plan(trials);
  }


  /**
   * The fixed settings of one row: {@code split.seed} is hashed only where it differs from the row's
   * seed, so trials whose split and training share one seed (every experiment with one repeat and no
   * split.seed) keep the ids they had before split.seed and repeats existed.
   */
  private static Map<String, String> withSplitSeed(Map<String, String> fixed, Map<String, String> row, long splitSeed) {
    if (Long.parseLong(row.get("seed")) == splitSeed) {
      return fixed;
    }
    Map<String, String> out = new TreeMap<>(fixed);
    out.put("split.seed", String.valueOf(splitSeed));
    return out;
  }

  /** Every combination of one value per list, the first list outermost. */
  private static List<List<String>> product(List<List<String>> lists) {
    List<List<String>> out = new ArrayList<>(List.of(List.of()));
    for (List<String> values : lists) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String v : values) {
          List<String> longer = new ArrayList<>(prefix);
          longer.add(v);
          next.add(longer);
        }
      }
      out = next;
    }
    return out;
  }

  public List<Trial> trials() {
    return trials;
  }

  public int size() {
    return trials.size();
  }

  /** Trial {@code index}; an index outside the plan is a setting error naming it. */
  public Trial trial(int index) {
    if (index < 0 || index >= trials.size()) {
      throw new SettingException("trial", String.valueOf(index),
          "is outside this plan's trials 0.." + (trials.size() - 1));
    }
    return trials.get(index);
  }

  static String id(Map<String, String> row, Map<String, String> fixed) {
    Map<String, String> all = new TreeMap<>(row);
    all.putAll(fixed);
    StringBuilder text = new StringBuilder();
    all.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return row.get("arch") + "-f" + row.get("fold") + "-" + HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }



  /** Writes plan.csv (trial_index, trial_id, setting columns) atomically. */
  public void write(Path file) throws IOException {
    PlanFile.write(file, trials);
  }

  /** Whether plan.csv at {@code file} lists exactly this plan's trials. */
  public boolean matches(Path file) throws IOException {
    return PlanFile.readIds(file).equals(trials.stream().map(Trial::id).toList());
  }
}
