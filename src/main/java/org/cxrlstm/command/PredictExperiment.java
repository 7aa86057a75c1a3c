package org.cxrlstm.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.ThreadSettings;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.data.image.CentralRegion;
import org.cxrlstm.data.image.ImageFiles;
import org.cxrlstm.data.image.Normalization;
import org.cxrlstm.eval.Overlay;
import org.cxrlstm.eval.Probabilities;
import org.cxrlstm.protocol.SavedModels;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.train.Compute;
import org.cxrlstm.train.ModelCard;
import org.cxrlstm.train.ModelStore;
import org.cxrlstm.train.TrainingSession;
import org.cxrlstm.train.gradcam.GradCam;

/**
 * {@code -Dexperiment=predict -Dmodels=DIR -Dimage=FILE|FOLDER [-Dout=predictions.csv]}: class
 * probabilities of each saved model and of their mean (the ensemble) for one image or every image
 * in a folder, printed and written as CSV, with a Grad-CAM overlay of each model's
 * predicted class beside the CSV ({@code <image>-<model>-gradcam.png}). An unreadable image is
 * reported by name and the others carry on. Not for clinical use.
 */
final class PredictExperiment implements Experiment {
  private final PrintStream out;
  private final PrintStream err;

  PredictExperiment(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public String name() {
    return "predict";
  }

  @Override
  public String description() {
    return "class probabilities and Grad-CAM overlays of saved models (-Dmodels) for -Dimage=FILE|FOLDER";
  }

  @Override
  public Schema schema() {
    return Schema.of("predict",
        Keys.Key.of("models", ValueKind.text(), "", "a models/ folder of a sweep, or one SavedModel folder"),
        Keys.Key.of("model", ValueKind.text(), "", "one SavedModel folder (models is used when both are given)"),
        Keys.Key.of("image", ValueKind.text(), null, "an image file or a folder of images"),
        Keys.Key.of("out", ValueKind.text(), "results/predict/predictions.csv", "the CSV written"),
        Keys.get("threads"));
  }

  @Override
  public void execute(Settings settings) throws Exception {
    String key = settings.has("models") || !settings.has("model") ? "models" : "model";
    SavedModels models = SavedModels.open(key, Path.of(settings.string(key)));
    List<Path> files = images(Path.of(settings.string("image")));
    Path csvFile = Path.of(settings.string("out")).toAbsolutePath();
    Files.createDirectories(csvFile.getParent());
    Compute compute = Compute.defaults().withThreads(ThreadSettings.threads(settings));
    List<String> classes = models.classes();
    Map<Path, double[]> sums = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    Map<Path, String> unreadable = new LinkedHashMap<>();
    for (int m = 0; m < models.size(); m++) {
      ModelCard card = models.cards().get(m);
      int size = card.spec().inputSize();
      try (TrainingSession session = ModelStore.load(models.dirs().get(m), compute)) {
        GradCam cam = new GradCam(session);
        for (Path file : files) {
          if (unreadable.containsKey(file)) {
            continue;
          }
          byte[] pixels;
          try {
            pixels = SavedModels.mask(card).apply(ImageFiles.read(file, size), size);
          } catch (IOException | RuntimeException e) {
            String problem = e.getMessage().contains(file.toString()) ? e.getMessage() : file + ": " + e.getMessage();
            err.println("skipped " + problem);
            unreadable.put(file, problem);
            continue;
          }
          float[] x = new float[size * size];
          Normalization.parse(card.normalization()).apply(pixels, x, 0);
          Batch batch = new Batch(x, new int[] {0}, new int[] {0}, 1);
          float[] p = session.evaluate(new OneBatch(batch)).probabilities()[0];
          int predicted = Probabilities.argMax(p);
          float[] map = cam.maps(batch, new int[] {predicted})[0];
          Path png = csvFile.resolveSibling(stem(file) + "-" + models.name(m) + "-gradcam.png");
          Overlay.write(pixels, map, size, CentralRegion.LUNG_FIELDS, png);
          rows.add(row(file, models.name(m), classes, p));
          double[] sum = sums.computeIfAbsent(file, f -> new double[classes.size()]);
          for (int k = 0; k < p.length; k++) {
            sum[k] += p[k];
          }
        }
      }
    }
    for (Map.Entry<Path, double[]> e : sums.entrySet()) {
      float[] mean = new float[classes.size()];
      for (int k = 0; k < mean.length; k++) {
        mean[k] = (float) (e.getValue()[k] / models.size());
      }
      rows.add(row(e.getKey(), "ensemble", classes, mean));
    }
    if (sums.isEmpty()) {
      // nothing to write: an empty predictions.csv would look like a result
      throw new DataException("none of the " + files.size() + " image(s) could be read",
          List.copyOf(unreadable.values()));
    }
    print(csvFile, classes, rows);
    if (!unreadable.isEmpty()) {
      err.println(unreadable.size() + " of " + files.size() + " image(s) skipped (named above)");
    }
  }

  /**
   * {@code image} itself, or the image files under a folder, sorted; other files of the folder
   * (another suffix, hidden such as macOS's {@code ._x.png}) are named as skipped.
   */
  private List<Path> images(Path image) throws IOException {
    if (Files.isRegularFile(image)) {
      return List.of(image);
    }
    if (!Files.isDirectory(image)) {
      throw new SettingException("image", image.toString(), "is neither an image file nor a folder");
    }
    try (Stream<Path> walk = Files.walk(image)) {
      List<Path> files = new ArrayList<>();
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.startsWith(".")) {
          err.println("skipped " + p + ": hidden file");
        } else if (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")) {
          files.add(p);
        } else {
          err.println("skipped " + p + ": not a .png, .jpg or .jpeg file");
        }
      }
      if (files.isEmpty()) {
        throw new SettingException("image", image.toString(), "holds no .png, .jpg or .jpeg file");
      }
      return files;
    }
  }

  private static List<String> row(Path file, String model, List<String> classes, float[] p) {
    List<String> row = new ArrayList<>(List.of(file.toString(), model, classes.get(Probabilities.argMax(p))));
    for (float v : p) {
      row.add(Float.toString(v));
    }
    return row;
  }

  private void print(Path csvFile, List<String> classes, List<List<String>> rows) throws IOException {
    List<String> header = new ArrayList<>(List.of("image", "model", "predicted"));
    classes.forEach(c -> header.add("p_" + c));
    Csv.write(csvFile, header, rows);
    Csv.Rows console = Csv.printer(out, header);
    for (List<String> r : rows) {
      console.row(r);
    }
    err.println("wrote " + csvFile + " and Grad-CAM overlays beside it");
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** One batch as a {@link org.cxrlstm.data.image.BatchIterator}. */
  private static final class OneBatch implements org.cxrlstm.data.image.BatchIterator {
    private Batch next;

    OneBatch(Batch batch) {
      this.next = batch;
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Batch next() {
      Batch b = next;
      next = null;
      return b;
    }

    @Override
    public void close() {}
  }
}
