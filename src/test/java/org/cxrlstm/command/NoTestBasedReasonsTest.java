package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No setting may be justified by a test-set number: a line of an experiment file or of the experiment
 * docs that names test accuracy beside a number (a target, or "reached 0.9 on test") is refused.
 */
class NoTestBasedReasonsTest {
  private static final Pattern TEST_NUMBER = Pattern.compile(
      "(?i)(test[- ]accuracy[^\\n]{0,40}?\\d+\\.\\d+|\\d+\\.\\d+[^\\n]{0,40}?test[- ]accuracy|target\\s*>=?\\s*0\\.\\d)");

  @Test
  void experimentFilesAndTheirReadmeCiteNoTestNumberAsAReason() throws Exception {
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("experiments"))) {
      for (Path f : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (TEST_NUMBER.matcher(lines.get(i)).find()) {
            offending.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertEquals(List.of(), offending);
  }

  @Test
  void thePatternCatchesTheOldReasons() {
    assertEquals(true, TEST_NUMBER.matcher("# improving (about 0.80 test accuracy); 3e-4 reached 0.87").find());
    assertEquals(true, TEST_NUMBER.matcher("CNN-LSTM mean test accuracy 0.905 (target >= 0.90)").find());
    assertEquals(false, TEST_NUMBER.matcher("# lr-sweep selects on validation loss").find());
  }
}
