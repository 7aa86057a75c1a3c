package org.cxrlstm.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.cxrlstm.report.input.ReportInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper is compared with the arm of the paper's design, or the one paper.arm names, never the first arm. */
class PaperArmTest {
  @TempDir
  Path tmp;

  private Path ablation(String name) throws Exception {
    // the failing 16-unit arm comes first, as in the ablation's plan
    return new ResultsFixture().arm("cnn", "0.0003", "none", 0.8)
        .arm("cnn-lstm", "0.0003", "none", 0.4).set("lstm_units", "16")
        .arm("cnn-lstm", "0.0003", "none", 0.9).set("lstm_units", "64")
        .arm("cnn-lstm", "0.0003", "none", 0.85).set("lstm_units", "64").set("augment", "false")
        .write(tmp.resolve(name));
  }

  private static List<String> ourRows(Path dir) throws Exception {
    return Files.readAllLines(dir.resolve("tables/table5-literature.csv")).stream()
        .filter(l -> l.contains("This run")).map(l -> l.split(",")[0]).toList();
  }

  @Test
  void defaultIsTheBaselineEquivalentArm() throws Exception {
    Path dir = ablation("default");
    Report.write(dir);
    assertEquals(List.of("This run: cnn augment=true ensemble", "This run: cnn-lstm lstm_units=64 augment=true ensemble"),
        ourRows(dir));
  }

  @Test
  void paperArmKeyChoosesTheArm() throws Exception {
    Path dir = ablation("keyed");
    Files.writeString(dir.resolve("config.properties"), "paper.arm=lstm_units=16\n", StandardOpenOption.APPEND);
    Report.write(dir);
    assertEquals("This run: cnn-lstm lstm_units=16 augment=true ensemble", ourRows(dir).get(1));
  }

  @Test
  void unknownColumnInPaperArmIsRefusedByName() throws Exception {
    Path dir = ablation("bad");
    Files.writeString(dir.resolve("config.properties"), "paper.arm=units=64\n", StandardOpenOption.APPEND);
    ReportInputException e = assertThrows(ReportInputException.class, () -> Report.write(dir));
    assertTrue(e.getMessage().contains("paper.arm"), e.getMessage());
  }
}
