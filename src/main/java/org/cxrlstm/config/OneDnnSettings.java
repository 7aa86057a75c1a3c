package org.cxrlstm.config;

import java.util.Map;

/**
 * The {@code onednn.max.isa} setting: the highest instruction set oneDNN may use
 * ({@code ONEDNN_MAX_CPU_ISA}), so that hosts with different CPUs can run the same kernels. oneDNN
 * reads the variable once, when TensorFlow's native library loads, and Java cannot set a process's
 * own environment: so the setting cannot impose the cap, only demand it. A run whose environment
 * does not carry the requested value is refused with the command that does; child JVMs
 * ({@code workers}) and Slurm tasks (which export the submitting shell's environment by default)
 * inherit it from the shell that starts Maven.
 */
public final class OneDnnSettings {
  public static final String ENV = "ONEDNN_MAX_CPU_ISA";
  /** oneDNN's names for x86 caps (oneDNN 3.x documentation, "CPU dispatcher control"). */
  static final String[] VALUES = {"SSE41", "AVX", "AVX2", "AVX2_VNNI", "AVX2_VNNI_2", "AVX512_CORE",
      "AVX512_CORE_VNNI", "AVX512_CORE_BF16", "AVX512_CORE_FP16", "AVX512_CORE_AMX", "AVX512_CORE_AMX_FP16", "ALL"};

  private OneDnnSettings() {}

  /** Refuses a run whose {@code onednn.max.isa} is set but not in force in {@code env}. */
  public static void require(Settings s, Map<String, String> env) {
    String wanted = s.string("onednn.max.isa", "");
    if (wanted.isEmpty()) {
      return;
    }
    String actual = env.getOrDefault(ENV, "");
    if (!actual.equalsIgnoreCase(wanted)) {
      throw new SettingException("onednn.max.isa", wanted, "is not in force: this process has " + ENV + "="
          + (actual.isEmpty() ? "(unset)" : actual) + ", and oneDNN reads it only when TensorFlow loads; start "
          + "the run as '" + ENV + "=" + wanted + " mvn -q compile exec:java ...'");
    }
  }
}
