package org.cxrlstm.experiment;

import java.io.IOException;
import java.nio.file.Path;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.DatasetFetcher;

/**
 * The dataset settings: {@code data.dir} (default {@value #DATA_DIR_DEFAULT}), {@code dataset.manifest}
 * (default: {@code data.dir/manifest.csv} when that exists, else the committed {@value #MANIFEST_DEFAULT}),
 * {@code dataset.mirror} (URL prefix, default: the source URLs), and {@code data} (any ImageFolder
 * directory, used instead of the default dataset).
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
   * fetched first when files are missing ({@link DatasetFetcher#ensure}).
   */
  public static Dataset load(Settings settings) throws IOException {
    if (settings.has("data")) {
      return Dataset.fromImageFolder(Path.of(settings.string("data")), Dataset.CLASSES);
    }
    return DatasetFetcher.ensure(manifest(settings), dataDir(settings), mirror(settings));
  }
}
