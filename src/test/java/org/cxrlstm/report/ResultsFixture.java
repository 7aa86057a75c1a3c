package org.cxrlstm.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a realistic small results folder in the documented layout (docs/results-format.md): 90
 * images, 18 in the test set, 5 folds, one or more arms, one failed trial, optional gradcam.csv.
 */
final class ResultsFixture {
  static final String[] CLASSES = {"covid", "pneumonia", "normal"};
  static final int PER_CLASS = 30;
  static final int TEST_PER_CLASS = 6;
  static final int FOLDS = 5;

  private final List<Map<String, String>> arms = new ArrayList<>();
  private boolean gradcam;
  private String failedTrial = "";

  /** Adds an arm; {@code accuracy} is the chance a fold model gets a test image right. */
  ResultsFixture arm(String arch, String lr, String mask, double accuracy) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("arch", arch);
    a.put("learning_rate", lr);
    a.put("epochs", "5");
    a.put("lstm_units", arch.equals("cnn") ? "0" : "64"); // as the runner writes it: the CNN has no LSTM
    a.put("augment", "true");
    a.put("mask", mask);
    a.put("precision", "float32");
    a.put("input_size", "64");
    a.put("width", "0.25");
    a.put("batch_size", "8");
    a.put("dropout", "0.5");
    a.put("_accuracy", Double.toString(accuracy));
    arms.add(a);
    return this;
  }

  /** Sets a setting of the last added arm. */
  ResultsFixture set(String key, String value) {
    arms.get(arms.size() - 1).put(key, value);
    return this;
  }

  ResultsFixture withGradcam() {
    gradcam = true;
    return this;
  }

  /** Marks fold 4 of the first arm as failed (no predictions). */
  ResultsFixture withFailedTrial() {
    failedTrial = id(arms.get(0), 4);
    return this;
  }

  static String id(Map<String, String> arm, int fold) {
    return String.format(Locale.ROOT, "%s-f%d-%08x", arm.get("arch"), fold,
        (arm.toString() + fold).hashCode() & 0xffffffffL);
  }

  private static String settings(Map<String, String> arm, int fold) {
    return String.join(",", arm.get("arch"), Integer.toString(fold), "42", arm.get("learning_rate"),
        arm.get("epochs"), arm.get("lstm_units"), arm.get("augment"), arm.get("mask"), arm.get("precision"),
        arm.get("input_size"), arm.get("width"), arm.get("batch_size"), arm.get("dropout"));
  }

  private static String armColumns(Map<String, String> arm) {
    return String.join(",", arm.get("arch"), arm.get("learning_rate"), arm.get("epochs"), arm.get("lstm_units"),
        arm.get("augment"), arm.get("mask"), arm.get("precision"), arm.get("input_size"), arm.get("width"),
        arm.get("batch_size"), arm.get("dropout"));
  }

  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    String settingHeader = "arch,fold,seed,learning_rate,epochs,lstm_units,augment,mask,precision,input_size,width,batch_size,dropout";
    String armHeader = "arch,learning_rate,epochs,lstm_units,augment,mask,precision,input_size,width,batch_size,dropout";
    Files.writeString(dir.resolve("config.properties"), "experiment=fixture\nseed=42\nfolds=5\ntest.fraction=0.2\n");
    Files.writeString(dir.resolve("environment.properties"), "git.commit=abc123\njava.version=17\ntf.version=1.1.0\n");
    StringBuilder split = new StringBuilder("index,file,label,patient_id,partition,fold\n");
    List<int[]> test = new ArrayList<>();
    int index = 0;
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < PER_CLASS; i++, index++) {
        boolean isTest = i < TEST_PER_CLASS;
        // two images per patient for COVID-19, so the bootstrap has multi-image units
        String patient = c == 0 ? "p-covid-" + (i / 2) : "p-" + CLASSES[c] + "-" + i;
        split.append(String.format(Locale.ROOT, "%d,%s/img%02d.png,%s,%s,%s,%s%n", index, CLASSES[c], i, CLASSES[c],
            patient, isTest ? "test" : "train", isTest ? "" : Integer.toString(i % FOLDS)));
        if (isTest) {
          test.add(new int[] {index, c, i});
        }
      }
    }
    Files.writeString(dir.resolve("split.csv"), split);
    StringBuilder plan = new StringBuilder("trial_index,trial_id," + settingHeader + "\n");
    StringBuilder trials = new StringBuilder("trial_index,trial_id," + settingHeader + ",status,best_epoch,epochs_run,"
        + "stopped_early,val_accuracy,val_loss,test_accuracy,test_loss,test_n,seconds,threads\n");
    StringBuilder epochs = new StringBuilder("trial_id," + settingHeader
        + ",epoch,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate_now,seconds\n");
    StringBuilder predictions = new StringBuilder("trial_id," + settingHeader
        + ",index,file,patient_id,label,predicted,p_covid,p_pneumonia,p_normal\n");
    StringBuilder ensemble = new StringBuilder(armHeader
        + ",models,index,file,patient_id,label,predicted,p_covid,p_pneumonia,p_normal\n");
    StringBuilder cams = new StringBuilder("trial_id," + armHeader + ",index,file,label,predicted,inner_mass,border_mass\n");
    Random random = new Random(11);
    int trialIndex = 0;
    for (Map<String, String> arm : arms) {
      double accuracy = Double.parseDouble(arm.get("_accuracy"));
      double[][] sum = new double[test.size()][3];
      int models = 0;
      for (int fold = 0; fold < FOLDS; fold++, trialIndex++) {
        String id = id(arm, fold);
        String s = settings(arm, fold);
        plan.append(trialIndex).append(',').append(id).append(',').append(s).append('\n');
        if (id.equals(failedTrial)) {
          trials.append(String.format(Locale.ROOT, "%d,%s,%s,failed,,0,false,,,,,0,1.0,2%n", trialIndex, id, s));
          continue;
        }
        models++;
        int correct = 0;
        double loss = 0;
        for (int t = 0; t < test.size(); t++) {
          int label = test.get(t)[1];
          double[] p = probabilities(label, accuracy, random);
          int predicted = argMax(p);
          correct += predicted == label ? 1 : 0;
          loss -= Math.log(p[label]) / test.size();
          for (int k = 0; k < 3; k++) {
            sum[t][k] += p[k];
          }
          predictions.append(String.format(Locale.ROOT, "%s,%s,%d,%s/img%02d.png,%s,%s,%s,%.6f,%.6f,%.6f%n", id, s,
              test.get(t)[0], CLASSES[label], test.get(t)[2], patientOf(test.get(t)), CLASSES[label],
              CLASSES[predicted], p[0], p[1], p[2]));
          if (gradcam) {
            double inner = arm.get("mask").equals("lungs-out") ? 0.2 : 0.6 + 0.1 * random.nextDouble();
            cams.append(String.format(Locale.ROOT, "%s,%s,%d,%s/img%02d.png,%s,%s,%.4f,%.4f%n", id, armColumns(arm),
                test.get(t)[0], CLASSES[label], test.get(t)[2], CLASSES[label], CLASSES[predicted], inner, 1 - inner));
          }
        }
        for (int e = 1; e <= 5; e++) {
          epochs.append(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.4f,%.4f,%s,%.2f%n", id, s, e, 1.2 / e,
              0.5 + 0.08 * e + 0.01 * fold, 1.1 / e + 0.05, 0.45 + 0.08 * e, arm.get("learning_rate"), 1.5 * e));
        }
        double valLoss = Double.parseDouble(arm.getOrDefault("_val_loss", "0.40")) + 0.01 * fold;
        trials.append(String.format(Locale.ROOT, "%d,%s,%s,done,5,5,false,0.85,%.4f,%.6f,%.6f,%d,7.5,2%n", trialIndex,
            id, s, valLoss, (double) correct / test.size(), loss, test.size()));
      }
      for (int t = 0; t < test.size(); t++) {
        double[] mean = {sum[t][0] / models, sum[t][1] / models, sum[t][2] / models};
        int label = test.get(t)[1];
        ensemble.append(String.format(Locale.ROOT, "%s,%d,%d,%s/img%02d.png,%s,%s,%s,%.6f,%.6f,%.6f%n", armColumns(arm),
            models, test.get(t)[0], CLASSES[label], test.get(t)[2], patientOf(test.get(t)), CLASSES[label],
            CLASSES[argMax(mean)], mean[0], mean[1], mean[2]));
      }
    }
    Files.writeString(dir.resolve("plan.csv"), plan);
    Files.writeString(dir.resolve("trials.csv"), trials);
    Files.writeString(dir.resolve("epochs.csv"), epochs);
    Files.writeString(dir.resolve("predictions.csv"), predictions);
    Files.writeString(dir.resolve("ensemble_predictions.csv"), ensemble);
    if (gradcam) {
      Files.writeString(dir.resolve("gradcam.csv"), cams);
    }
    return dir;
  }

  private static String patientOf(int[] t) {
    return t[1] == 0 ? "p-covid-" + (t[2] / 2) : "p-" + CLASSES[t[1]] + "-" + t[2];
  }

  private static double[] probabilities(int label, double accuracy, Random random) {
    int top = random.nextDouble() < accuracy ? label : (label + 1 + random.nextInt(2)) % 3;
    double[] p = new double[3];
    double high = 0.45 + 0.5 * random.nextDouble();
    for (int k = 0; k < 3; k++) {
      p[k] = k == top ? high : (1 - high) / 2;
    }
    return p;
  }

  private static int argMax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }
}
