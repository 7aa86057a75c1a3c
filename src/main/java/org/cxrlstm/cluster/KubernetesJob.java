package org.cxrlstm.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cxrlstm.train.PreemptedException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A Kubernetes Indexed Job for an experiment's trials plus a merge Job.
 *
 * <p>{@code completionMode: Indexed} gives each pod its trial index in {@code JOB_COMPLETION_INDEX},
 * which the harness reads when {@code -Dtrial} is absent. Kubernetes has no dependency between Jobs:
 * {@code submit-k8s.sh} applies the trials, waits until the Job is Complete or Failed, then applies
 * the merge (the same "after any" rule as the Slurm merge).
 *
 * <p>Each manifest is built as nested maps and lists and written by SnakeYAML, so every value is
 * quoted where YAML would otherwise read it as another type or another structure.
 */
public final class KubernetesJob {
  public static final String TRIALS_FILE = "trials-job.yaml";
  public static final String MERGE_FILE = "merge-job.yaml";
  public static final String SUBMIT_FILE = "submit-k8s.sh";

  private final TrialJob job;
  private final KubernetesResources resources;

  public KubernetesJob(TrialJob job, KubernetesResources resources) {
    this.job = job;
    this.resources = resources;
  }

  public String trialsName() {
    return "cxr-" + job.experiment() + "-trials";
  }

  public String mergeName() {
    return "cxr-" + job.experiment() + "-merge";
  }

  /** The Indexed Job: {@code completions} = trials, {@code parallelism} = P, one pod per trial. */
  public String trials() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("completionMode", "Indexed");
    spec.put("completions", job.trials());
    spec.put("parallelism", Math.min(resources.parallel(), job.trials()));
    // a retried index resumes its trial from the last checkpoint (or reruns it); cap total retries
    spec.put("backoffLimit", job.trials());
    // a pod stopped by SIGTERM (eviction, preemption, node drain) writes a checkpoint and exits
    // 75: retried without counting against backoffLimit, as is any pod the cluster disrupted
    spec.put("podFailurePolicy", map("rules", List.of(
        map("action", "Ignore",
            "onExitCodes", map("containerName", "trial", "operator", "In",
                "values", List.of(PreemptedException.EXIT_CODE))),
        map("action", "Ignore",
            "onPodConditions", List.of(map("type", "DisruptionTarget"))))));
    spec.put("template", pod("trial", job.trialCommand(), resources.cpus(), GRACE_SECONDS));
    return document(trialsName(), spec);
  }

  /** The merge Job: one pod on one CPU. */
  public String merge() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("completions", 1);
    spec.put("backoffLimit", 0);
    spec.put("template", pod("merge", job.mergeCommand(), 1, 30));
    return document(mergeName(), spec);
  }

  /** Applies the trials, waits for them to end either way, then applies the merge. */
  public String submit() {
    return """
        #!/usr/bin/env bash
        # Runs experiment '%1$s' on Kubernetes: the Indexed Job of %2$d trials, then the merge Job
        # once the trials have ended (complete or failed; the merge lists missing trials).
        set -euo pipefail
        cd "$(dirname "$0")"
        ns=%3$s
        kubectl -n "$ns" apply -f %4$s
        while :; do
          state=$(kubectl -n "$ns" get job %5$s -o jsonpath='{.status.conditions[?(@.status=="True")].type}')
          case "$state" in *Complete*|*Failed*) break ;; esac
          sleep 30
        done
        echo "trials ended: $state"
        kubectl -n "$ns" apply -f %6$s
        kubectl -n "$ns" wait --for=condition=complete --timeout=1h job/%7$s
        """.formatted(job.experiment(), job.trials(), resources.namespace(), TRIALS_FILE, trialsName(),
        MERGE_FILE, mergeName());
  }

  /** Writes both manifests and the submit script into {@code dir}; returns the submit script's path. */
  public Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(TRIALS_FILE), trials());
    Files.writeString(dir.resolve(MERGE_FILE), merge());
    Path submit = dir.resolve(SUBMIT_FILE);
    Files.writeString(submit, submit());
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    return submit;
  }

  /** Seconds a trial pod has between SIGTERM and SIGKILL: enough to finish a step and write a checkpoint. */
  public static final int GRACE_SECONDS = 120;

  /** One Job as a YAML document, after a comment naming the experiment. */
  private String document(String name, Map<String, Object> spec) {
    Map<String, Object> metadata = map("name", name, "namespace", resources.namespace());
    metadata.put("labels", labels());
    Map<String, Object> root = map("apiVersion", "batch/v1", "kind", "Job");
    root.put("metadata", metadata);
    root.put("spec", spec);
    return "# generated by cxr-lstm for experiment '" + job.experiment() + "'\n" + yaml().dump(root);
  }

  /** A new map for each place it appears: no node is shared, so none is written as an anchor and alias. */
  private Map<String, Object> labels() {
    return map("app", "cxr-lstm", "experiment", job.experiment());
  }

  private Map<String, Object> pod(String container, List<String> command, int cpus, int graceSeconds) {
    Map<String, Object> c = map("name", container, "image", resources.image(),
        "workingDir", job.workdir().toString());
    c.put("command", List.copyOf(command));
    c.put("env", List.of(map("name", "TF_CPP_MIN_LOG_LEVEL", "value", "3")));
    // cpu as a string, as before; memory is the quantity exactly as given
    c.put("resources", map(
        "requests", map("cpu", Integer.toString(cpus), "memory", resources.memory()),
        "limits", map("cpu", Integer.toString(cpus), "memory", resources.memory())));
    c.put("volumeMounts", List.of(map("name", "shared", "mountPath", resources.mount())));

    Map<String, Object> spec = map("restartPolicy", "Never", "terminationGracePeriodSeconds", graceSeconds);
    spec.put("containers", List.of(c));
    spec.put("volumes", List.of(map("name", "shared",
        "persistentVolumeClaim", map("claimName", resources.claim()))));
    return map("metadata", map("labels", labels()), "spec", spec);
  }

  /** An insertion-ordered map from key, value pairs. */
  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * Block-style dumper. SnakeYAML quotes a string whose plain form would resolve to another type
   * under its YAML 1.1 rules ({@code on}, {@code null}, {@code 1e3}, {@code 0123}); kubectl reads
   * manifests with go-yaml, which also takes {@code y}/{@code n} as booleans and {@code 0o17},
   * {@code 0X1F}, {@code 0B1} as integers, so those are declared to the dumper's resolver too and
   * come out quoted. Long scalars stay on one line.
   */
  private static Yaml yaml() {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setIndicatorIndent(2);
    o.setIndentWithIndicator(true);
    o.setSplitLines(false);
    o.setDereferenceAliases(true);
    Resolver resolver = new Resolver();
    resolver.addImplicitResolver(Tag.BOOL, GO_YAML_BOOL, "yYnN");
    resolver.addImplicitResolver(Tag.INT, GO_YAML_INT, "-+0");
    return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(o), o, resolver);
  }

  private static final Pattern GO_YAML_BOOL = Pattern.compile("^[yYnN]$");
  private static final Pattern GO_YAML_INT = Pattern.compile("^[-+]?0[bBoOxX][0-9a-fA-F_]+$");
}
