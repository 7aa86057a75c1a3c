package org.cxrlstm.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.DatasetFetcher;
import org.cxrlstm.data.Manifest;
import org.cxrlstm.data.image.ImageStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The near-duplicate rule leaves the paper's dataset split as it was: covid-xray-421 has no pair of
 * two patients' images that the rule links, so the baseline's split (seed 42, 15 %, 5 folds) equals
 * the split.csv that the code before the rule wrote (a test resource). Skipped without a mirror.
 */
@Tag("realdata")
class NearDuplicateSplitRealDataTest {
  @TempDir
  Path dir;

  @Test
  void covidXray421SplitsExactlyAsBefore() throws IOException {
    String mirror = System.getProperty("dataset.mirror");
    Assumptions.assumeTrue(mirror != null && !mirror.isBlank(), "no -Ddataset.mirror given");
    Path manifest = Path.of("data/covid-xray-421.csv");
    Path data = dir.resolve("covid-xray-421");
    new DatasetFetcher(mirror, 1, Duration.ofSeconds(1), DatasetFetcher.TIMEOUT_DEFAULT, System.err)
        .fetch(Manifest.read(manifest), data, false);
    Dataset dataset = Dataset.fromManifest(manifest, data);
    List<NearDuplicates.Pair> pairs = NearDuplicates.acrossPatients(dataset,
        ImageStore.load(dataset, 32, dir.resolve("cache")), NearDuplicates.BITS_DEFAULT);
    assertEquals(List.of(), pairs);
    Path written = dir.resolve("split.csv");
    SplitFile.write(written, dataset, Splitter.split(dataset, 0.15, 5, 42, NearDuplicates.links(pairs)));
    try (var before = NearDuplicateSplitRealDataTest.class.getResourceAsStream("covid-xray-421-seed42-split.csv")) {
      assertEquals(new String(before.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), Files.readString(written));
    }
  }
}
