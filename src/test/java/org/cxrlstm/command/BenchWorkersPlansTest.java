package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.results.io.PropertiesText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchWorkersPlansTest {
  @TempDir
  Path dir;

  private static Settings settings(Map<String, String> given) throws Exception {
    return new BenchWorkersExperiment(System.out).resolve(Settings.of(given));
  }

  @Test
  void plansAreParsedInOrderAndWorkersListIsTheFallback() throws Exception {
    assertEquals(List.of(Map.of("workers", "1"), Map.of("workers", "2")),
        BenchWorkersExperiment.plans(settings(Map.of())));
    List<Map<String, String>> p = BenchWorkersExperiment.plans(settings(Map.of("bench.plans",
        "workers=1 threads=2; xla=true ;inter.threads=2  precision=bf16")));
    assertEquals(3, p.size());
    assertEquals("workers=1 threads=2", BenchWorkersExperiment.label(p.get(0)));
    assertEquals("xla=true", BenchWorkersExperiment.label(p.get(1)));
    assertEquals("inter.threads=2 precision=bf16", BenchWorkersExperiment.label(p.get(2)));
    SettingException e = assertThrows(SettingException.class,
        () -> BenchWorkersExperiment.plans(settings(Map.of("bench.plans", "workers 2"))));
    assertTrue(e.getMessage().contains("has 'workers', not key=value"), e.getMessage());
  }

  @Test
  void everyOtherRoundRunsThePlansInReverse() {
    List<int[]> order = BenchWorkersExperiment.order(3, 2);
    assertEquals(List.of("0:0", "0:1", "0:2", "1:2", "1:1", "1:0"),
        order.stream().map(s -> s[0] + ":" + s[1]).toList());
  }

  /** Two plans over the smoke sweep: each run gets its plan's settings, rows in run order. */
  @Tag("slow")
  @Test
  void eachRunCarriesItsPlan() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new BenchWorkersExperiment(quiet).run(Settings.of(Map.of("sweep", "smoke", "results.dir", dir.toString(),
        "bench.plans", "threads=1 inter.threads=1; threads=2 inter.threads=2", "bench.rounds", "1")));
    List<Csv.Row> rows = Csv.read(dir.resolve("bench-workers/bench-workers.csv")).rows();
    assertEquals(List.of("threads=1 inter.threads=1", "threads=2 inter.threads=2"),
        rows.stream().map(r -> r.get("plan")).toList());
    // every smoke trial finishes, so both times are speed measurements
    assertEquals(rows.stream().map(r -> r.get("trials")).toList(), rows.stream().map(r -> r.get("trials_done")).toList());
    assertEquals(List.of("1", "2"), rows.stream().map(r -> r.get("threads_per_trial")).toList());
    Map<String, String> second = PropertiesText.read(dir.resolve("bench-workers/run1/smoke/environment.properties"));
    assertEquals("2", second.get("inter.threads"));
    assertEquals("2", second.get("threads"));
    Map<String, String> first = PropertiesText.read(dir.resolve("bench-workers/run0/smoke/environment.properties"));
    assertEquals("1", first.get("threads"));
    assertEquals("1", first.get("inter.threads"));
  }
}
