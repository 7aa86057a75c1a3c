package org.cxrlstm.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.Main;
import org.cxrlstm.cluster.Classpath;

/** The smoke experiment made tinier still for tests, in-process or as child JVMs. */
public final class SmokeRun {
  private SmokeRun() {}

  /** Overrides that keep every file under {@code dir} and every trial to a few seconds. */
  public static Map<String, String> overrides(Path dir) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("results.dir", dir.resolve("results").toString());
    m.put("data.dir", dir.resolve("data").toString());
    m.put("cache.dir", dir.resolve("cache").toString());
    m.put("synthetic.per.class", "12");
    m.put("synthetic.size", "32");
    m.put("input.size", "32");
    m.put("epochs", "3");
    m.put("threads", "1");
    return m;
  }

  /** A child JVM running {@code Main} on the smoke experiment with {@code overrides}. */
  public static Process child(Path dir, Map<String, String> overrides, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", Classpath.joined(Classpath.of(Main.class)), "-Xmx1g", "-Djava.awt.headless=true"));
    overrides.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add(Main.class.getName());
    command.add("smoke");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
    pb.environment().remove("SLURM_ARRAY_TASK_ID");
    pb.environment().remove("JOB_COMPLETION_INDEX");
    return pb.start();
  }
}
