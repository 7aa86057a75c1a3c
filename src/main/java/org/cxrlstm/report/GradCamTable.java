package org.cxrlstm.report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cxrlstm.data.image.CentralRegion;
import org.cxrlstm.eval.Spread;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.GradCamRow;
import org.cxrlstm.report.page.Page;
import org.cxrlstm.report.page.Table;

/**
 * Where the Grad-CAM mass of test images falls (gradcam.csv): the share inside the central lung
 * region against the share on the image border, per arm and class. Mass on borders and burned-in
 * text is the signature of a shortcut (DeGrave et al. 2021). The lung region covers about half the
 * image (0.49 at 128 px), so a map spread evenly puts that share inside: "more in the lungs" means
 * more than such a map, not more than half.
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
        double uniform = uniformInnerShare(arm);
        out.add(List.of(arm.label(varied), cls < 0 ? "all" : sections.classes().title(cls), Integer.toString(of.size()),
            Long.toString(correct), inner.plain(), border.plain(), String.format(Locale.ROOT, "%.3f", uniform),
            where(inner.mean(), uniform)));
      }
    }
    sections.add(new Table("gradcam-mass", "Grad-CAM mass per true class: mean ± sd over fold models and test images (from gradcam.csv)",
        List.of("arm", "class", "model-image pairs", "correct", "inner (lung) mass", "border mass",
            "inner share of a uniform map", "lung region vs a uniform map"), out));
    // Plain concatenation, not String.format: the confound text carries percentages of its own ("83% of ...").
    page.text("Inner mass is the share of the heatmap inside the central rectangle "
        + "x, y 15-85% of the image (a fixed box around the lung fields, not a lung segmentation), border mass the "
        + "share in the outer frame. The box covers about half the image, so a map spread evenly over the image "
        + "puts that share (the uniform column) inside; only a mean inner mass above it means the maps favour the "
        + "lung region. A model whose maps favour the border is likely using text, markers or source differences "
        + "rather than lung findings. " + sections.confound());
  }

  /** The share of the lung region in an image of the arm's input size; the continuous area if the size is unknown. */
  static double uniformInnerShare(Arm arm) {
    CentralRegion r = CentralRegion.LUNG_FIELDS;
    try {
      return r.areaShare(Integer.parseInt(arm.get("input_size").trim()));
    } catch (NumberFormatException e) {
      return (r.right() - r.left()) * (r.bottom() - r.top());
    }
  }

  /** Whether a mean inner mass is above or below what a map spread evenly over the image gives. */
  static String where(double innerMean, double uniformShare) {
    if (Double.isNaN(innerMean)) {
      return "n/a";
    }
    return innerMean > uniformShare ? "more in the lungs than uniform" : "less in the lungs than uniform";
  }
}
