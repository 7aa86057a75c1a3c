package org.cxrlstm.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWorkersTest {
  @Test
  void threadsSplitTheCores() {
    assertEquals(2, LocalWorkers.threadsPerTrial(2, 1));
    assertEquals(1, LocalWorkers.threadsPerTrial(2, 2));
    assertEquals(1, LocalWorkers.threadsPerTrial(2, 4));
    assertEquals(4, LocalWorkers.threadsPerTrial(16, 4));
  }

  @Test
  void runsEveryIndexAtMostKAtOnceAndReportsFailures(@TempDir Path dir) throws Exception {
    // each process records start and end in a file and checks that at most 2 run at once
    // (a lock directory per slot would be more machinery than the property needs: count running marks);
    // ls's complaint about a mark another process removed between glob and listing must not reach the log
    String script = "touch run.$1; n=$(ls run.* 2>/dev/null | wc -l); echo $n > max.$1; sleep 0.3; rm run.$1;"
        + " echo \"index $1 env=${SLURM_ARRAY_TASK_ID:-none}\"; [ $1 -ne 3 ]";
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    LocalWorkers w = new LocalWorkers(2, i -> List.of("sh", "-c", script, "sh", Integer.toString(i)), dir,
        dir.resolve("logs"), new PrintStream(progress, true, StandardCharsets.UTF_8));
    List<LocalWorkers.Outcome> out = w.run(List.of(0, 1, 2, 3, 4));
    assertEquals(5, out.size());
    for (int i = 0; i < 5; i++) {
      LocalWorkers.Outcome o = out.get(i);
      assertEquals(i, o.index());
      assertEquals(i != 3, o.ok(), "index " + i);
      assertEquals("index " + i + " env=none", Files.readString(o.log()).trim());
      int running = Integer.parseInt(Files.readString(dir.resolve("max." + i)).trim());
      assertTrue(running >= 1 && running <= 2, "index " + i + " saw " + running + " running");
    }
    assertTrue(progress.toString(StandardCharsets.UTF_8).contains("trial 3 FAILED with exit code 1"));
    assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith("run.")));
  }
}
