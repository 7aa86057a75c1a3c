package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.data.Sha256;
import org.cxrlstm.data.image.SyntheticImages;
import org.cxrlstm.results.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dexperiment=near-duplicates} writes its two tables as CSV: on 6 generated images (3 patients, one per
 * class, 2 images each) plus a copy of one of them (one pixel changed, so
 * not the same file) filed as a fourth patient's normal image.
 */
class NearDuplicatesExperimentTest {
  @TempDir
  Path dir;

  @Test
  void countsEveryPairOfTwoPatientsAndListsTheCopyAsConfirmed() throws Exception {
    Path data = SyntheticImages.writeImageFolder(dir.resolve("films"), 2, 64, 5);
    Path copy = data.resolve("normal/copy.png");
    BufferedImage film = ImageIO.read(data.resolve("covid/covid-000.png").toFile());
    film.setRGB(0, 0, ~film.getRGB(0, 0) | 0xff000000); // one pixel changed: another file, the same film
    assertTrue(ImageIO.write(film, "png", copy.toFile()));
    Path manifest = data.resolve("manifest.csv");
    Csv.Table table = Csv.read(manifest);
    List<List<String>> rows = new ArrayList<>();
    table.rows().forEach(r -> rows.add(r.values()));
    List<String> added = new ArrayList<>(table.rows().get(4).values()); // normal/normal-000.png
    added.set(0, "normal/copy.png");
    added.set(2, "copy-patient");
    added.set(10, String.valueOf(Files.size(copy)));
    added.set(11, Sha256.of(copy));
    rows.add(added);
    Csv.write(manifest, table.header(), rows);

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Path out = dir.resolve("out");
    new NearDuplicatesExperiment(new PrintStream(console, true, StandardCharsets.UTF_8)).run(Settings.of(Map.of(
        "data.dir", data.toString(), "dataset.manifest", manifest.toString(), "cache.dir", dir.resolve("cache").toString(),
        "near.duplicates", "0", "near.duplicates.list", "64", "out", out.toString())));

    Csv.Table counts = Csv.read(out.resolve("near_duplicates.csv"));
    assertEquals(65, counts.rows().size(), "one row per distance 0..64");
    // 7 images make 21 pairs; the 3 pairs within a generated patient are left out: 18 pairs of two patients
    assertEquals("18", counts.rows().get(64).get("cumulative"));
    int pairs = 0;
    int sameClass = 0;
    for (Csv.Row r : counts.rows()) {
      pairs += Integer.parseInt(r.get("pairs"));
      sameClass += Integer.parseInt(r.get("same_class"));
    }
    assertEquals(18, pairs);
    // same class, two patients: only the copy with the two generated normal images
    assertEquals(2, sameClass);

    Csv.Table listed = Csv.read(out.resolve("near_duplicate_pairs.csv"));
    Csv.Row first = listed.rows().stream().filter(r -> r.get("file_b").equals("normal/copy.png")
        && r.get("file_a").equals("covid/covid-000.png")).findFirst().orElseThrow();
    assertEquals(List.of("0", "true", "covid", "syn-covid-0", "normal", "copy-patient"), List.of(first.get("bits"),
        first.get("confirmed"), first.get("label_a"), first.get("patient_a"), first.get("label_b"), first.get("patient_b")));
    assertTrue(Double.parseDouble(first.get("rms")) < 0.05, "one changed pixel of 64 x 64 is no real difference: " + first);
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("7 images, 4 patients, 21 image pairs"),
        console.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anOutThatIsAFileIsRefusedNamingTheKeyBeforeAnyHashing() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    SettingException e = assertThrows(SettingException.class, () -> new NearDuplicatesExperiment(
        new PrintStream(console, true, StandardCharsets.UTF_8)).run(Settings.of(Map.of(
            "data.dir", dir.resolve("no-such-folder").toString(), "out", file.toString()))));
    assertTrue(e.getMessage().contains("'out'") && e.getMessage().contains(file.toString()), e.getMessage());
  }
}
