package org.cxrlstm.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Arithmetic precision of the heavy ops. Variables, optimizer state and the loss stay float32. */
public enum Precision {
  FLOAT32("float32"),
  /** oneDNN's bfloat16 graph rewrite (auto_mixed_precision_onednn_bfloat16) on CPUs that have it. */
  BF16("bf16");

  private final String id;

  Precision(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The choice and why it was made, recorded with every run. */
  public record Choice(Precision precision, String reason) {}

  /** Parses {@code float32}, {@code bf16} or {@code auto}; refuses bf16 where the CPU lacks it. */
  public static Choice choose(String value, String cpuFlags, boolean gpu) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    boolean cpuHasBf16 = hasBf16(cpuFlags);
    switch (v) {
      case "float32":
        return new Choice(FLOAT32, "requested");
      case "bf16":
        if (gpu) {
          throw new IllegalArgumentException("precision 'bf16' is a CPU (oneDNN) rewrite; TensorFlow Java "
              + "1.1.0 exposes only float16 auto mixed precision for GPUs. Use precision=float32 on a GPU");
        }
        if (!cpuHasBf16) {
          throw new IllegalArgumentException("precision 'bf16' needs a CPU with AVX512-BF16 or AMX-BF16; this "
              + "CPU reports neither, and emulating it would be slower than float32. Use precision=float32");
        }
        return new Choice(BF16, "requested; CPU reports bf16 support");
      case "auto":
        if (gpu) {
          return new Choice(FLOAT32, "auto: GPU run, the oneDNN bf16 rewrite is CPU-only");
        }
        return cpuHasBf16
            ? new Choice(BF16, "auto: CPU reports avx512_bf16/amx_bf16")
            : new Choice(FLOAT32, "auto: CPU has no bf16 support");
      default:
        throw new IllegalArgumentException("precision '" + value + "' is not allowed (allowed: "
            + Arrays.stream(values()).map(Precision::id).collect(Collectors.joining(", ")) + ", auto)");
    }
  }

  /** Whether {@code cpuFlags} (a /proc/cpuinfo flags line) lists avx512_bf16 or amx_bf16. */
  public static boolean hasBf16(String cpuFlags) {
    String padded = " " + cpuFlags + " ";
    return padded.contains(" avx512_bf16 ") || padded.contains(" amx_bf16 ");
  }

  /** The flags line of /proc/cpuinfo, or "" where there is none. */
  public static String cpuFlags() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("flags"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .orElse("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
