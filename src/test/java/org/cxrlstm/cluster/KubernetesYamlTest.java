package org.cxrlstm.cluster;

import static org.cxrlstm.cluster.KubernetesJobTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** The manifests are real YAML: values keep their type and text whatever they look like. */
class KubernetesYamlTest {
  static final TrialJob JOB = KubernetesJobTest.JOB;
  static final KubernetesResources RES = KubernetesJobTest.RES;

  static Map<String, Object> load(String manifest) {
    return new Yaml().load(manifest);
  }

  static KubernetesResources resources(String claim, String memory, String namespace) {
    return new KubernetesResources(RES.image(), claim, RES.mount(), RES.cpus(), memory, RES.parallel(), namespace);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> volume(Map<String, Object> job) {
    Map<String, Object> pod = map(map(map(job, "spec"), "template"), "spec");
    return ((List<Map<String, Object>>) pod.get("volumes")).get(0);
  }

  /**
   * Names Kubernetes accepts but a plain YAML scalar would turn into a boolean, null or number:
   * YAML 1.1 words and numbers (read so by SnakeYAML and by kubectl) and the forms only kubectl's
   * go-yaml re-types ({@code y}, {@code n}, {@code 0o17}, {@code 0x1f}).
   */
  @ParameterizedTest
  @ValueSource(strings = {"on", "off", "yes", "no", "y", "n", "true", "false", "null", "1e3", "0123", "123",
      "0o17", "0x1f", "0b1"})
  void namesThatLookLikeOtherTypesStayStrings(String name) {
    TrialJob job = new TrialJob(name, 3, JOB.workdir(), JOB.trialCommand(), JOB.mergeCommand());
    KubernetesJob k = new KubernetesJob(job, resources(name, "8Gi", name));
    for (String manifest : List.of(k.trials(), k.merge())) {
      Map<String, Object> parsed = load(manifest);
      assertEquals(name, map(parsed, "metadata").get("namespace"), manifest);
      assertEquals(name, map(map(parsed, "metadata"), "labels").get("experiment"), manifest);
      assertEquals(name, map(map(map(map(parsed, "spec"), "template"), "metadata"), "labels").get("experiment"));
      assertEquals(name, map(volume(parsed), "persistentVolumeClaim").get("claimName"), manifest);
      // quoted in the text itself, so a reader with other implicit types (kubectl) sees a string too
      assertTrue(manifest.contains("\n  namespace: '" + name + "'\n"), manifest);
      assertTrue(manifest.contains("\n            claimName: '" + name + "'\n"), manifest);
    }
  }

  @Test
  void plainNamesStayPlain() {
    String manifest = new KubernetesJob(JOB, RES).trials();
    assertTrue(manifest.contains("\n  namespace: research\n"), manifest);
    assertTrue(manifest.contains("\n            claimName: cxr-results\n"), manifest);
    assertTrue(manifest.contains("\n              memory: 8Gi\n"), manifest);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8Gi", "512Mi", "0123", "123", "1G"})
  void memoryIsTheQuantityAsGiven(String memory) {
    Map<String, Object> job = load(new KubernetesJob(JOB, resources("c", memory, "ns")).trials());
    Map<String, Object> resources = map(KubernetesJobTest.container(job), "resources");
    assertEquals(memory, map(resources, "limits").get("memory"));
    assertEquals(memory, map(resources, "requests").get("memory"));
  }

  @Test
  void namesThatAreNotKubernetesNamesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resources("c", "1Gi", "a: b #c"));
    assertTrue(e.getMessage().contains("k8s.namespace 'a: b #c'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> resources("x #y", "1Gi", "ns"));
    assertTrue(e.getMessage().contains("k8s.claim 'x #y'"), e.getMessage());
  }

  @Test
  void pathsAndCommandWordsWithYamlSyntaxRoundTrip() {
    List<String> command = List.of("a: b #c", "#only", "- dash", "{x: 1}", "[1, 2]", "it's", "say \"hi\"",
        "on", "null", "", " lead", "trail ", "&anchor", "*alias", "!tag", "%dir", "@at", "`tick`", "|", ">",
        "line\nbreak", "tab\there", "ünï", "0X1F", "1_000", "~");
    Path workdir = Path.of("/shared/a: b #c");
    TrialJob job = new TrialJob("sweep", 2, workdir, command, List.of("merge"));
    KubernetesResources res = new KubernetesResources("registry:5000/img@sha256:0123", "claim", "/m:#x", 1, "1Gi",
        1, "default");
    String manifest = new KubernetesJob(job, res).trials();
    Map<String, Object> c = KubernetesJobTest.container(load(manifest));
    assertEquals(command, c.get("command"));
    // go-yaml (kubectl) reads a plain 0X1F as a number; SnakeYAML alone would leave it plain
    assertTrue(manifest.contains("\n            - '0X1F'\n"), manifest);
    assertEquals("/shared/a: b #c", c.get("workingDir"));
    assertEquals("registry:5000/img@sha256:0123", c.get("image"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> mounts = (List<Map<String, Object>>) c.get("volumeMounts");
    assertEquals("/m:#x", mounts.get(0).get("mountPath"));
  }

  @Test
  void numbersAreNumbersAndCpuIsAString() {
    Map<String, Object> job = load(new KubernetesJob(JOB, RES).trials());
    Map<String, Object> spec = map(job, "spec");
    assertInstanceOf(Integer.class, spec.get("completions"));
    assertEquals(Integer.valueOf(7), spec.get("completions"));
    assertEquals(Integer.valueOf(3), spec.get("parallelism"));
    assertEquals(Integer.valueOf(7), spec.get("backoffLimit"));
    assertEquals(Integer.valueOf(KubernetesJob.GRACE_SECONDS),
        map(map(spec, "template"), "spec").get("terminationGracePeriodSeconds"));
    Map<String, Object> c = KubernetesJobTest.container(job);
    assertEquals("2", map(map(c, "resources"), "requests").get("cpu"));
    assertEquals("2", map(map(c, "resources"), "limits").get("cpu"));
    assertEquals(List.of(Map.of("name", "TF_CPP_MIN_LOG_LEVEL", "value", "3")), c.get("env"));
  }

  @Test
  void keysKeepTheirOrder() {
    Map<String, Object> job = load(new KubernetesJob(JOB, RES).trials());
    assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), List.copyOf(job.keySet()));
    assertEquals(List.of("name", "namespace", "labels"), List.copyOf(map(job, "metadata").keySet()));
    assertEquals(List.of("completionMode", "completions", "parallelism", "backoffLimit", "podFailurePolicy",
        "template"), List.copyOf(map(job, "spec").keySet()));
    assertEquals(List.of("name", "image", "workingDir", "command", "env", "resources", "volumeMounts"),
        List.copyOf(KubernetesJobTest.container(job).keySet()));
  }

  @Test
  void oneBlockStyleDocumentWithoutAnchors() {
    String manifest = new KubernetesJob(JOB, RES).trials();
    assertTrue(manifest.startsWith("# generated by cxr-lstm for experiment 'sweep'\napiVersion: batch/v1\n"),
        manifest);
    assertFalse(manifest.contains("---"), manifest);
    assertFalse(manifest.contains("&id") || manifest.contains("*id"), manifest);
    int documents = 0;
    for (Object document : new Yaml().loadAll(manifest)) {
      assertInstanceOf(Map.class, document);
      documents++;
    }
    assertEquals(1, documents);
  }

  @Test
  void mergeManifestText() {
    assertEquals("""
        # generated by cxr-lstm for experiment 'sweep'
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: cxr-sweep-merge
          namespace: research
          labels:
            app: cxr-lstm
            experiment: sweep
        spec:
          completions: 1
          backoffLimit: 0
          template:
            metadata:
              labels:
                app: cxr-lstm
                experiment: sweep
            spec:
              restartPolicy: Never
              terminationGracePeriodSeconds: 30
              containers:
                - name: merge
                  image: maven:3.9-eclipse-temurin-17
                  workingDir: /shared/cxr-lstm
                  command:
                    - mvn
                    - -q
                    - exec:java
                    - -Dexperiment=sweep
                    - -Dmerge=true
                  env:
                    - name: TF_CPP_MIN_LOG_LEVEL
                      value: '3'
                  resources:
                    requests:
                      cpu: '1'
                      memory: 8Gi
                    limits:
                      cpu: '1'
                      memory: 8Gi
                  volumeMounts:
                    - name: shared
                      mountPath: /shared
              volumes:
                - name: shared
                  persistentVolumeClaim:
                    claimName: cxr-results
        """, new KubernetesJob(JOB, RES).merge());
  }
}
