package org.cxrlstm.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.results.ResultsLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ScaleOutTest {
  static Settings settings(String emit, Map<String, String> more) {
    Map<String, String> m = new LinkedHashMap<>(Map.of("emit", emit, "slurm.partition", "", "slurm.account", "",
        "slurm.time", "30", "slurm.cpus", "2", "slurm.mem", "4G", "slurm.parallel", "3", "slurm.java", "java"));
    m.putAll(Map.of("k8s.image", "maven:3.9-eclipse-temurin-17", "k8s.claim", "cxr", "k8s.mount", "/shared",
        "k8s.workdir", "", "k8s.m2", "", "k8s.cpus", "4", "k8s.mem", "8Gi", "k8s.parallel", "2",
        "k8s.namespace", "default"));
    m.putAll(more);
    return Settings.of(m);
  }

  static final Map<String, String> OVERRIDES = Map.of("epochs", "1", "workers", "2", "emit", "slurm", "fresh", "true",
      "slurm.cpus", "2", "results.dir", "/r");

  @Test
  void carriesComputingSettingsOnly() {
    assertEquals(Map.of("epochs", "1", "results.dir", "/r"), ScaleOut.carried(OVERRIDES));
  }

  @Test
  void slurmJobRunsEveryTrialWithTheGivenSettings(@TempDir Path dir) throws Exception {
    ResultsLayout layout = new ResultsLayout(dir.resolve("exp"));
    Path submit = ScaleOut.emit("exp", settings("slurm", Map.of()), OVERRIDES, 5, layout, quiet());
    assertEquals(dir.resolve("exp/jobs/submit-slurm.sh"), submit);
    String trials = Files.readString(dir.resolve("exp/jobs/trials.sbatch"));
    assertTrue(trials.contains("#SBATCH --array=0-4%3"), trials);
    assertTrue(trials.contains("#SBATCH --cpus-per-task=2"), trials);
    assertTrue(trials.contains("#SBATCH --output=" + dir.resolve("exp/logs/trial-%a.out")), trials);
    String command = trials.lines().filter(l -> l.startsWith("java ")).findFirst().orElseThrow();
    assertTrue(command.contains(" -Xmx2048m "), command);
    assertTrue(command.contains(" -Dthreads=2 "), command);
    assertTrue(command.contains(" -Depochs=1 ") && command.contains(" -Dresults.dir=/r "), command);
    assertFalse(command.contains("-Dworkers") || command.contains("-Dfresh") || command.contains("-Demit"), command);
    // run in the background so that the batch shell can pass SIGTERM on (SlurmScript)
    assertTrue(command.endsWith(" org.cxrlstm.Main exp &"), command);
    assertFalse(command.contains("-Dtrial"), "the index comes from SLURM_ARRAY_TASK_ID");
    String merge = Files.readString(dir.resolve("exp/jobs/merge.sbatch"));
    assertTrue(merge.contains(" -Dmerge=true ") && merge.contains(" -Dthreads=1 "), merge);
  }

  @Test
  @SuppressWarnings("unchecked")
  void kubernetesJobRunsMavenOnTheVolume(@TempDir Path dir) throws Exception {
    ResultsLayout layout = new ResultsLayout(dir.resolve("exp"));
    ScaleOut.emit("exp", settings("k8s", Map.of()), OVERRIDES, 5, layout, quiet());
    Map<String, Object> job = new Yaml().load(Files.readString(dir.resolve("exp/jobs/trials-job.yaml")));
    Map<String, Object> spec = (Map<String, Object>) job.get("spec");
    assertEquals(5, spec.get("completions"));
    assertEquals(2, spec.get("parallelism"));
    Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
    Map<String, Object> c = ((List<Map<String, Object>>) pod.get("containers")).get(0);
    assertEquals("/shared/cxr-lstm", c.get("workingDir"));
    assertEquals(List.of("mvn", "-q", "-B", "-Dmaven.repo.local=/shared/m2", "exec:java", "-Dexperiment=exp",
        "-Dthreads=4", "-Depochs=1", "-Dresults.dir=/r"), sorted(c.get("command")));
  }

  /** The carried settings come from a map: compare them in a fixed order. */
  @SuppressWarnings("unchecked")
  static List<String> sorted(Object command) {
    List<String> words = (List<String>) command;
    List<String> head = words.subList(0, 7);
    List<String> tail = words.subList(7, words.size()).stream().sorted().toList();
    return java.util.stream.Stream.concat(head.stream(), tail.stream()).toList();
  }

  @Test
  void badResourceIsASettingError(@TempDir Path dir) {
    SettingException e = assertThrows(SettingException.class, () -> ScaleOut.emit("exp",
        settings("slurm", Map.of("slurm.time", "two hours")), Map.of(), 5, new ResultsLayout(dir), quiet()));
    assertTrue(e.getMessage().contains("slurm.time 'two hours'"), e.getMessage());
    assertEquals("emit", e.key());
  }

  static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream());
  }
}
