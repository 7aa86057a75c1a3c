package org.cxrlstm.report;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.TInterval;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.page.Page;
import org.cxrlstm.report.page.Table;
import org.cxrlstm.report.stats.ArmEvaluation;
import org.cxrlstm.results.io.Csv;

/**
 * A published result on the same data as this run, for datasets other than the paper's
 * ({@code src/main/resources/paper/ozturk2020-results.csv}: Ozturk et al. 2020, DarkCovidNet, with each
 * number's place in their paper). Their model is neither of ours, so every arm is set beside it.
 */
final class PublishedSection {
  static final String RESOURCE = "/paper/ozturk2020-results.csv";

  /** One published number on one manifest and class list. */
  record Published(String system, double percent, String location, String note, String manifest, String classes) {}

  private PublishedSection() {}

  static List<Published> numbers() {
    try (InputStream in = PublishedSection.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
      }
      List<Published> out = new ArrayList<>();
      for (Csv.Row c : Csv.read(RESOURCE, in, List.of()).rows()) {
        out.add(new Published(c.get("architecture"), Double.parseDouble(c.get("value")), c.get("location"),
            c.get("note"), c.get("manifest"), c.get("classes")));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** The published numbers for this run's manifest and classes (none for the paper's own data). */
  static List<Published> matching(Properties config, ClassNames classes) {
    String manifest = config.getProperty("dataset.manifest", "").trim();
    String names = String.join(",", classes.names());
    return numbers().stream().filter(p -> !manifest.isEmpty() && manifest.endsWith(p.manifest())
        && p.classes().equals(names)).toList();
  }

  static void add(Page page, Sections sections, List<ArmEvaluation> arms, List<String> labels, List<Published> numbers)
      throws IOException {
    page.heading(2, "Comparison with the published result on this dataset");
    List<List<String>> rows = new ArrayList<>();
    for (Published p : numbers) {
      for (int i = 0; i < arms.size(); i++) {
        ArmEvaluation e = arms.get(i);
        Estimate models = TInterval.of(e.foldValues("accuracy", -1));
        rows.add(List.of(p.system(), String.format(Locale.ROOT, "%.2f", p.percent()), labels.get(i),
            models.percent() + " (" + e.models().size() + " models)", e.ensembleEstimate("accuracy", -1).percent(),
            models.defined() ? String.format(Locale.ROOT, "%+.1f", 100 * models.value() - p.percent()) : "n/a",
            p.location() + " (" + p.note() + ")"));
      }
    }
    sections.add(new Table("published-vs-reproduced", "Published accuracy on this dataset beside each arm of this run "
        + "(theirs: 5-fold cross-validation on all images; ours: a fixed held-out test set)",
        List.of("published system", "published accuracy %", "our arm", "our models' test accuracy % [95% t-interval]",
            "our ensemble test accuracy % [95% Wilson, test sampling only]", "difference (points, models' mean)",
            "where in their paper"), rows));
    page.text("Ozturk T. et al. (2020), Automated detection of COVID-19 cases using deep neural networks with X-ray "
        + "images, Computers in Biology and Medicine 121:103792. Their protocol (5-fold cross-validation over all "
        + "images) and ours (a held-out test set, patient-grouped) differ, so the numbers are comparable in kind only.");
  }
}
