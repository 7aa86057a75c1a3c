package org.cxrlstm.config;

/** The TensorFlow intra-op thread count of the key {@code threads}. */
public final class ThreadSettings {
  private ThreadSettings() {}

  /** {@code threads}: a number, or {@code auto} for every core of this machine. */
  public static int threads(Settings s) {
    String t = s.string("threads");
    return t.equals("auto") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(t);
  }
}
