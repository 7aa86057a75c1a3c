package org.cxrlstm.report;

import java.util.Locale;
import org.cxrlstm.eval.ConfusionMatrix;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.Wilson;

/**
 * What a lungs-out arm's accuracy does and does not show. The mask is the fixed central rectangle
 * of {@link org.cxrlstm.data.image.CentralRegion}, not a lung segmentation, so "without the lungs" means
 * "without that box". And pneumonia and normal images come from the same pediatric source: a model
 * that still tells them apart with the box hidden uses something that neither source nor age
 * explains (lung tissue outside the box, or other anatomy), so the text checks that pair on its own.
 */
final class ShortcutText {
  private ShortcutText() {}

  static final int PNEUMONIA = 1;
  static final int NORMAL = 2;

  /** How an arm's input was masked, in words. */
  static String masked(String mask) {
    return switch (mask) {
      case "lungs-out" -> "with the central box (x, y 15-85% of the image, around the lung fields; a fixed "
          + "rectangle, not a lung segmentation) blacked out";
      case "lungs-only" -> "with only that central box kept";
      default -> "on full images";
    };
  }

  /**
   * Pneumonia-vs-normal accuracy of {@code m}: of the test images labelled pneumonia or normal, the
   * share predicted as their own class, with its Wilson interval.
   */
  static Estimate pneumoniaVsNormal(ConfusionMatrix m) {
    long right = m.count(PNEUMONIA, PNEUMONIA) + m.count(NORMAL, NORMAL);
    return Wilson.interval(right, m.support(PNEUMONIA) + m.support(NORMAL));
  }

  /** The sentences after a lungs-out arm's accuracy; {@code chance} is the majority-class rate. */
  static String lungsOutMeaning(ConfusionMatrix m, Estimate accuracy, double chance) {
    if (!(accuracy.low() > chance)) {
      return " This is not clearly above the majority-class rate of " + pct(chance) + ": no evidence here that "
          + "the models classify without the central box.";
    }
    String out = " Even the lower end of its 95% interval is above the majority-class rate of " + pct(chance)
        + ": the models classify these X-rays without seeing the central box, so they use something outside it "
        + "(the image border, burned-in text, source differences, or lung tissue the box does not cover).";
    Estimate pn = pneumoniaVsNormal(m);
    long n = m.support(PNEUMONIA) + m.support(NORMAL);
    if (!pn.defined() || n == 0) {
      return out;
    }
    double pnChance = (double) Math.max(m.support(PNEUMONIA), m.support(NORMAL)) / n;
    return out + " Pneumonia and normal images come from the same pediatric source: on those " + n
        + " test images it is right on " + pn.percent() + " % against " + pct(pnChance) + " for the larger class"
        + (pn.low() > pnChance
            ? ", so it still separates pneumonia from normal, which source or age alone does not explain."
            : ", no clear evidence that it separates pneumonia from normal without the box.");
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
