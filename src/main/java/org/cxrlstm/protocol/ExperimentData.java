package org.cxrlstm.protocol;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cxrlstm.config.DatasetSettings;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.SplitSettings;
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.image.ImageSource;
import org.cxrlstm.data.image.ImageStore;
import org.cxrlstm.data.image.SyntheticImages;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.metadata.FileAttributes;
import org.cxrlstm.metadata.MetadataBaseline;
import org.cxrlstm.metadata.MetadataFeatures;
import org.cxrlstm.results.ResultsLayout;
import org.cxrlstm.results.io.AtomicFiles;
import org.cxrlstm.split.Split;
import org.cxrlstm.split.SplitFile;
import org.cxrlstm.split.SplitRecord;

/**
 * The images and the split every trial of an experiment shares: the dataset (real, or synthetic
 * images generated once), decoded at the input size, and one split saved as {@code split.csv} and
 * reused, so every arm sees the same folds and comparisons are paired (docs/results-format.md).
 */
public record ExperimentData(Dataset dataset, ImageSource images, Split split) {
  /** Name suffix of the temporary folder synthetic images are generated into. */
  static final String GENERATING = ".generating";

  public static ExperimentData load(Settings s, ResultsLayout layout, PrintStream out) throws IOException {
    Dataset dataset = dataset(s, layout);
    Split split = split(s, layout, dataset, out);
    ensureMetadataBaseline(s, layout, dataset, split, out);
    ImageSource images = ImageStore.load(dataset, s.integer("input.size"), Path.of(s.string("cache.dir")));
    return new ExperimentData(dataset, images, split);
  }

  /**
   * The dataset: synthetic images generated into {@code data.dir} when asked for, else an
   * ImageFolder ({@code data}) or the manifest's images fetched into {@code data.dir} as needed.
   */
  public static Dataset dataset(Settings s, ResultsLayout layout) throws IOException {
    Path dir = Path.of(s.string("data.dir"));
    if (s.bool("synthetic", false)) {
      Path manifest = dir.resolve("manifest.csv");
      try (AtomicFiles.Held lock = AtomicFiles.lock(layout.lock("synthetic"))) {
        if (!Files.exists(manifest)) {
          generate(dir, s.integer("synthetic.per.class"), s.integer("synthetic.size"), s.longValue("seed"));
        }
      }
      return DatasetSettings.load(DatasetSettings.readManifest(manifest, s), dir, s);
    }
    // concurrent trial processes fetch once: the others wait and then find every file present
    try (AtomicFiles.Held lock = AtomicFiles.lock(layout.lock("dataset"))) {
      return DatasetSettings.load(s);
    }
  }

  /**
   * Synthetic images into a temporary sibling folder renamed to {@code dir} when complete, so a
   * manifest in {@code dir} always lists every image: a process killed while writing leaves only the
   * temporary folder, which the next run deletes and writes again.
   */
  static void generate(Path dir, int perClass, int size, long seed) throws IOException {
    Path tmp = dir.resolveSibling(dir.getFileName() + GENERATING);
    AtomicFiles.deleteRecursively(tmp);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new DataException(dir + " holds files but no manifest.csv, so it is not a complete synthetic"
              + " image folder; delete it or give another data.dir");
        }
      }
      Files.delete(dir);
    }
    Files.createDirectories(tmp.getParent());
    SyntheticImages.writeImageFolder(tmp, perClass, size, seed);
    AtomicFiles.rename(tmp, dir);
  }

  /**
   * split.csv of the experiment: read back when present, else made once under a lock and recorded
   * in split.properties ({@link SplitRecord}). An existing split made with another split seed, test
   * fraction, fold count or other images is refused naming the key; one without a record (written
   * before splits were recorded) is reused with a warning, its fold count checked.
   */
  public static Split split(Settings s, ResultsLayout layout, Dataset dataset, PrintStream out) throws IOException {
    int folds = s.integer("folds");
    SplitRecord wanted = new SplitRecord(SplitSettings.splitSeed(s), s.real("test.fraction"), folds, dataset.contentHash());
    try (AtomicFiles.Held lock = AtomicFiles.lock(layout.lock("split"))) {
      Path file = layout.split();
      Path recordFile = SplitRecord.beside(file);
      if (Files.exists(file)) {
        Optional<SplitRecord> recorded = SplitRecord.read(recordFile);
        if (recorded.isPresent()) {
          refuseDifferences(s, recorded.get(), wanted, file);
        } else {
          out.println("warning: " + file + " has no " + SplitRecord.FILE_NAME + ", so its seed, test fraction and "
              + "images are unknown; only its fold count is checked");
        }
        Split split = SplitFile.read(file, dataset);
        if (split.folds().size() != folds) {
          throw new SettingException("folds", String.valueOf(folds), "differs from the " + split.folds().size()
              + " folds of " + file + "; use another results.dir or -Dfresh=true");
        }
        return split;
      }
      Split split = SplitSettings.split(s, dataset, out);
      // the record first: split.csv appearing is what marks the split as made
      wanted.write(recordFile);
      SplitFile.write(file, dataset, split);
      out.println("wrote " + file + ": " + split.test().length + " test images, " + folds + " folds, split seed "
          + wanted.seed());
      return split;
    }
  }

  private static void refuseDifferences(Settings s, SplitRecord recorded, SplitRecord wanted, Path file) {
    List<String> differ = recorded.differences(wanted);
    if (differ.isEmpty()) {
      return;
    }
    String key = differ.get(0);
    String setting = switch (key) {
      case "split.seed" -> s.string("split.seed", "").isBlank() ? "seed" : "split.seed";
      case "dataset.hash" -> s.bool("synthetic", false) ? "data.dir"
          : s.has("data") && !s.string("data").isBlank() ? "data" : "dataset.manifest";
      default -> key;
    };
    String value = key.equals("dataset.hash") ? s.string(setting, "") : wanted.values().get(key);
    String detail = key.equals("dataset.hash")
        ? "gives images with content hash " + wanted.datasetHash() + ", but " + file + " was made on images with "
            + "dataset.hash=" + recorded.datasetHash()
        : "differs from " + key + "=" + recorded.values().get(key) + " recorded for " + file;
    throw new SettingException(setting, value, detail + " (" + SplitRecord.beside(file) + "; differing: "
        + String.join(", ", differ) + "); use the recorded value, another results.dir or -Dfresh=true");
  }

  /**
   * Writes {@code metadata_baseline.csv} of an experiment once (kept when present): the baseline on the
   * experiment's classes (any number: three, two, or sources under {@code label.column}) and split, so the
   * report can state it from the CSVs alone.
   */
  public static void ensureMetadataBaseline(Settings s, ResultsLayout layout, Dataset dataset, Split split, PrintStream out)
      throws IOException {
    Path file = layout.root().resolve(MetadataBaseline.FILE_NAME);
    try (AtomicFiles.Held lock = AtomicFiles.lock(layout.lock("metadata"))) {
      if (Files.exists(file)) {
        return;
      }
      MetadataBaseline b = MetadataBaseline.run(MetadataFeatures.of(FileAttributes.of(dataset, DatasetSettings.manifestFile(s))).rows(),
          dataset.entries().stream().mapToInt(e -> e.label()).toArray(), dataset.classes().size(), split);
      b.write(file, dataset);
      Estimate acc = b.testAccuracy();
      out.println("wrote " + file + ": file attributes alone score " + acc.percent() + " % on the test set");
    }
  }
}
