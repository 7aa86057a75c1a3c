package org.cxrlstm.cluster;

import java.util.regex.Pattern;

/**
 * What the Kubernetes Job asks for: the image, the shared volume holding the project and its
 * {@code results/}, and per-pod resources.
 *
 * @param image     container image with Java 17 and Maven (the project and its Maven repository live on the volume)
 * @param claim     PersistentVolumeClaim shared by every pod (ReadWriteMany: all trials write into it)
 * @param mount     where the claim is mounted in each pod
 * @param cpus      CPU request and limit per pod; also the trial's TensorFlow intra-op threads
 * @param memory    memory request and limit per pod, Kubernetes quantity ({@code 8Gi})
 * @param parallel  {@code parallelism}: at most this many trial pods at once
 * @param namespace namespace of both Jobs
 */
public record KubernetesResources(String image, String claim, String mount, int cpus, String memory,
    int parallel, String namespace) {

  private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern QUANTITY = Pattern.compile("\\d+(Ki|Mi|Gi|Ti|k|M|G|T)?");
  private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");

  public KubernetesResources {
    if (image == null || !IMAGE.matcher(image).matches()) {
      throw new IllegalArgumentException("k8s.image '" + image + "' is not an image reference");
    }
    requireDnsName("k8s.claim", claim);
    requireDnsName("k8s.namespace", namespace);
    if (mount == null || !mount.startsWith("/") || mount.contains(" ")) {
      throw new IllegalArgumentException("k8s.mount '" + mount + "' must be an absolute path without spaces");
    }
    if (cpus < 1) {
      throw new IllegalArgumentException("k8s.cpus " + cpus + " must be >= 1");
    }
    if (memory == null || !QUANTITY.matcher(memory).matches()) {
      throw new IllegalArgumentException("k8s.mem '" + memory + "' is not a Kubernetes quantity (e.g. 8Gi)");
    }
    if (parallel < 1) {
      throw new IllegalArgumentException("k8s.parallel " + parallel + " must be >= 1");
    }
  }

  private static void requireDnsName(String key, String value) {
    if (value == null || !DNS_NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(key + " '" + value
          + "' is not a Kubernetes name (lower-case letters, digits, inner dashes)");
    }
  }

  /** Memory in MiB, for sizing the JVM heap inside the pod. */
  public long memoryMiB() {
    String digits = memory.replaceAll("\\D.*", "");
    long n = Long.parseLong(digits);
    String unit = memory.substring(digits.length());
    return switch (unit) {
      case "Ki", "k" -> Math.max(1, n / 1024);
      case "Mi", "M" -> n;
      case "Gi", "G" -> n * 1024;
      case "Ti", "T" -> n * 1024 * 1024;
      default -> Math.max(1, n / (1024 * 1024)); // plain bytes
    };
  }
}
