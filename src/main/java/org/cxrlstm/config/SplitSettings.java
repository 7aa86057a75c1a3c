package org.cxrlstm.config;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.Manifest;
import org.cxrlstm.data.image.ImageStore;
import org.cxrlstm.data.image.PerceptualHash;
import org.cxrlstm.split.NearDuplicates;
import org.cxrlstm.split.Split;
import org.cxrlstm.split.Splitter;

/**
 * The split settings turned into a {@link Split}: the split seed ({@link #splitSeed}), {@code folds}, and either the
 * stratified hold-out {@code test.fraction} or the manifest's images {@code test.where=COLUMN=VALUE};
 * {@code near.duplicates} links images of two patients that {@link NearDuplicates} finds the same film.
 */
public final class SplitSettings {
  private SplitSettings() {}

  public static Split split(Settings s, Dataset dataset, PrintStream out) throws IOException {
    int folds = s.integer("folds");
    List<int[]> links = links(s, dataset, out);
    String where = s.string("test.where", "").trim();
    try {
      if (where.isEmpty()) {
        return Splitter.split(dataset, s.real("test.fraction"), folds, splitSeed(s), links);
      }
      return Splitter.split(dataset, inTest(s, dataset, where), folds, splitSeed(s), links);
    } catch (IllegalArgumentException e) {
      String key = where.isEmpty() ? "folds" : "test.where";
      throw new SettingException(key, where.isEmpty() ? String.valueOf(folds) : where,
          "cannot split this dataset: " + e.getMessage());
    }
  }

  /** Near-duplicate pairs of two patients, from the hashes of the images decoded at 32 px (cached like any size). */
  static List<int[]> links(Settings s, Dataset dataset, PrintStream out) throws IOException {
    int bits = s.integer("near.duplicates", NearDuplicates.BITS_DEFAULT);
    if (bits < 0) {
      return List.of();
    }
    List<NearDuplicates.Pair> pairs = NearDuplicates.acrossPatients(dataset, small(dataset, s), bits);
    if (!pairs.isEmpty()) {
      out.println(pairs.size() + " near-duplicate pairs of two patients (<= " + bits
          + " of 64 hash bits) kept on one side of the split");
    }
    return NearDuplicates.links(pairs);
  }

  /** The images at the hash's 32 px, decoded once and cached like any input size. */
  public static ImageStore small(Dataset dataset, Settings s) throws IOException {
    return ImageStore.load(dataset, PerceptualHash.SIDE, Path.of(s.string("cache.dir", "data/cache")));
  }

  /** Which images the manifest's column says are the test set. */
  private static boolean[] inTest(Settings s, Dataset dataset, String where) throws IOException {
    int eq = where.indexOf('=');
    if (eq <= 0 || eq == where.length() - 1) {
      throw new SettingException("test.where", where, "is not COLUMN=VALUE (e.g. source=nih)");
    }
    if (s.has("data")) {
      throw new SettingException("test.where", where, "needs a manifest; the ImageFolder of 'data' has no columns");
    }
    String column = where.substring(0, eq).trim();
    String value = where.substring(eq + 1).trim();
    Manifest manifest = Manifest.read(DatasetSettings.manifest(s));
    if (!manifest.hasColumn(column)) {
      throw new SettingException("test.where", where, "names no column of " + manifest.path());
    }
    Map<String, String> byFile = new HashMap<>();
    List<String> values = manifest.values(column);
    for (int i = 0; i < values.size(); i++) {
      byFile.put(manifest.rows().get(i).file(), values.get(i));
    }
    boolean[] test = new boolean[dataset.size()];
    int n = 0;
    for (int i = 0; i < test.length; i++) {
      test[i] = value.equals(byFile.get(dataset.entry(i).file()));
      n += test[i] ? 1 : 0;
    }
    if (n == 0) {
      throw new SettingException("test.where", where, "matches no image of the dataset (values of '" + column
          + "': " + new java.util.TreeSet<>(values) + ")");
    }
    return test;
  }

  /** The seed of the hold-out split and the folds: {@code split.seed}, or {@code seed} when blank. */
  public static long splitSeed(Settings s) {
    String v = s.string("split.seed", "");
    return v.isBlank() ? s.longValue("seed") : Long.parseLong(v.trim());
  }
}
