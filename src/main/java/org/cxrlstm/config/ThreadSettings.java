package org.cxrlstm.config;

/** The TensorFlow intra-op thread count of the key {@code threads}. */
public final class ThreadSettings {
  private ThreadSettings() {}

  /** {@code threads}: a number, or {@code auto} for every core of this machine. */
  public static int threads(Settings s) {
    String t = s.string("threads");
    return t.equals("auto") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(t);
  }

  /** The environment variable TensorFlow reads its XLA flags from, once, when it loads. */
  public static final String XLA_FLAGS = "TF_XLA_FLAGS";
  /** The flag without which TensorFlow compiles nothing with XLA on a CPU, whatever the session asks. */
  public static final String XLA_CPU_FLAG = "--tf_xla_cpu_global_jit";

  /**
   * Refuses {@code xla = true} when the process was not started with {@link #XLA_CPU_FLAG} in
   * {@link #XLA_FLAGS}: the session option alone leaves a CPU graph uncompiled, so the run would
   * claim XLA and measure without it.
   */
  public static void requireXlaEnvironment(Settings s, java.util.Map<String, String> env) {
    if (s.bool("xla", false) && !env.getOrDefault(XLA_FLAGS, "").contains(XLA_CPU_FLAG)) {
      throw new SettingException("xla", "true", "needs " + XLA_FLAGS + "=" + XLA_CPU_FLAG
          + " in the environment before the JVM starts (TensorFlow reads it once, when it loads)");
    }
  }
}
