package org.cxrlstm.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class KubernetesJobTest {
  static final TrialJob JOB = new TrialJob("sweep", 7, Path.of("/shared/cxr-lstm"),
      List.of("mvn", "-q", "exec:java", "-Dexperiment=sweep", "-Dnote=say \"hi\"", "-Dx=a: b"),
      List.of("mvn", "-q", "exec:java", "-Dexperiment=sweep", "-Dmerge=true"));
  static final KubernetesResources RES = new KubernetesResources("maven:3.9-eclipse-temurin-17", "cxr-results",
      "/shared", 2, "8Gi", 3, "research");

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String key) {
    return (Map<String, Object>) ((Map<String, Object>) o).get(key);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> container(Map<String, Object> job) {
    Map<String, Object> pod = map(map(map(job, "spec"), "template"), "spec");
    assertEquals("Never", pod.get("restartPolicy"));
    List<Object> containers = (List<Object>) pod.get("containers");
    assertEquals(1, containers.size());
    return (Map<String, Object>) containers.get(0);
  }

  @Test
  @SuppressWarnings("unchecked")
  void trialsManifestIsAnIndexedJobThatParses() {
    KubernetesJob k = new KubernetesJob(JOB, RES);
    Map<String, Object> job = new Yaml().load(k.trials());
    assertEquals("batch/v1", job.get("apiVersion"));
    assertEquals("Job", job.get("kind"));
    assertEquals("cxr-sweep-trials", map(job, "metadata").get("name"));
    assertEquals("research", map(job, "metadata").get("namespace"));
    Map<String, Object> spec = map(job, "spec");
    assertEquals("Indexed", spec.get("completionMode"));
    assertEquals(7, spec.get("completions"));
    assertEquals(3, spec.get("parallelism"));
    // a pod that stopped with a checkpoint (exit 75) or was disrupted is retried, not counted as failed
    Map<String, Object> policy = map(spec, "podFailurePolicy");
    List<Map<String, Object>> rules = (List<Map<String, Object>>) policy.get("rules");
    assertEquals("Ignore", rules.get(0).get("action"));
    assertEquals(Map.of("containerName", "trial", "operator", "In", "values", List.of(75)),
        rules.get(0).get("onExitCodes"));
    assertEquals(List.of(Map.of("type", "DisruptionTarget")), rules.get(1).get("onPodConditions"));
    assertEquals(120, map(map(spec, "template"), "spec").get("terminationGracePeriodSeconds"));
    Map<String, Object> c = container(job);
    assertEquals("maven:3.9-eclipse-temurin-17", c.get("image"));
    assertEquals("/shared/cxr-lstm", c.get("workingDir"));
    // the command round-trips word for word, quotes and colons included; no explicit index
    assertEquals(JOB.trialCommand(), c.get("command"));
    Map<String, Object> limits = map(map(c, "resources"), "limits");
    assertEquals("2", limits.get("cpu"));
    assertEquals("8Gi", limits.get("memory"));
    List<Map<String, Object>> mounts = (List<Map<String, Object>>) c.get("volumeMounts");
    assertEquals("/shared", mounts.get(0).get("mountPath"));
    List<Map<String, Object>> volumes = (List<Map<String, Object>>) map(map(spec, "template"), "spec").get("volumes");
    assertEquals(mounts.get(0).get("name"), volumes.get(0).get("name"));
    assertEquals("cxr-results", map(volumes.get(0), "persistentVolumeClaim").get("claimName"));
  }

  @Test
  void mergeManifestIsAPlainJobOnOneCpu() {
    Map<String, Object> job = new Yaml().load(new KubernetesJob(JOB, RES).merge());
    assertEquals("cxr-sweep-merge", map(job, "metadata").get("name"));
    assertEquals(null, map(job, "spec").get("completionMode"));
    Map<String, Object> c = container(job);
    assertEquals(JOB.mergeCommand(), c.get("command"));
    assertEquals("1", map(map(c, "resources"), "requests").get("cpu"));
  }

  @Test
  void parallelismNeverExceedsCompletions() {
    TrialJob two = new TrialJob("smoke", 2, Path.of("/w"), List.of("x"), List.of("y"));
    Map<String, Object> job = new Yaml().load(new KubernetesJob(two, RES).trials());
    assertEquals(2, map(job, "spec").get("parallelism"));
  }

  @Test
  void submitScriptWaitsForTheTrialsBeforeTheMerge(@TempDir Path dir) throws Exception {
    Path submit = new KubernetesJob(JOB, RES).write(dir);
    String s = Files.readString(submit);
    assertTrue(s.indexOf("apply -f trials-job.yaml") < s.indexOf("apply -f merge-job.yaml"), s);
    assertTrue(s.contains("*Complete*|*Failed*"), s);
    Process p = new ProcessBuilder("bash", "-n", submit.toString()).redirectErrorStream(true).start();
    assertEquals(0, p.waitFor());
    for (String f : List.of(KubernetesJob.TRIALS_FILE, KubernetesJob.MERGE_FILE)) {
      assertTrue(new Yaml().load(Files.readString(dir.resolve(f))) instanceof Map);
    }
  }

  @Test
  void badResourcesNameTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KubernetesResources("img", "Bad_Claim", "/m", 1, "1Gi", 1, "default"));
    assertTrue(e.getMessage().contains("k8s.claim 'Bad_Claim'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KubernetesResources("img", "c", "/m", 1, "1GB", 1, "default"));
    assertTrue(e.getMessage().contains("k8s.mem"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new KubernetesResources("img", "c", "relative", 1, "1Gi", 1, "default"));
    assertEquals(8 * 1024, RES.memoryMiB());
  }
}
