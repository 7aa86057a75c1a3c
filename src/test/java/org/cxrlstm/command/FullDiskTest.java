package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cxrlstm.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder that fills up during a trial, then one that is read-only: a small tmpfs mounted
 * as the results folder (root only; skipped where mounting is not allowed). The error names a path
 * under the folder, the trial is not marked done and the finished trial stays byte for byte.
 */
@Tag("root")
class FullDiskTest {
  @TempDir
  Path dir;
  private Path mount;

  private static int sh(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  @AfterEach
  void unmount() throws Exception {
    if (mount != null) {
      sh("umount", mount.toString());
    }
  }

  private String run(int trial, int expectedCode, boolean expectZero) throws IOException {
    Map<String, String> o = new HashMap<>(SmokeRun.overrides(dir));
    o.put("results.dir", mount.toString());
    o.put("trial", String.valueOf(trial));
    o.put("tensorboard", "false");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(OutputStream.nullOutputStream());
    int code = Main.run("smoke", o, out, new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = err.toString(StandardCharsets.UTF_8);
    if (expectZero) {
      assertEquals(0, code, text);
    } else {
      assertNotEquals(0, code, text);
      assertNotEquals(Main.REQUEUE, code, text);
    }
    return text;
  }

  @Test
  void fullThenReadOnlyResultsNameThePathAndLeaveFinishedTrialsAlone() throws Exception {
    Path target = Files.createDirectories(dir.resolve("results"));
    assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", target.toString()) == 0,
        "mounting a tmpfs is not allowed here");
    mount = target;
    run(0, 0, true);
    Path trials = mount.resolve("smoke/trials");
    List<Path> first = doneTrials(trials);
    assertEquals(1, first.size());
    Map<Path, String> finished = contents(first.get(0));

    // leave 16 KiB: the plan and the first epoch rows fit, the first checkpoint does not
    Path filler = mount.resolve("filler");
    try (OutputStream f = Files.newOutputStream(filler)) {
      byte[] block = new byte[4096];
      while (true) {
        f.write(block);
        f.flush();
      }
    } catch (IOException full) {
      // the tmpfs is full
    }
    Files.write(filler, new byte[(int) Math.max(0, Files.size(filler) - 16 * 1024)]);
    String fullError = run(1, 1, false);
    assertTrue(fullError.contains(mount.toString()), fullError);
    assertTrue(fullError.contains("No space left on device"), fullError);
    assertEquals(finished, contents(first.get(0)), "the finished trial changed");
    // the failed trial is recorded as failed (and retried by the next run), never as done
    assertEquals(first, doneTrials(trials), "a trial was marked done on a full disk");

    Files.delete(filler);
    assertEquals(0, sh("mount", "-o", "remount,ro", mount.toString()));
    String readOnly = run(2, 1, false);
    assertTrue(readOnly.contains(mount.toString()) && readOnly.contains("Read-only file system"), readOnly);
    assertEquals(finished, contents(first.get(0)));
    assertEquals(first, doneTrials(trials));
  }

  private static Map<Path, String> contents(Path root) throws IOException {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(p, org.cxrlstm.data.Sha256.of(p));
      }
    }
    return out;
  }

  private static List<Path> doneTrials(Path trials) throws IOException {
    try (Stream<Path> s = Files.list(trials)) {
      return s.filter(p -> Files.exists(p.resolve("done"))
          && "done\n".equals(readQuietly(p.resolve("done")))).toList();
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }
}
