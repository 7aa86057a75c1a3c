package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.cxrlstm.data.image.ImageStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real dataset through a mirror ({@code -Ddataset.mirror=file:/.../covid-xray-421}, which
 * {@code .ci/run} gives when the shared copy exists): fetch all 421 files into a temporary folder,
 * decode every image at 128 px, then load them again from the cache. Skipped without a mirror.
 */
@Tag("realdata")
class RealDataTest {
  @TempDir
  Path dir;

  @Test
  void fetchesAndLoadsAll421Images() throws IOException {
    String mirror = System.getProperty("dataset.mirror");
    Assumptions.assumeTrue(mirror != null && !mirror.isBlank(), "no -Ddataset.mirror given");
    Path manifest = Path.of("data/covid-xray-421.csv");
    Path data = dir.resolve("covid-xray-421");
    DatasetFetcher fetcher = new DatasetFetcher(mirror, 1, Duration.ofSeconds(1), DatasetFetcher.TIMEOUT_DEFAULT,
        System.err);
    DatasetFetcher.Report report = fetcher.fetch(Manifest.read(manifest), data, true);
    assertEquals(421, report.fetched());
    Dataset dataset = Dataset.fromManifest(manifest, data);
    assertArrayEquals(new int[] {141, 140, 140}, dataset.classCounts());

    long start = System.nanoTime();
    ImageStore cold = ImageStore.load(dataset, 128, dir.resolve("cache"));
    double coldSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    ImageStore warm = ImageStore.load(dataset, 128, dir.resolve("cache"));
    double warmSeconds = (System.nanoTime() - start) / 1e9;
    assertEquals(421, warm.count());
    for (int i = 0; i < 421; i++) {
      assertArrayEquals(cold.pixels(i), warm.pixels(i), dataset.entry(i).file());
    }
    System.err.printf(Locale.ROOT, "realdata: 421 images at 128 px: cold decode %.1f s, warm (cache) %.2f s, %d cores%n",
        coldSeconds, warmSeconds, Runtime.getRuntime().availableProcessors());
  }
}
