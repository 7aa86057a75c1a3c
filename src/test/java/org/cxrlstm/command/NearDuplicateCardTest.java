package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cxrlstm.results.io.Csv;
import org.junit.jupiter.api.Test;

/**
 * data/README.md's near-duplicate table is recomputed from the CSVs committed in
 * results/reference/near-duplicates/ (written by {@code -Dexperiment=near-duplicates -Dnear.duplicates=8}) and the
 * committed manifests.
 */
class NearDuplicateCardTest {
  private static final List<String> DATASETS = List.of("covid-xray-421", "covid-darkcovidnet", "covid-adult-mixed");

  @Test
  void theDataCardsTableIsWhatTheCommittedCsvsSay() throws IOException {
    List<String> card = Files.readAllLines(Path.of("data/README.md"));
    for (String name : DATASETS) {
      long images = Csv.read(Path.of("data", name + ".csv")).rows().size();
      List<Csv.Row> counts = Csv.read(Path.of("results/reference/near-duplicates", name, "near_duplicates.csv")).rows();
      int confirmed = 0;
      for (Csv.Row r : counts.subList(0, 9)) {
        confirmed += Integer.parseInt(r.get("confirmed_by_pixels"));
      }
      String row = String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %d |", name, images * (images - 1) / 2,
          counts.get(2).get("cumulative"), counts.get(4).get("cumulative"), counts.get(6).get("cumulative"),
          counts.get(8).get("cumulative"), confirmed);
      assertEquals(1, card.stream().filter(row::equals).count(), "data/README.md should hold the row " + row);
    }
  }
}
