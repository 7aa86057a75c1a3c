package org.cxrlstm.train.gradcam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.data.image.BatchIterator;
import org.cxrlstm.data.image.CentralRegion;
import org.cxrlstm.data.image.ImageSource;
import org.cxrlstm.eval.CamMass;
import org.cxrlstm.eval.Overlay;
import org.cxrlstm.results.io.Csv;

/**
 * Grad-CAM over a set of test images: the inner/border mass of the predicted class's map for every
 * image, and overlays for a chosen few. Rows go to {@code gradcam.csv}
 * (docs/results-format.md).
 */
public final class GradCamSurvey {
  /** The columns after the caller's leading columns (trial_id and arm columns, or model). */
  public static final List<String> COLUMNS = List.of("index", "file", "label", "predicted", "inner_mass", "border_mass");

  private GradCamSurvey() {}

  /** One explained image: dataset index, true and predicted class, the map's mass shares. */
  public record Row(int index, int label, int predicted, CamMass mass) {}

  /**
   * Explains the predicted class of every image in {@code batches} (normalised as the model was
   * trained); {@code pixels} gives the uint8 images the overlays are drawn on (the masked view when a
   * mask was applied, i.e. what the model saw), {@code overlays} the PNG file per dataset index to draw.
   */
  public static List<Row> run(GradCam cam, BatchIterator batches, IntUnaryOperator predictedOf, ImageSource pixels,
      Map<Integer, Path> overlays) throws IOException {
    List<Row> rows = new ArrayList<>();
    CentralRegion region = CentralRegion.LUNG_FIELDS;
    while (batches.hasNext()) {
      Batch batch = batches.next();
      int[] predicted = new int[batch.count()];
      for (int i = 0; i < batch.count(); i++) {
        predicted[i] = predictedOf.applyAsInt(batch.indices()[i]);
      }
      float[][] maps = cam.maps(batch, predicted);
      for (int i = 0; i < batch.count(); i++) {
        int index = batch.indices()[i];
        rows.add(new Row(index, batch.labels()[i], predicted[i], CamMass.of(maps[i], cam.size(), region)));
        Path png = overlays.get(index);
        if (png != null) {
          Overlay.write(pixels.pixels(index), maps[i], cam.size(), region, png);
        }
      }
    }
    return rows;
  }

  /** Writes {@code rows} as gradcam.csv: {@code leadHeader} cells (same on every row), then {@link #COLUMNS}. */
  public static void write(Path file, List<String> leadHeader, List<String> leadValues, List<Row> rows,
      List<String> classes, IntFunction<String> fileOf) throws IOException {
    if (leadHeader.size() != leadValues.size()) {
      throw new IllegalArgumentException(leadHeader.size() + " leading columns but " + leadValues.size() + " values");
    }
    List<String> header = new ArrayList<>(leadHeader);
    header.addAll(COLUMNS);
    Csv.writeRows(file, header, csv -> {
      for (Row r : rows) {
        List<Object> cells = new ArrayList<>(leadValues);
        cells.add(r.index());
        cells.add(fileOf.apply(r.index()));
        cells.add(classes.get(r.label()));
        cells.add(classes.get(r.predicted()));
        cells.add(share(r.mass().inner()));
        cells.add(share(r.mass().border()));
        csv.row(cells);
      }
    });
  }

  /** Blank when undefined (an all-zero map), as the other CSVs write undefined numbers. */
  private static String share(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** A file name for an overlay: {@code <class>-<correct|wrong>-<index>.png}. */
  public static String overlayName(List<String> classes, int label, int predicted, int index) {
    return classes.get(label) + "-" + (label == predicted ? "correct" : "wrong") + "-" + index + ".png";
  }
}
