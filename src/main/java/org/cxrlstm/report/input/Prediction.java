package org.cxrlstm.report.input;

/**
 * One test image's prediction by a fold model ({@code fold >= 0}, trained with {@code seed}) or an
 * arm's ensemble ({@code fold == ENSEMBLE}), as read from predictions.csv or ensemble_predictions.csv.
 */
public record Prediction(Arm arm, int fold, long seed, int index, String file, String patientId, int label, int predicted,
    double[] probabilities) {
  public static final int ENSEMBLE = -1;

  public ModelKey model() {
    return new ModelKey(seed, fold);
  }

  public boolean correct() {
    return label == predicted;
  }

  /** Resampling unit for the bootstrap: the patient when known, else the image. */
  public String unit() {
    return patientId == null || patientId.isEmpty() ? "image:" + index : patientId;
  }
}
