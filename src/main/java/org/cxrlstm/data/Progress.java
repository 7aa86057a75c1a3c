package org.cxrlstm.data;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on standard error for long data steps (decode, fetch). */
public final class Progress {
  private Progress() {}

  public static ProgressBar bar(String task, long max, String unit, long unitSize) {
    ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
        .setConsumer(new ConsoleProgressBarConsumer(System.err, 100));
    if (unit != null) {
      builder.setUnit(unit, unitSize);
    }
    return builder.build();
  }
}
