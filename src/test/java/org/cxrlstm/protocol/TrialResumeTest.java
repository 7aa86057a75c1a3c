package org.cxrlstm.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cxrlstm.Main;
import org.cxrlstm.command.SmokeRun;
import org.cxrlstm.results.ResultsLayout;
import org.cxrlstm.results.TrialFiles;
import org.cxrlstm.results.io.PropertiesText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume inside a trial, across processes: one smoke trial killed with SIGKILL after its third
 * epoch, or stopped with SIGTERM, then run again, ends with the files of the same trial run without
 * interruption (wall times aside). Every run is a fresh JVM, as the contract is between processes.
 */
@Tag("slow")
class TrialResumeTest {
  @TempDir
  Path dir;

  private Map<String, String> overrides(String results) {
    Map<String, String> o = new HashMap<>(SmokeRun.overrides(dir));
    o.put("results.dir", dir.resolve(results).toString());
    o.put("epochs", "8");
    o.put("patience", "8");
    o.put("trial", "1");
    return o;
  }

  private Path trials(String results) {
    return dir.resolve(results).resolve("smoke").resolve("trials");
  }

  private int runToEnd(String results, String log) throws Exception {
    Process p = SmokeRun.child(dir, overrides(results), dir.resolve(log));
    assertTrue(p.waitFor(10, TimeUnit.MINUTES));
    return p.exitValue();
  }

  /** Starts the trial and waits until its checkpoint of {@code name} exists. */
  private Process startUntil(String results, String name) throws Exception {
    Process p = SmokeRun.child(dir, overrides(results), dir.resolve(results + "-first.log"));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (checkpoints(trials(results)).stream().noneMatch(c -> c.compareTo(name) >= 0)) {
      assertTrue(p.isAlive(), Files.readString(dir.resolve(results + "-first.log")));
      assertTrue(System.nanoTime() < deadline, "no checkpoint " + name + " in time");
      Thread.sleep(5);
    }
    return p;
  }

  @Test
  void killedAfterEpochThreeResumesToTheUninterruptedTrial() throws Exception {
    assertEquals(0, runToEnd("whole", "whole.log"), Files.readString(dir.resolve("whole.log")));

    Process p = startUntil("killed", "epoch-00004-batch-000000");
    p.destroyForcibly().waitFor();
    assertEquals(List.of(), finished(trials("killed")), "killed before the trial finished");
    assertEquals(0, runToEnd("killed", "killed-resume.log"), Files.readString(dir.resolve("killed-resume.log")));
    assertTrue(Files.readString(dir.resolve("killed-resume.log")).contains("resuming an interrupted run from its checkpoint"),
        Files.readString(dir.resolve("killed-resume.log")));
    assertSameTrial(trials("whole"), trials("killed"));
  }

  @Test
  void sigtermWritesACheckpointExitsForRequeueAndResumes() throws Exception {
    assertEquals(0, runToEnd("whole", "whole.log"), Files.readString(dir.resolve("whole.log")));

    Process p = startUntil("stopped", "epoch-00003-batch-000000");
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    String log = Files.readString(dir.resolve("stopped-first.log"));
    assertEquals(Main.REQUEUE, p.exitValue(), log);
    assertTrue(log.contains("Stopped: stopped on request in epoch "), log);
    assertEquals(List.of(), finished(trials("stopped")));
    assertFalse(checkpoints(trials("stopped")).isEmpty(), "a checkpoint to resume from");

    assertEquals(0, runToEnd("stopped", "stopped-resume.log"), Files.readString(dir.resolve("stopped-resume.log")));
    assertSameTrial(trials("whole"), trials("stopped"));
    assertEquals(List.of(), checkpoints(trials("stopped")), "no checkpoint left in a finished trial");
  }

  private static void assertSameTrial(Path expected, Path actual) throws IOException {
    List<Path> a = finished(expected);
    assertEquals(1, a.size());
    assertEquals(List.of(a.get(0).getFileName()), finished(actual).stream().map(Path::getFileName).toList());
    Path x = a.get(0);
    Path y = actual.resolve(x.getFileName());
    assertEquals(Files.readString(x.resolve("predictions.csv")), Files.readString(y.resolve("predictions.csv")));
    assertEquals(withoutLastColumn(x.resolve("epochs.csv")), withoutLastColumn(y.resolve("epochs.csv")));
    Map<String, String> px = PropertiesText.read(x.resolve(TrialFiles.PROPERTIES));
    Map<String, String> py = PropertiesText.read(y.resolve(TrialFiles.PROPERTIES));
    for (String wallClock : List.of("seconds", "started", "finished")) {
      px.remove(wallClock);
      py.remove(wallClock);
    }
    assertEquals(px, py);
    // the resumed trial's seconds count the process before it too: at least its epochs' recorded time
    double epochs = Files.readAllLines(y.resolve("epochs.csv")).stream().skip(1)
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).sum();
    double seconds = Double.parseDouble(PropertiesText.read(y.resolve(TrialFiles.PROPERTIES)).get("seconds"));
    assertTrue(seconds >= epochs - 0.1, "trial seconds " + seconds + " < its epochs' " + epochs);
  }

  /** epochs.csv without its last column, the epoch's wall time. */
  private static List<String> withoutLastColumn(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
  }

  private static List<Path> finished(Path trials) throws IOException {
    if (!Files.isDirectory(trials)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(trials)) {
      return s.filter(p -> !p.getFileName().toString().contains(".") && Files.exists(p.resolve("done"))).toList();
    }
  }

  /** Names of the complete checkpoints in any partial trial folder. */
  private static List<String> checkpoints(Path trials) throws IOException {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(trials)) {
      return names;
    }
    try (Stream<Path> s = Files.list(trials)) {
      for (Path partial : s.filter(p -> p.getFileName().toString().endsWith(ResultsLayout.PARTIAL)).toList()) {
        Path c = partial.resolve(ResultsLayout.CHECKPOINT);
        if (Files.isDirectory(c)) {
          try (Stream<Path> cs = Files.list(c)) {
            cs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("epoch-") && !n.endsWith(".tmp"))
                .forEach(names::add);
          }
        }
      }
    }
    return names;
  }
}
