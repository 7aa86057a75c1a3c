package org.cxrlstm.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.cxrlstm.config.DatasetSettings;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.data.DatasetFetcher;
import org.cxrlstm.data.Manifest;

/**
 * {@code -Dexperiment=fetch-data}: downloads every image of {@code dataset.manifest} into
 * {@code data.dir}, from the source URLs or {@code dataset.mirror}, and verifies the sha256 of every
 * file, including those already present.
 */
final class FetchDataExperiment implements Experiment {
  private final PrintStream out;

  FetchDataExperiment(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "fetch-data";
  }

  @Override
  public String description() {
    return "fetch and verify the dataset's images (data.dir, dataset.manifest, dataset.mirror)";
  }

  @Override
  public Schema schema() {
    return Schema.of("fetch-data", Keys.group(Keys.DATASET_KEYS,
        Keys.Key.of("dataset.retries", ValueKind.integer(0, 100), String.valueOf(DatasetFetcher.RETRIES_DEFAULT),
            "attempts per file after the first")));
  }

  @Override
  public void execute(Settings settings) throws Exception {
    Path manifest = DatasetSettings.manifest(settings);
    Path dataDir = DatasetSettings.dataDir(settings);
    String mirror = DatasetSettings.mirror(settings);
    DatasetFetcher fetcher;
    try {
      fetcher = new DatasetFetcher(mirror, settings.integer("dataset.retries"),
          Duration.ofSeconds(1), DatasetFetcher.TIMEOUT_DEFAULT, out);
    } catch (IllegalArgumentException e) {
      throw new SettingException("dataset.mirror", mirror, "is not a file:, http: or https: URL prefix");
    }
    DatasetFetcher.Report report = fetcher.fetch(Manifest.read(manifest), dataDir, true);
    out.printf("%s: %d files already present and verified, %d fetched (%.1f MB)%n", dataDir, report.present(),
        report.fetched(), report.bytesFetched() / 1e6);
  }
}
