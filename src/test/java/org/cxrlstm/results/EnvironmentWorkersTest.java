package org.cxrlstm.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cxrlstm.results.io.PropertiesText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** environment.properties names the plan that ran: a run of K local workers says K, not the workers' own 1. */
class EnvironmentWorkersTest {
  @TempDir
  Path tmp;

  @Test
  void workersOverwriteWhatEachWorkerProcessWrote() throws Exception {
    ResultsLayout layout = new ResultsLayout(tmp.resolve("exp"));
    Files.createDirectories(layout.root());
    Files.writeString(layout.environment(), "threads=1\nworkers=1\ninter.threads=2\n");
    Environment.recordWorkers(layout, 2);
    Map<String, String> env = PropertiesText.read(layout.environment());
    assertEquals("2", env.get("workers"));
    assertEquals("1", env.get("threads"));
    assertEquals("2", env.get("inter.threads"));
  }

  @Test
  void withoutTheFileNothingIsWritten() throws Exception {
    ResultsLayout layout = new ResultsLayout(tmp.resolve("none"));
    Environment.recordWorkers(layout, 2);
    assertFalse(Files.exists(layout.environment()));
  }
}
