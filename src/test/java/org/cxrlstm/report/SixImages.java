package org.cxrlstm.report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cxrlstm.eval.Bootstrap;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ModelKey;
import org.cxrlstm.report.input.Prediction;
import org.cxrlstm.report.stats.ArmEvaluation;

/**
 * A hand-made arm small enough to evaluate on paper: two fold models (seed 42, folds 0 and 1) and
 * their ensemble on six test images, two per class (0 covid, 1 pneumonia, 2 normal); images 0 and 1
 * belong to one patient.
 *
 * <pre>
 * image label | fold 0            pred | fold 1            pred | ensemble (mean)       pred
 *   0     0   | .6  .3  .1         0 ok | .9  .05 .05        0 ok | .75 .175 .075          0 ok
 *   1     0   | .4  .5  .1         1    | .6  .3  .1         0 ok | .5  .4   .1            0 ok
 *   2     1   | .1  .85 .05        1 ok | .3  .6  .1         1 ok | .2  .725 .075          1 ok
 *   3     1   | .2  .3  .5         2    | .1  .8  .1         1 ok | .15 .55  .3            1 ok
 *   4     2   | .1  .05 .85        2 ok | .2  .2  .6         2 ok | .15 .125 .725          2 ok
 *   5     2   | .3  .1  .6         2 ok | .8  .1  .1         0    | .55 .1   .35           0
 * accuracy    | 4/6                     | 5/6                     | 5/6
 * </pre>
 *
 * Ensemble confusion (rows true, columns predicted): [[2,0,0],[0,2,0],[1,0,1]]; one-vs-rest
 * covid TP 2 FP 1 FN 0 TN 3, pneumonia TP 2 FP 0 FN 0 TN 4, normal TP 1 FP 0 FN 1 TN 4.
 */
final class SixImages {
  static final int[] LABELS = {0, 0, 1, 1, 2, 2};
  static final String[] PATIENTS = {"pa", "pa", "pb", "pc", "pd", "pe"};
  static final double[][] FOLD0 = {{.6, .3, .1}, {.4, .5, .1}, {.1, .85, .05}, {.2, .3, .5}, {.1, .05, .85},
      {.3, .1, .6}};
  static final double[][] FOLD1 = {{.9, .05, .05}, {.6, .3, .1}, {.3, .6, .1}, {.1, .8, .1}, {.2, .2, .6},
      {.8, .1, .1}};
  static final double[][] ENSEMBLE = {{.75, .175, .075}, {.5, .4, .1}, {.2, .725, .075}, {.15, .55, .3},
      {.15, .125, .725}, {.55, .1, .35}};
  static final int[] FOLD0_PREDICTED = {0, 1, 1, 2, 2, 2};
  static final int[] FOLD1_PREDICTED = {0, 0, 1, 1, 2, 0};
  static final int[] ENSEMBLE_PREDICTED = {0, 0, 1, 1, 2, 0};

  private SixImages() {}

  static Arm arm(String arch) {
    return new Arm(Map.of("arch", arch, "learning_rate", "0.0001", "lstm_units", arch.equals("cnn") ? "0" : "64"));
  }

  /** Predictions of one model (or of the ensemble, {@code fold} = {@link Prediction#ENSEMBLE}) in image order. */
  static List<Prediction> predictions(Arm arm, long seed, int fold, double[][] p, int[] predicted) {
    List<Prediction> out = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      out.add(new Prediction(arm, fold, seed, i, "img" + i + ".png", PATIENTS[i], LABELS[i], predicted[i], p[i]));
    }
    return out;
  }

  static Map<ModelKey, List<Prediction>> models(Arm arm) {
    Map<ModelKey, List<Prediction>> models = new TreeMap<>();
    models.put(new ModelKey(42, 0), predictions(arm, 42, 0, FOLD0, FOLD0_PREDICTED));
    models.put(new ModelKey(42, 1), predictions(arm, 42, 1, FOLD1, FOLD1_PREDICTED));
    return models;
  }

  static List<Prediction> ensemble(Arm arm) {
    return predictions(arm, 0, Prediction.ENSEMBLE, ENSEMBLE, ENSEMBLE_PREDICTED);
  }

  /** The arm with the ensemble of the table (not computed by the code under test). */
  static ArmEvaluation evaluation(Arm arm) {
    return new ArmEvaluation(arm, models(arm), ensemble(arm), "hand-made", new Bootstrap(7, 200));
  }
}
