package org.cxrlstm.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.DatasetFetcher;
import org.cxrlstm.data.Manifest;

/**
 * The dataset settings: {@code data.dir} (default {@value #DATA_DIR_DEFAULT}), {@code dataset.manifest}
 * (default: {@code data.dir/manifest.csv} when that exists, else the committed {@value #MANIFEST_DEFAULT}),
 * {@code dataset.mirror} (URL prefix, default: the source URLs), {@code data} (any ImageFolder
 * directory, used instead of the default dataset), {@code label.column} (the manifest column that
 * holds the class) and {@code classes} (the classes kept, in index order; blank: all).
 */
public final class DatasetSettings {
  public static final String DATA_DIR_DEFAULT = "data/covid-xray-421";
  public static final String MANIFEST_DEFAULT = "data/covid-xray-421.csv";

  private DatasetSettings() {}

  public static Path dataDir(Settings settings) {
    return Path.of(settings.string("data.dir", DATA_DIR_DEFAULT));
  }

  public static Path manifest(Settings settings) {
    if (settings.has("dataset.manifest")) {
      return Path.of(settings.string("dataset.manifest"));
    }
    Path beside = dataDir(settings).resolve("manifest.csv");
    return java.nio.file.Files.isRegularFile(beside) ? beside : Path.of(MANIFEST_DEFAULT);
  }

  public static String mirror(Settings settings) {
    return settings.optional("dataset.mirror").orElse(null);
  }

  /**
   * The experiment's images: the ImageFolder given by {@code data}, or else the manifest's dataset,
   * fetched first when files are missing ({@link DatasetFetcher#ensure}); labels from the manifest
   * column {@code label.column}, restricted to the classes {@code classes} when that is given.
   */
  public static Dataset load(Settings settings) throws IOException {
    if (settings.has("data")) {
      List<String> classes = classes(settings);
      return Dataset.fromImageFolder(Path.of(settings.string("data")), classes.isEmpty() ? Dataset.CLASSES : classes);
    }
    Manifest manifest = readManifest(manifest(settings), settings);
    new DatasetFetcher(mirror(settings)).fetch(manifest, dataDir(settings), false);
    return load(manifest, dataDir(settings), settings);
  }

  /** The dataset of {@code manifest} under {@code root}: its classes, or those of the setting {@code classes}. */
  public static Dataset load(Manifest manifest, Path root, Settings settings) throws IOException {
    List<String> classes = classes(settings);
    if (classes.isEmpty()) {
      return Dataset.fromManifest(manifest, root);
    }
    try {
      return Dataset.fromManifest(manifest, root, classes);
    } catch (DataException e) {
      if (e.getMessage().startsWith("class '")) {
        throw new SettingException("classes", String.join(",", classes), e.getMessage());
      }
      throw e;
    }
  }

  /**
   * The manifest with its labels taken from the column {@code label.column}, restricted to the rows
   * {@code data.where} (COLUMN=VALUE) names when it is given.
   */
  public static Manifest readManifest(Path csv, Settings settings) throws IOException {
    return where(labelled(csv, settings), settings);
  }

  private static Manifest where(Manifest manifest, Settings settings) {
    String where = settings.string("data.where", "").trim();
    if (where.isEmpty()) {
      return manifest;
    }
    int eq = where.indexOf('=');
    if (eq <= 0 || eq == where.length() - 1) {
      throw new SettingException("data.where", where, "is not COLUMN=VALUE (e.g. source_repo=hida6/covid-chestxray-dataset)");
    }
    String column = where.substring(0, eq).trim();
    String value = where.substring(eq + 1).trim();
    if (!manifest.hasColumn(column)) {
      throw new SettingException("data.where", where, "names no column of " + manifest.path());
    }
    Manifest kept = manifest.where(column, value);
    if (kept.rows().isEmpty()) {
      throw new SettingException("data.where", where, "matches no row of " + manifest.path() + " (values of '" + column
          + "': " + new java.util.TreeSet<>(manifest.values(column)) + ")");
    }
    return kept;
  }

  private static Manifest labelled(Path csv, Settings settings) throws IOException {
    String column = settings.string("label.column", Manifest.LABEL).trim();
    Manifest plain = Manifest.read(csv);
    if (column.isEmpty() || column.equals(Manifest.LABEL)) {
      return plain;
    }
    if (!plain.hasColumn(column)) {
      throw new SettingException("label.column", column, "is not a column of " + csv);
    }
    return Manifest.read(csv, column);
  }

  private static List<String> classes(Settings settings) {
    String raw = settings.string("classes", "");
    return raw.isBlank() ? List.of() : Arrays.stream(raw.split(",")).map(String::trim).toList();
  }

  /** The manifest that lists the images' width, height and bytes, or null (then they are read from the files). */
  public static Manifest manifestFile(Settings s) throws IOException {
    Path file;
    if (s.bool("synthetic", false)) {
      file = dataDir(s).resolve("manifest.csv");
    } else if (s.has("data")) {
      file = Path.of(s.string("data")).resolve("manifest.csv");
    } else {
      file = manifest(s);
    }
    return Files.isRegularFile(file) ? Manifest.read(file) : null;
  }
}
