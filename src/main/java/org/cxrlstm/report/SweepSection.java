package org.cxrlstm.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrlstm.eval.Estimate;

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
    page.text(Report.CONFOUND);
  }

  /** One line per group of arms equal in everything but {@code setting}; accuracy band = 95% Wilson CI. */
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
      List<Estimate> acc = sorted.stream().map(a -> a.ensembleEstimate("accuracy", -1)).toList();
      accuracy.add(new Plots.Line(e.getKey() + " ensemble", archs.get(g), shades.get(g), x,
          acc.stream().mapToDouble(Estimate::value).toArray(), acc.stream().mapToDouble(Estimate::low).toArray(),
          acc.stream().mapToDouble(Estimate::high).toArray()));
      List<Spread> l = sorted.stream().map(a -> Spread.of(results.trials().stream()
          .filter(t -> t.arm().equals(a.arm()) && t.done()).mapToDouble(Trial::testLoss).toArray())).toList();
      loss.add(new Plots.Line(e.getKey() + " fold models", archs.get(g), shades.get(g), x,
          l.stream().mapToDouble(Spread::mean).toArray(), l.stream().mapToDouble(Spread::min).toArray(),
          l.stream().mapToDouble(Spread::max).toArray()));
      g++;
    }
    boolean log = setting.equals("learning_rate");
    String name = log ? "lr-sweep" : "epoch-sweep";
    String axis = log ? "learning rate (log scale)" : "epoch budget";
    page.image(plots.lines(name + "-accuracy", "Test accuracy against " + axis, axis, "test accuracy", accuracy, log,
        false), "Test accuracy of each fold ensemble against " + axis + "; band = 95% Wilson interval");
    page.image(plots.lines(name + "-loss", "Test loss against " + axis, axis, "test loss (cross-entropy)", loss, log,
        false), "Mean test loss of the fold models (trials.csv) against " + axis + "; band = min-max over folds");
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
    page.heading(3, "Shortcut control: accuracy without the lungs");
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
      String what = switch (mask) {
        case "lungs-out" -> "with the central (lung) region blacked out";
        case "lungs-only" -> "with only the central (lung) region kept";
        default -> "on full images";
      };
      String meaning = !mask.equals("lungs-out") ? ""
          : acc.low() > chance
              ? " Even the lower end of its 95% interval is above the majority-class rate of " + pct(chance)
                  + ": the models classify these X-rays without seeing the lungs, so they use something other than "
                  + "lung findings, most likely the differences between the image sources (pediatric vs adult "
                  + "patients, hospitals, scanners, burned-in text). This is a shortcut."
              : " This is not clearly above the majority-class rate of " + pct(chance) + ": no evidence here that "
                  + "the models classify without the lungs.";
      lines.add(label(a) + " " + what + ": ensemble accuracy " + acc.percent() + " %." + meaning);
    }
    page.text("A classifier that still scores well when the lungs are hidden is not reading the lungs. "
        + "The lungs-out arms below answer that question for this run.");
    page.bullets(lines);
  }

  private String label(ArmEvaluation a) {
    return labels.get(arms.indexOf(a));
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
