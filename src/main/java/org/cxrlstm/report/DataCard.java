package org.cxrlstm.report;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The data card's first lines for the dataset a results folder was trained on (its {@code dataset.manifest}):
 * what the data is, and what besides disease separates its classes. A run restricted by {@code data.where},
 * {@code classes}, {@code test.where} or {@code label.column} says so, and its confound follows the restriction.
 * The full cards are in data/README.md.
 */
final class DataCard {
  private DataCard() {}

  private static final String PAPER_DATA = "Data: covid-xray-421 following Islam, Islam & Asraf (2020): COVID-19 from "
      + "the Cohen et al. COVID-19 image data collection (adults); pneumonia and normal from Kermany et al. "
      + "(pediatric, Guangzhou).";
  /** The paper's dataset's confound. */
  static final String PAPER_CONFOUND = "Confound: all pneumonia and normal images are pediatric (Kermany et al., "
      + "children aged 1-5) and all COVID-19 images are adult (Cohen et al.); a classifier can separate the "
      + "classes by age-related anatomy or by source, so these accuracies are not evidence of COVID-19 detection.";
  private static final String NOT_DETECTION = "so these accuracies are not evidence of COVID-19 detection.";

  /** What the data is, with the run's restrictions. */
  static String data(Properties config) {
    String base = switch (dataset(config)) {
      case "covid-xray-421" -> PAPER_DATA;
      case "covid-darkcovidnet" -> "Data: covid-darkcovidnet, the set of Ozturk et al. (2020): COVID-19 from the Cohen "
          + "et al. collection (publication figures, mostly adults); pneumonia and no findings (\"normal\") from NIH "
          + "ChestX-ray8 (1024 px grey PNGs).";
      case "covid-adult-mixed" -> "Data: covid-adult-mixed, the adult control: COVID-19 from the Cohen et al. "
          + "collection (age >= 18); pneumonia from Cohen (44) and NIH ChestX-ray8 (208); normal from Actualmed (18) "
          + "and NIH (234).";
      default -> "Data: " + dataset(config) + " (see its data card).";
    };
    StringBuilder out = new StringBuilder(base);
    if (!get(config, "data.where").isEmpty()) {
      out.append(" Only the images with ").append(get(config, "data.where")).append(".");
    }
    if (!get(config, "classes").isEmpty()) {
      out.append(" Classes: ").append(get(config, "classes")).append(".");
    }
    if (!get(config, "test.where").isEmpty()) {
      out.append(" Test set: every image with ").append(get(config, "test.where")).append(", none of them trained on.");
    }
    if (!get(config, "label.column").isEmpty()) {
      out.append(" Label: the manifest's ").append(get(config, "label.column")).append(" column, not the diagnosis.");
    }
    return out.toString();
  }

  /** What besides disease can separate the classes of this run. */
  static String confound(Properties config) {
    String column = get(config, "label.column");
    if (!column.isEmpty()) {
      return "Probe: the label is the image's " + column + ", not a diagnosis; accuracy far above the majority "
          + "class means the " + column + " can be read from the pixels.";
    }
    String where = get(config, "data.where");
    if (where.startsWith("source=") && !where.contains(",")) {
      return "Within one source (" + where.substring("source=".length()) + "): every image comes from the same "
          + "collection, so the source cannot separate the classes; age, view and file encoding still can (the "
          + "metadata baseline shows how much file attributes alone give).";
    }
    String held = get(config, "test.where");
    if (!held.isEmpty()) {
      return "Leave one source out: trained without the images with " + held + " and tested only on them; a model "
          + "that learned each source's look instead of the disease fails here, and a class the held-out images lack "
          + "(or that training lacks) cannot be scored as in the other runs.";
    }
    return switch (dataset(config)) {
      case "covid-xray-421" -> PAPER_CONFOUND;
      case "covid-darkcovidnet" -> "Confound: every COVID-19 image comes from the Cohen collection and every pneumonia "
          + "and normal image from NIH ChestX-ray8, so source and file encoding alone can separate COVID-19 from the "
          + "rest; " + NOT_DETECTION;
      case "covid-adult-mixed" -> "Confound: COVID-19 is all Cohen (publication figures) while 83% of pneumonia and "
          + "93% of normal images are NIH 1024 px grey PNGs, so \"NIH-looking = not COVID-19\" is still available to a "
          + "classifier; " + NOT_DETECTION;
      default -> "Confound: not described for this dataset; the metadata baseline shows how much file attributes "
          + "alone give.";
    };
  }

  /** The manifest's file name without .csv; the paper's dataset when none is recorded. */
  private static String dataset(Properties config) {
    String manifest = get(config, "dataset.manifest");
    if (manifest.isEmpty()) {
      return "covid-xray-421";
    }
    String name = Path.of(manifest).getFileName().toString();
    return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
  }

  /** A setting as recorded, blank when absent; {@code label.column=label} (the default: the diagnosis) reads blank. */
  private static String get(Properties config, String key) {
    String value = config.getProperty(key, "").trim();
    return key.equals("label.column") && value.equals("label") ? "" : value;
  }
}
