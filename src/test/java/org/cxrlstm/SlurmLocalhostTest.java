package org.cxrlstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real Slurm (the one-node cluster of {@code .ci/slurm-localhost.sh}): emits the
 * {@code smoke} experiment's job, submits it through the generated {@code submit-slurm.sh}, waits for
 * the array and the dependent merge, and checks that every planned trial finished and was merged.
 * Skips itself when {@code sbatch} is missing or no Slurm controller answers.
 */
@Tag("slurm")
class SlurmLocalhostTest {
  static final long TIMEOUT_SECONDS = 1200;

  @Test
  void smokeSweepRunsAsAJobArrayAndMerges(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(run(30, "scontrol", "ping").contains("is UP"), "no Slurm controller answers");
    Path results = tmp.resolve("results");
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
    int code = Main.run("smoke", Map.of("emit", "slurm", "results.dir", results.toString(), "slurm.cpus", "1",
        "slurm.mem", "3G", "slurm.time", "20", "slurm.parallel", "2"), out, out);
    assertEquals(0, code, text.toString(StandardCharsets.UTF_8));
    Path root = results.resolve("smoke");
    List<String> planned = column(root.resolve("plan.csv"), "trial_id");
    assertTrue(planned.size() >= 2, "smoke plans several trials: " + planned);

    String submitted = run(60, "bash", root.resolve("jobs/submit-slurm.sh").toString());
    String array = Files.readString(root.resolve("jobs/array.jobid")).trim();
    String merge = Files.readString(root.resolve("jobs/merge.jobid")).trim();
    waitUntilGone(List.of(array, merge));
    String mergeState = run(30, "scontrol", "show", "job", merge);
    assertTrue(mergeState.contains("JobState=COMPLETED"), submitted + "\n" + mergeState + "\n" + logs(root));

    for (String id : planned) {
      assertTrue(Files.exists(root.resolve("trials").resolve(id).resolve("done")), id + " not done\n" + logs(root));
    }
    Path trials = root.resolve("trials.csv");
    assertEquals(planned, column(trials, "trial_id"));
    assertTrue(column(trials, "status").stream().allMatch(s -> s.equals("done") || s.equals("diverged")),
        column(trials, "status").toString());
    for (int i = 0; i < planned.size(); i++) {
      assertTrue(Files.exists(root.resolve("logs/trial-" + i + ".out")), "log of array task " + i);
    }
  }

  private static void waitUntilGone(List<String> jobs) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (run(30, "squeue", "-h", "-j", String.join(",", jobs)).isBlank()) {
        return;
      }
      Thread.sleep(2000);
    }
    List<String> cancel = new ArrayList<>(List.of("scancel"));
    cancel.addAll(jobs);
    run(30, cancel.toArray(String[]::new));
    fail("jobs " + jobs + " did not end within " + TIMEOUT_SECONDS + " s");
  }

  private static String logs(Path root) throws IOException {
    StringBuilder s = new StringBuilder();
    Path dir = root.resolve("logs");
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          String body = Files.readString(f);
          s.append("--- ").append(f.getFileName()).append('\n')
              .append(body, Math.max(0, body.length() - 2000), body.length());
        }
      }
    }
    return s.toString();
  }

  private static List<String> column(Path csv, String name) throws IOException {
    List<String> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) {
        out.add(rec.get(name));
      }
    }
    return out;
  }

  /** Runs a command; a missing program skips the test, a non-zero exit fails it. */
  private static String run(int seconds, String... command) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort(command[0] + " is not installed (run .ci/slurm-localhost.sh): " + e.getMessage());
      throw e;
    }
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " took longer than " + seconds + " s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      Assumptions.assumeFalse(command[0].equals("scontrol") && command[1].equals("ping"), "Slurm is not up: " + out);
      fail(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
    }
    return out;
  }
}
