package org.cxrlstm.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.train.EpochRecord;
import org.cxrlstm.train.TrainingListener;
import org.junit.jupiter.api.Test;

class SweepProgressTest {
  private static final Trial TRIAL = new Trial(0, "cnn-f0-12345678", Map.of("epochs", "3"));

  @Test
  void barsStayBelowTheLinesPrintedThroughIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (SweepProgress progress = SweepProgress.forConsole(console, true, "smoke", 2)) {
      TrainingListener bar = progress.startTrial(TRIAL);
      for (int e = 1; e <= 3; e++) {
        bar.onEpochEnd(new EpochRecord(e, 1, 0.5, 1, 0.5, 1e-3, 0.1));
        progress.out().println("   epoch line " + e);
      }
      progress.endTrial(true);
      progress.endTrial(false); // skipped: the count shrinks instead
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    for (int e = 1; e <= 3; e++) {
      // each line arrives whole, after the bars were erased (cursor up, clear to end of screen)
      assertTrue(text.contains("\033[J   epoch line " + e + "\n") || text.contains("   epoch line " + e + "\n"), text);
    }
    assertTrue(text.contains("cnn-f0-12345678") && text.contains("epochs"), text);
    String last = text.substring(text.lastIndexOf("experiment smoke"));
    assertTrue(last.contains("1/1 trials"), last);
    assertTrue(text.contains("\033["), "cursor movement when live");
  }

  @Test
  void withoutATerminalItPrintsNothingAndPassesLinesThrough() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (SweepProgress progress = SweepProgress.forConsole(console, false, "smoke", 2)) {
      assertSame(console, progress.out());
      progress.startTrial(TRIAL).onEpochEnd(new EpochRecord(1, 1, 0.5, 1, 0.5, 1e-3, 0.1));
      progress.out().println("line");
      progress.endTrial(true);
    }
    assertEquals("line\n", bytes.toString(StandardCharsets.UTF_8));
    // a process not attached to a terminal (this test's) never draws bars on System.out
    try (SweepProgress progress = SweepProgress.open(System.out, "smoke", 1)) {
      assertSame(System.out, progress.out());
    }
  }
}
