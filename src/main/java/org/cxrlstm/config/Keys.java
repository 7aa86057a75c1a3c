package org.cxrlstm.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The schema of every setting a sweep experiment understands: name, kind of value, default and a
 * one-line meaning. {@link #resolve} rejects unknown keys, missing required keys and invalid
 * values before any training starts, naming the key and the value.
 *
 * <p>List keys (comma-separated) are the swept ones; {@code protocol.Plan} expands their product into trials.
 */
public final class Keys {
  /** One setting. {@code defaultValue} is null for a required key. */
  public record Key(String name, ValueKind kind, String defaultValue, String meaning) {
    public boolean required() {
      return defaultValue == null;
    }

    /** The same key with another default ({@code ""}: optional, no value). */
    public Key withDefault(String value) {
      return new Key(name, kind, value, meaning);
    }

    /** The same key, optional: blank unless given. */
    public Key optional() {
      return withDefault(required() ? "" : defaultValue);
    }

    /** A key of one command, not of the sweep experiments. */
    public static Key of(String name, ValueKind kind, String defaultValue, String meaning) {
      return new Key(name, kind, defaultValue, meaning);
    }
  }

  /** The architecture column: always swept, the innermost loop of the plan. */
  public static final Dimension ARCHITECTURE = new Dimension("architectures", "arch",
      ValueKind.choice("cnn", "cnn-lstm"), false, true, null, null, "architectures compared");

  /**
   * The trial settings in column order after {@code arch, fold, seed}; the plan loops over them in
   * this order (first outermost), the architecture innermost. A swept one takes a comma-separated list.
   */
  public static final List<Dimension> DIMENSIONS = List.of(
      new Dimension("learning.rates", "learning_rate", ValueKind.real(1e-9, 1.0), true, true, null, null,
          "Adam learning rates (paper: 1e-4)"),
      new Dimension("epochs", "epochs", ValueKind.integer(1, 100_000), false, true, null, null,
          "maximum epochs per trial (paper: up to 200)"),
      new Dimension("lstm.units", "lstm_units", ValueKind.integer(1, 100_000), false, true, "0", "64",
          "LSTM hidden units (not stated in the paper); the CNN's column is 0"),
      new Dimension("augment", "augment", ValueKind.bool(), false, true, null, "false",
          "augment training images (rotation/shift/zoom/flip below)"),
      new Dimension("mask", "mask", ValueKind.choice(Masks.SUPPORTED), false, true, null, "none",
          "lung masking of the input: none, lungs-out, lungs-only"),
      new Dimension("precision", "precision", ValueKind.precision(), false, true, null, "float32",
          "arithmetic: float32, bf16 or auto"),
      new Dimension("input.size", "input_size", ValueKind.integer(32, 4096), false, false, null, null,
          "input side in pixels, a multiple of 32 (paper: 224)"),
      new Dimension("width", "width", ValueKind.real(0.001, 16), true, false, null, null,
          "multiplier on Table 2's filter counts (paper: 1.0)"),
      new Dimension("batch.size", "batch_size", ValueKind.integer(1, 100_000), false, true, null, null,
          "images per Adam step (not stated in the paper)"),
      new Dimension("dropout", "dropout", ValueKind.real(0, 0.99), true, true, null, "0",
          "dropout before the final dense layer (not stated in the paper)"));

  private static final Map<String, Key> ALL = new LinkedHashMap<>();

  private static void key(String name, ValueKind kind, String defaultValue, String meaning) {
    key(new Key(name, kind, defaultValue, meaning));
  }

  private static void key(Key k) {
    ALL.put(k.name(), k);
  }

  static {
    key("description", ValueKind.text(), "", "one line shown in the experiment list");
    // data
    key("data.dir", ValueKind.text(), DatasetSettings.DATA_DIR_DEFAULT,
        "dataset folder: the manifest's images are fetched into it, synthetic ones generated into it");
    key("dataset.manifest", ValueKind.text(), DatasetSettings.MANIFEST_DEFAULT,
        "manifest CSV of the dataset (file, label, patient_id, sha256, source URL columns)");
    key("classes", ValueKind.text(), "", "classes kept, comma-separated, in index order (covid,normal: a binary task); blank = every label of the manifest");
    key("label.column", ValueKind.text(), "label", "manifest column used as the class (source: predict the image's source instead)");
    key("data.where", ValueKind.text(), "", "COLUMN=VALUE of the manifest: only those images are used (e.g. source_repo=hida6/covid-chestxray-dataset, a within-source comparison); blank = every image");
    key("data", ValueKind.text(), "", "an ImageFolder directory used instead of the manifest's dataset (blank: none)");
    key("dataset.mirror", ValueKind.text(), "",
        "URL prefix to fetch missing images from (file:DIR, http(s)://...); blank: the manifest's source URLs");
    key("cache.dir", ValueKind.text(), "data/cache", "where decoded, resized images are cached between runs");
    key("normalization", ValueKind.choice("standardize", "scale"), "standardize",
        "pixels to floats: per-image standardisation, or scale to [0,1] as the authors' Keras code");
    key("synthetic", ValueKind.bool(), "false", "generate a learnable synthetic image folder in data.dir instead of real X-rays");
    key("synthetic.per.class", ValueKind.integer(3, 100_000), "20", "synthetic images per class");
    key("synthetic.size", ValueKind.integer(8, 4096), "64", "side in pixels of the synthetic images");
    key("results.dir", ValueKind.text(), "results", "results root; the experiment writes results.dir/NAME/");
    // protocol
    key("seed", ValueKind.longInteger(), null,
        "seeds initial weights, shuffling and augmentation (repeat r uses seed + r), and the split unless split.seed is set");
    key("split.seed", ValueKind.longInteger(), "", "seeds the hold-out split and the folds; blank = seed");
    key("repeats", ValueKind.integer(1, 1000), "1",
        "training runs per arm and fold, repeat r with seed + r on the same split (training variance)");
    key("test.fraction", ValueKind.real(0.01, 0.9), null, "share of images held out as the fixed test set (paper: 0.15)");
    key("folds", ValueKind.integer(2, 50), null, "cross-validation folds on the remaining images (paper: 5)");
    key("test.where", ValueKind.text(), "", "COLUMN=VALUE of the manifest: those images are the test set (leave one source out); blank = stratified hold-out of test.fraction");
    key("near.duplicates", ValueKind.integer(-1, 64), String.valueOf(org.cxrlstm.split.NearDuplicates.BITS_DEFAULT), "images whose 64-bit DCT hashes differ in at most this many bits stay on one side of the split like one patient; -1 = off");
    // the trial settings, swept or fixed, as declared in DIMENSIONS
    key(ARCHITECTURE.asKey());
    DIMENSIONS.forEach(d -> key(d.asKey()));
    // model selection and the paper comparison (validation folds only; never a test column)
    key("select.metric", ValueKind.choice("val_loss", "val_accuracy"), "val_loss",
        "how a sweep's report selects its arm: lowest mean validation loss or highest mean validation accuracy of the fold models");
    key("paper.arm", ValueKind.text(), "",
        "the arm compared with the paper, as column=value pairs (e.g. lstm_units=64,augment=true); blank = the arm closest to the paper's design");
    // fixed model and optimisation settings
    key("init", ValueKind.choice("he", "glorot"), "he", "initial weight distribution (Keras default: glorot)");
    key("patience", ValueKind.integer(0, 100_000), null,
        "epochs without lower validation loss before stopping, best weights restored; 0 = no early stopping");
    key("lr.decay.factor", ValueKind.real(0.001, 1.0), "1.0",
        "learning rate multiplier after lr.decay.patience epochs without improvement; 1.0 = off");
    key("lr.decay.patience", ValueKind.integer(0, 100_000), "0", "epochs without improvement before decaying; 0 = off");
    key("augment.rotation", ValueKind.real(0, 180), "0", "maximum rotation in degrees when augmenting");
    key("augment.shift", ValueKind.real(0, 0.5), "0", "maximum shift as a fraction of the side when augmenting");
    key("augment.zoom", ValueKind.real(0, 0.5), "0", "maximum zoom in or out as a fraction when augmenting");
    key("augment.flip", ValueKind.bool(), "false", "random horizontal flips when augmenting");
    // process
    key("threads", ValueKind.threads(), "auto", "TensorFlow intra-op threads; auto = all cores");
    key("inter.threads", ValueKind.integer(1, 64), "2", "TensorFlow inter-op threads; 2 ran the real-data sweep 0.87x and the cold baseline 0.84x as long as 1, with identical results (results/reference/bench)");
    key("xla", ValueKind.bool(), "false", "TensorFlow's XLA JIT over the whole graph (global_jit_level ON_1); needs TF_XLA_FLAGS=--tf_xla_cpu_global_jit in the environment");
    key("onednn.max.isa", ValueKind.choice(OneDnnSettings.VALUES), "", "cap on oneDNN's instruction set (ONEDNN_MAX_CPU_ISA, e.g. AVX2), for results that repeat across CPUs; blank = TensorFlow's choice; must be set in the environment too");
    key("save.models", ValueKind.bool(), "false", "save each trial's model under models/ID (SavedModel)");
    key("checkpoint.every", ValueKind.integer(0, 1_000_000), "1", "epochs between a trial's resumable checkpoints in trials/ID.partial (0 = none; SIGTERM still writes one)");
    key("gradcam.samples", ValueKind.integer(0, 100_000), "0", "Grad-CAM overlays per trial, spread over class and correct/wrong; > 0 also writes gradcam.csv for every test image (0 = no Grad-CAM)");
    key("tensorboard", ValueKind.bool(), "true",
        "write TensorBoard event files (losses, accuracies, learning rate per epoch) under tensorboard/ID");
    key("workers", ValueKind.integer(1, 256), "1", "trials run at once as separate JVMs on this machine");
    key("emit", ValueKind.choice("none", "slurm", "k8s"), "none", "write a cluster job script instead of running");
    key("plan", ValueKind.bool(), "false", "write results/NAME/plan.csv and stop");
    key("trial", ValueKind.optionalInteger(0, Integer.MAX_VALUE), "",
        "run only this plan index (else SLURM_ARRAY_TASK_ID / JOB_COMPLETION_INDEX, else all)");
    key("merge", ValueKind.bool(), "false", "merge finished trials into the experiment CSVs and report, no training");
    key("fresh", ValueKind.bool(), "false", "move an existing results/NAME aside (never deleted) and start over");
    // scale-out (docs/cluster.md): resources of emitted Slurm and Kubernetes jobs
    key("slurm.partition", ValueKind.text(), "", "--partition of the emitted Slurm job; blank = the cluster's default");
    key("slurm.account", ValueKind.text(), "", "--account of the emitted Slurm job; blank = the user's default");
    key("slurm.time", ValueKind.text(), "02:00:00", "--time per trial (minutes, HH:MM:SS or D-HH:MM:SS)");
    key("slurm.cpus", ValueKind.integer(1, 1024), "2", "--cpus-per-task, also each trial's TensorFlow threads");
    key("slurm.mem", ValueKind.text(), "8G", "--mem per trial (e.g. 8G); the JVM heap is half of it");
    key("slurm.parallel", ValueKind.integer(1, 100_000), "8", "the %P of --array: trials running at once");
    key("slurm.java", ValueKind.text(), "java", "Java launcher in the Slurm tasks");
    key("k8s.image", ValueKind.text(), "maven:3.9-eclipse-temurin-17", "container image with Java 17 and Maven");
    key("k8s.claim", ValueKind.text(), "cxr-lstm", "ReadWriteMany PersistentVolumeClaim with the project and results");
    key("k8s.mount", ValueKind.text(), "/shared", "where the claim is mounted in each pod");
    key("k8s.workdir", ValueKind.text(), "", "project checkout on the volume; blank = <k8s.mount>/cxr-lstm");
    key("k8s.m2", ValueKind.text(), "", "Maven repository on the volume; blank = <k8s.mount>/m2");
    key("k8s.cpus", ValueKind.integer(1, 1024), "2", "CPU request and limit per pod, also its TensorFlow threads");
    key("k8s.mem", ValueKind.text(), "8Gi", "memory request and limit per pod; the JVM heap is half of it");
    key("k8s.parallel", ValueKind.integer(1, 100_000), "4", "parallelism of the Indexed Job");
    key("k8s.namespace", ValueKind.text(), "default", "namespace of the emitted Jobs");
  }

  /** Keys that describe how a process runs, not what it computes; left out of config.properties. */
  public static final List<String> PROCESS_KEYS = Stream.concat(
      Stream.of("threads", "inter.threads", "xla", "workers", "emit", "plan", "trial", "merge", "fresh"),
      ALL.keySet().stream().filter(k -> k.startsWith("slurm.") || k.startsWith("k8s."))).toList();

  private Keys() {}

  public static Map<String, Key> all() {
    return Collections.unmodifiableMap(ALL);
  }

  /** The keys that pick the dataset (commands that read one accept them all). */
  public static final List<String> DATASET_KEYS = List.of("data.dir", "dataset.manifest", "classes", "label.column",
      "data.where", "data", "dataset.mirror", "cache.dir", "synthetic", "synthetic.per.class", "synthetic.size");
  /** The keys that make the hold-out split and the folds. */
  public static final List<String> SPLIT_KEYS = List.of("seed", "split.seed", "test.fraction", "folds", "test.where",
      "near.duplicates");

  /**
   * Keys for a command's schema: each part is a list of names of the keys above or a {@link Key}
   * of the command's own.
   */
  public static List<Key> group(Object... parts) {
    List<Key> out = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Key k) {
        out.add(k);
      } else {
        for (Object name : (List<?>) part) {
          out.add(get((String) name));
        }
      }
    }
    return out;
  }

  /** The schema entry {@code name}; an unknown name is a programming error. */
  public static Key get(String name) {
    Key k = ALL.get(name);
    if (k == null) {
      throw new IllegalArgumentException("no key " + name);
    }
    return k;
  }

  /** The schema of the sweep experiments (experiments/NAME.properties): every key above. */
  public static Schema sweep(String experiment) {
    return Schema.of(experiment == null ? "a sweep experiment" : "experiment " + experiment, ALL.values());
  }

  /**
   * Every sweep key with its value: given ones checked, missing optional ones defaulted, then the
   * rules between keys.
   *
   * @throws SettingException for the first unknown key, missing required key, invalid value or broken rule
   */
  public static Settings resolve(Settings given) {
    return resolve(null, given);
  }

  /** As {@link #resolve(Settings)}, messages naming {@code experiment}. */
  public static Settings resolve(String experiment, Settings given) {
    Settings resolved = sweep(experiment).resolve(given);
    crossCheck(resolved);
    return resolved;
  }

  /** Rules between keys. */
  private static void crossCheck(Settings s) {
    int size = s.integer("input.size");
    if (size % 32 != 0) {
      throw new SettingException("input.size", String.valueOf(size),
          "is not a multiple of 32 (five 2x2 pooling blocks, Table 2)");
    }
    if (s.integer("lr.decay.patience") > 0 && s.integer("patience") > 0
        && s.integer("lr.decay.patience") >= s.integer("patience")) {
      throw new SettingException("lr.decay.patience", s.string("lr.decay.patience"),
          "must be smaller than patience " + s.string("patience") + ", or training stops before it decays");
    }
    ThreadSettings.requireXlaEnvironment(s, System.getenv());
    if (s.bool("synthetic", false) && s.has("data")) {
      throw new SettingException("data", s.string("data"),
          "cannot be used with synthetic = true (the experiment generates its images); drop one of them");
    }
    requireDistinct(s, ARCHITECTURE);
    DIMENSIONS.stream().filter(Dimension::sweepable).forEach(d -> requireDistinct(s, d));
  }

  private static void requireDistinct(Settings s, Dimension d) {
    List<String> seen = new ArrayList<>();
    for (String v : s.list(d.key())) {
      String canonical = Trial.canonical(d.column(), v);
      if (seen.contains(canonical)) {
        throw new SettingException(d.key(), s.string(d.key()), "lists '" + v + "' twice");
      }
      seen.add(canonical);
    }
  }
}
