package org.cxrlstm.protocol;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.image.BatchIterator;
import org.cxrlstm.data.image.ImageBatches;
import org.cxrlstm.data.image.ImageSource;
import org.cxrlstm.data.image.Normalization;
import org.cxrlstm.eval.CamSample;
import org.cxrlstm.train.Predictions;
import org.cxrlstm.train.TrainingSession;
import org.cxrlstm.train.gradcam.GradCam;
import org.cxrlstm.train.gradcam.GradCamSurvey;

/**
 * Grad-CAM of a trained trial model on the test set: {@code gradcam.csv} with the
 * inner/border mass of the predicted class's map for every test image, and overlays in
 * {@code gradcam/} for {@code gradcam.samples} of them, spread over class and correct/wrong.
 */
final class TrialGradCam {
  private TrialGradCam() {}

  static void write(Trial trial, Path dir, TrainingSession session, Dataset dataset, ImageSource images,
      Normalization normalization, Predictions p, int samples) throws IOException {
    List<String> classes = dataset.classes();
    int[] predicted = new int[p.count()];
    Map<Integer, Integer> predictedOf = new HashMap<>();
    for (int i = 0; i < p.count(); i++) {
      predicted[i] = p.predicted(i);
      predictedOf.put(p.indices()[i], predicted[i]);
    }
    Map<Integer, Path> overlays = new HashMap<>();
    for (int i : CamSample.choose(p.labels(), predicted, classes.size(), samples)) {
      overlays.put(p.indices()[i], dir.resolve("gradcam").resolve(
          GradCamSurvey.overlayName(classes, p.labels()[i], predicted[i], p.indices()[i])));
    }
    List<GradCamSurvey.Row> rows;
    try (BatchIterator batches = ImageBatches.ordered(images, p.indices(), p.labels(), trial.batchSize(),
        normalization)) {
      rows = GradCamSurvey.run(new GradCam(session), batches, predictedOf::get, images, overlays);
    }
    List<String> lead = new ArrayList<>(List.of("trial_id"));
    lead.addAll(Trial.ARM_COLUMNS);
    List<String> values = new ArrayList<>(List.of(trial.id()));
    values.addAll(trial.arm().values());
    GradCamSurvey.write(dir.resolve("gradcam.csv"), lead, values, rows, classes, i -> dataset.entry(i).file());
  }
}
