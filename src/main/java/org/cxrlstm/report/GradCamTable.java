package org.cxrlstm.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the Grad-CAM mass of test images falls (gradcam.csv): the share inside the central lung
 * region against the share on the image border, per arm and class. Mass on borders and burned-in
 * text is the signature of a shortcut (DeGrave et al. 2021).
 */
final class GradCamTable {
  private GradCamTable() {}

  static void add(Page page, Sections sections, List<GradCamRow> rows, List<String> varied) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    page.heading(2, "Grad-CAM: lung region vs border");
    List<Arm> arms = rows.stream().map(GradCamRow::arm).distinct().toList();
    List<List<String>> out = new ArrayList<>();
    for (Arm arm : arms) {
      for (int c = -1; c < sections.classes().count(); c++) {
        final int cls = c;
        List<GradCamRow> of = rows.stream().filter(r -> r.arm().equals(arm) && (cls < 0 || r.label() == cls)).toList();
        if (of.isEmpty()) {
          continue;
        }
        Spread inner = Spread.of(of.stream().mapToDouble(GradCamRow::innerMass).toArray());
        Spread border = Spread.of(of.stream().mapToDouble(GradCamRow::borderMass).toArray());
        long correct = of.stream().filter(r -> r.label() == r.predicted()).count();
        out.add(List.of(arm.label(varied), cls < 0 ? "all" : sections.classes().title(cls), Integer.toString(of.size()),
            Long.toString(correct), inner.plain(), border.plain(),
            border.mean() > inner.mean() ? "more on the border" : "more in the lungs"));
      }
    }
    sections.add(new Table("gradcam-mass", "Grad-CAM mass per true class: mean ± sd over fold models and test images (from gradcam.csv)",
        List.of("arm", "class", "model-image pairs", "correct", "inner (lung) mass", "border mass", "where most"), out));
    page.text(String.format(Locale.ROOT, "Inner mass is the share of the heatmap inside the central lung region, "
        + "border mass the share in the outer frame of the image. A model that looks at the border more than the "
        + "lungs is likely using text, markers or source differences rather than lung findings. " + Report.CONFOUND));
  }
}
