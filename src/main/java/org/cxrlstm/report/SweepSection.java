package org.cxrlstm.report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.TInterval;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ReportInputException;
import org.cxrlstm.report.input.Results;
import org.cxrlstm.report.input.Trial;
import org.cxrlstm.report.page.Page;
import org.cxrlstm.report.page.Plots;
import org.cxrlstm.report.page.Table;
import org.cxrlstm.report.stats.ArmEvaluation;
import org.cxrlstm.report.stats.Selection;
import org.cxrlstm.train.TrainConfig;

/**
 * Views generic over what an experiment varies: accuracy and loss against the learning rate (log
 * axis) or the epoch budget, one bar per arm for any other setting, the shortcut paragraph for
 * mask arms, and the Grad-CAM mass table.
 */
final class SweepSection {
  private final Sections sections;
  private final Page page;
  private final Plots plots;
  private final Results results;
  private final List<ArmEvaluation> arms;
  private final List<String> labels;
  private final List<String> varied;

  SweepSection(Sections sections, Page page, Plots plots, Results results, List<ArmEvaluation> arms,
      List<String> labels, List<String> varied) {
    this.sections = sections;
    this.page = page;
    this.plots = plots;
    this.results = results;
    this.arms = arms;
    this.labels = labels;
    this.varied = varied;
  }

  void sweeps() throws IOException {
    List<String> settings = varied.stream().filter(c -> !c.equals("arch")).toList();
    if (arms.size() < 2) {
      return;
    }
    page.heading(2, "Arms" + (settings.isEmpty() ? "" : " and sweeps over " + String.join(", ", settings)));
    sections.add(PerformanceTables.arms(arms, labels, results));
    selection();
    for (String setting : settings) {
      if (setting.equals("learning_rate") || setting.equals("epochs")) {
        numeric(setting);
      }
    }
    List<String> categorical = settings.stream().filter(c -> !c.equals("learning_rate") && !c.equals("epochs")).toList();
    if (!categorical.isEmpty()) {
      bars(String.join(", ", categorical));
    }
    if (settings.contains("mask")) {
      shortcut();
    }
    page.text(sections.confound());
  }

  /**
   * One line per group of arms equal in everything but {@code setting}: the mean test and validation
   * accuracy of the fold models, band = 95% t-interval over the models (training and test variance), and
   * the arm selected on validation named in the caption.
   */
  private void numeric(String setting) throws IOException {
    Map<String, List<ArmEvaluation>> groups = new LinkedHashMap<>();
    List<String> others = varied.stream().filter(c -> !c.equals(setting)).toList();
    for (ArmEvaluation e : arms) {
      groups.computeIfAbsent(e.arm().label(others), k -> new ArrayList<>()).add(e);
    }
    List<Plots.Line> accuracy = new ArrayList<>();
    List<Plots.Line> loss = new ArrayList<>();
    List<String> archs = groups.values().stream().map(g -> g.get(0).arm().arch()).toList();
    List<Integer> shades = Plots.shades(archs);
    int g = 0;
    for (Map.Entry<String, List<ArmEvaluation>> e : groups.entrySet()) {
      List<ArmEvaluation> sorted = e.getValue().stream()
          .sorted((x, y) -> Double.compare(number(x, setting), number(y, setting))).toList();
      double[] x = sorted.stream().mapToDouble(a -> number(a, setting)).toArray();
      accuracy.add(line(e.getKey() + " test", archs.get(g), shades.get(g), x,
          sorted.stream().map(a -> TInterval.of(a.foldValues("accuracy", -1))).toList()));
      accuracy.add(line(e.getKey() + " validation", archs.get(g), shades.get(g) + 1, x,
          sorted.stream().map(a -> TInterval.of(trialValues(a, Trial::valAccuracy))).toList()));
      loss.add(line(e.getKey() + " validation", archs.get(g), shades.get(g), x,
          sorted.stream().map(a -> TInterval.of(trialValues(a, Trial::valLoss))).toList()));
      g++;
    }
    boolean log = setting.equals("learning_rate");
    String name = log ? "lr-sweep" : "epoch-sweep";
    // both swept values double from step to step (1e-5, 3e-5, ...; 5, 10, 20, ...): a log axis spaces them evenly
    String axis = log ? "learning rate (log scale)" : "epoch budget (log scale)";
    Selection selection = selection(results);
    List<String> chosen = new ArrayList<>();
    for (String arch : new LinkedHashSet<>(archs)) {
      selection.selected(arch).ifPresent(c -> chosen.add(arch + " " + Arm.shortName(setting) + "=" + c.arm().get(setting)));
    }
    String selected = chosen.isEmpty() ? "" : "; selected on validation loss: " + String.join(", ", chosen);
    String budget = log ? "" : "; dashed grey line: the paper's budget of up to " + TrainConfig.PAPER_EPOCHS
        + " epochs, not run at this spec";
    List<Plots.Mark> marks = log ? List.of()
        : List.of(new Plots.Mark(TrainConfig.PAPER_EPOCHS, "paper: " + TrainConfig.PAPER_EPOCHS + " epochs (not run)"));
    page.image(plots.lines(name + "-accuracy", "Accuracy against " + axis, axis, "accuracy", accuracy, true, false, marks),
        "Mean test and validation accuracy of the fold models against " + axis + "; band = 95% t-interval over the "
            + "models (includes training variance)" + selected + budget);
    page.image(plots.lines(name + "-loss", "Validation loss against " + axis, axis, "validation loss (cross-entropy)",
        loss, true, false), "Mean " + keptEpoch() + " validation loss of the fold models (trials.csv) against " + axis
        + "; band = 95% t-interval over the models" + selected);
  }

  /** Which epoch's weights a trial kept: the best under early stopping ({@code patience > 0}), else the last. */
  private String keptEpoch() {
    String patience = results.config().getProperty("patience", "").trim();
    return patience.equals("0") ? "last-epoch (no early stopping)" : "best-epoch";
  }

  private double[] trialValues(ArmEvaluation a, java.util.function.ToDoubleFunction<Trial> value) {
    return results.trials().stream().filter(t -> t.arm().equals(a.arm()) && t.done()).mapToDouble(value).toArray();
  }

  private static Plots.Line line(String name, String arch, int shade, double[] x, List<Estimate> values) {
    return new Plots.Line(name, arch, shade, x, values.stream().mapToDouble(Estimate::value).toArray(),
        values.stream().mapToDouble(v -> Double.isNaN(v.low()) ? v.value() : v.low()).toArray(),
        values.stream().mapToDouble(v -> Double.isNaN(v.high()) ? v.value() : v.high()).toArray());
  }

  /** The arm each architecture would take forward, chosen on validation folds only ({@link Selection}). */
  private void selection() throws IOException {
    Selection selection = selection(results);
    List<String> archs = new ArrayList<>(new LinkedHashSet<>(arms.stream().map(a -> a.arm().arch()).toList()));
    List<String> lines = archs.stream().filter(selection::hasChoice).map(a -> selection.line(a, varied)).toList();
    if (lines.isEmpty()) {
      return;
    }
    page.heading(3, "Model selection (validation folds only)");
    page.bullets(lines);
    List<List<String>> rows = new ArrayList<>();
    for (Selection.Candidate c : selection.candidates()) {
      boolean chosen = selection.selected(c.arm().arch()).map(s -> s.arm().equals(c.arm())).orElse(false);
      rows.add(List.of(c.arm().label(varied), c.finished() + " of " + c.planned(), c.valLoss().plain(),
          c.valAccuracy().percent(), chosen ? "selected" : c.complete() ? "" : "not selectable (unfinished models)"));
    }
    sections.add(new Table("model-selection", "Validation scores of every arm (" + keptEpoch() + " validation loss and "
        + "accuracy of each fold model, mean ± sd); selection by " + selection.metric() + ", no test column read",
        List.of("arm", "models finished", "validation loss", "validation accuracy %", "selection"), rows));
  }

  /** The selection of a results folder, by its {@code select.metric} (default val_loss). */
  static Selection selection(Results results) {
    String metric = results.config().getProperty("select.metric", "").trim();
    return Selection.of(results.trials(), results.plannedModels(), metric.isEmpty() ? Selection.VAL_LOSS : metric);
  }

  private static double number(ArmEvaluation a, String setting) {
    try {
      return Double.parseDouble(a.arm().get(setting));
    } catch (NumberFormatException e) {
      throw new ReportInputException("arm " + a.arm().settings() + ": " + setting + " '" + a.arm().get(setting)
          + "' is not a number");
    }
  }

  /** One bar per arm, labelled by its non-architecture settings, one colour per architecture. */
  private void bars(String settings) throws IOException {
    List<String> categories = new ArrayList<>(new LinkedHashSet<>(arms.stream()
        .map(a -> a.arm().labelWithoutArch(varied)).toList()));
    List<String> archs = new ArrayList<>(new LinkedHashSet<>(arms.stream().map(a -> a.arm().arch()).toList()));
    List<double[]> values = new ArrayList<>();
    List<double[]> errors = new ArrayList<>();
    for (String arch : archs) {
      double[] v = new double[categories.size()];
      double[] err = new double[categories.size()];
      for (ArmEvaluation a : arms) {
        if (a.arm().arch().equals(arch)) {
          int k = categories.indexOf(a.arm().labelWithoutArch(varied));
          Estimate est = a.ensembleEstimate("accuracy", -1);
          v[k] = 100 * est.value();
          err[k] = est.defined() ? 100 * Math.max(est.value() - est.low(), est.high() - est.value()) : 0;
        }
      }
      values.add(v);
      errors.add(err);
    }
    page.image(plots.bars("ablation", "Ensemble test accuracy per arm (" + settings + " varied)",
        "test accuracy %", categories, archs, archs, values, errors), "Ablation over " + settings + ": ensemble "
        + "test accuracy per arm; error bar = the wider side of the 95% Wilson interval (exact bounds in the arms "
        + "table)");
  }

  /** Plain words for the shortcut control (Maguolo and Nanni 2021; DeGrave et al. 2021). */
  private void shortcut() {
    page.heading(3, "Shortcut control: accuracy without the central lung box");
    List<String> lines = new ArrayList<>();
    for (ArmEvaluation a : arms) {
      String mask = a.arm().get("mask");
      Estimate acc = a.ensembleEstimate("accuracy", -1);
      if (!acc.defined()) {
        continue;
      }
      long majority = 0;
      for (int c = 0; c < a.ensembleConfusion().classes(); c++) {
        majority = Math.max(majority, a.ensembleConfusion().support(c));
      }
      double chance = (double) majority / a.ensembleConfusion().total();
      String what = ShortcutText.masked(mask);
      String meaning = !mask.equals("lungs-out") ? ""
          : ShortcutText.lungsOutMeaning(a.ensembleConfusion(), acc, chance);
      lines.add(label(a) + " " + what + ": ensemble accuracy " + acc.percent() + " %." + meaning);
    }
    page.text("A classifier that still scores well when the central box around the lungs is hidden does not need "
        + "what lies inside it. The box is a fixed rectangle, so it hides most, not all, of the lung fields and "
        + "some other anatomy. The lungs-out arms below answer that question for this run.");
    page.bullets(lines);
  }

  private String label(ArmEvaluation a) {
    return labels.get(arms.indexOf(a));
  }
}
