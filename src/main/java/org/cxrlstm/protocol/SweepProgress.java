package org.cxrlstm.protocol;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cxrlstm.config.Trial;
import org.cxrlstm.train.EpochRecord;
import org.cxrlstm.train.TrainingListener;

/**
 * Progress of a sweep on the console: a {@code me.tongfei.progressbar} bar for
 * the experiment (trials, with ETA) and one for the running trial (epochs, with ETA), kept as the
 * last two lines of a terminal while the one-line-per-epoch summaries scroll above them. Lines
 * must be printed through {@link #out()} for that. When the output is not a terminal (a log file,
 * a pipe, a test) there are no bars, whose redraws would fill a log: the epoch lines and the
 * runner's "trials left, about N s" line are the progress there.
 */
public final class SweepProgress implements AutoCloseable {
  private static final int WIDTH = 100;
  private static final String ERASE_UP = "\033[%dA\r\033[J";

  private final PrintStream console;
  private final boolean live;
  private final String name;
  private final int trials;
  private final PrintStream out;
  private final Object lock = new Object();
  private ProgressBar experiment;
  private ProgressBar trial;
  private String experimentText;
  private String trialText;
  private int drawn;

  private SweepProgress(PrintStream console, boolean live, String name, int trials) {
    this.console = console;
    this.live = live;
    this.name = name;
    this.trials = trials;
    this.out = live ? new PrintStream(new Lines(), true, StandardCharsets.UTF_8) : console;
  }

  /**
   * Bars when {@code console} is this process's terminal, plain lines otherwise. On a terminal
   * everything goes straight to file descriptor 1: Maven wraps System.out in a stream that strips
   * the cursor movements under {@code -B}.
   */
  public static SweepProgress open(PrintStream console, String experiment, int trials) {
    if (console == System.out && System.console() != null) {
      System.out.flush();
      PrintStream terminal = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
      return new SweepProgress(terminal, true, experiment, trials);
    }
    return new SweepProgress(console, false, experiment, trials);
  }

  /** For tests: bars drawn (or not) on {@code console} whatever it is. */
  static SweepProgress forConsole(PrintStream console, boolean live, String experiment, int trials) {
    return new SweepProgress(console, live, experiment, trials);
  }

  /** Where to print lines: above the bars when they are shown. */
  public PrintStream out() {
    return out;
  }

  /** Starts the bar of {@code t}; the returned listener steps it once per epoch. */
  TrainingListener startTrial(Trial t) {
    if (!live) {
      return new TrainingListener() {};
    }
    // bars are built and closed outside the lock: their renders run on progressbar's thread and take it
    startExperiment();
    ProgressBar bar = bar(t.id(), t.epochs(), " epochs", text -> trialText = text);
    trial = bar;
    return new TrainingListener() {
      @Override
      public void onEpochEnd(EpochRecord record) {
        bar.stepTo(record.epoch());
      }
    };
  }

  /** The trial started last is over; {@code ran} false for a skipped or busy one (its time says nothing). */
  public void endTrial(boolean ran) {
    if (!live) {
      return;
    }
    ProgressBar finished = trial;
    trial = null;
    if (finished != null) {
      finished.close();
    }
    synchronized (lock) {
      trialText = null;
    }
    startExperiment();
    if (ran) {
      experiment.step();
    } else {
      // a skipped trial takes no time: leave it out of the count, or the ETA would be too short
      experiment.maxHint(Math.max(experiment.getMax() - 1, experiment.getCurrent()));
      experiment.refresh();
    }
  }

  private void startExperiment() {
    if (experiment == null) {
      experiment = bar("experiment " + name, trials, " trials", text -> experimentText = text);
    }
  }

  @Override
  public void close() {
    if (trial != null) {
      trial.close();
      trial = null;
    }
    if (experiment != null) {
      experiment.close();
      experiment = null;
    }
    synchronized (lock) {
      if (trialText != null) {
        trialText = null;
        redraw();
      }
      drawn = 0; // the final state of the experiment bar stays on the screen
    }
    out.flush();
  }

  private ProgressBar bar(String task, long max, String unit, java.util.function.Consumer<String> text) {
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, 1)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).setMaxRenderedLength(WIDTH)
        .setConsumer(new DelegatingProgressBarConsumer(s -> {
          synchronized (lock) {
            text.accept(s);
            redraw();
          }
        }, WIDTH)).build();
  }

  /** Erases the drawn bars and draws the current ones below the cursor. Holds {@link #lock}. */
  private void redraw() {
    erase();
    for (String s : new String[] {experimentText, trialText}) {
      if (s != null) {
        console.print(s + "\n");
        drawn++;
      }
    }
    console.flush();
  }

  private void erase() {
    if (drawn > 0) {
      console.print(String.format(ERASE_UP, drawn));
      drawn = 0;
    }
  }

  /** Whole lines printed above the bars: erase, print, redraw. */
  private final class Lines extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      synchronized (lock) {
        line.write(b);
        if (b == '\n') {
          erase();
          console.write(line.toByteArray(), 0, line.size());
          line.reset();
          redraw();
        }
      }
    }

    @Override
    public void flush() {
      console.flush();
    }
  }
}
