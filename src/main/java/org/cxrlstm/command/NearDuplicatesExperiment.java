package org.cxrlstm.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.cxrlstm.config.DatasetSettings;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.SplitSettings;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.data.image.ImageStore;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.split.NearDuplicates;

/**
 * {@code -Dexperiment=near-duplicates}: hashes every image of the dataset ({@link NearDuplicates})
 * and prints how many pairs of images of two different patients lie at each hash distance up to
 * {@code near.duplicates.list} bits, then lists the pairs within {@code near.duplicates} bits, the ones
 * the split keeps together; both tables are also written as CSV files ({@code out}). What a data card counts,
 * and how a threshold is checked by eye.
 */
final class NearDuplicatesExperiment implements Experiment {
  static final int LIST_DEFAULT = 12;
  /** Pairs of images of two patients at each hash distance; {@code cumulative} counts those at most {@code bits} apart. */
  static final String COUNTS_FILE = "near_duplicates.csv";
  static final List<String> COUNTS = List.of("bits", "pairs", "same_class", "cumulative", "confirmed_by_pixels");
  /** The pairs within {@code near.duplicates} bits, the ones the split keeps together when {@code confirmed}. */
  static final String PAIRS_FILE = "near_duplicate_pairs.csv";
  static final List<String> PAIRS = List.of("bits", "rms", "confirmed", "file_a", "patient_a", "label_a", "file_b",
      "patient_b", "label_b");
  private final PrintStream out;

  NearDuplicatesExperiment(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "near-duplicates";
  }

  @Override
  public String description() {
    return "count near-duplicate images of two patients by hash distance (dataset.manifest, data.dir, near.duplicates)";
  }

  @Override
  public Schema schema() {
    return Schema.of("near-duplicates", Keys.group(Keys.DATASET_KEYS,
        Keys.Key.of("near.duplicates", ValueKind.integer(0, 64), String.valueOf(NearDuplicates.BITS_DEFAULT),
            "hash distance in bits up to which pairs are listed as linked"),
        Keys.Key.of("near.duplicates.list", ValueKind.integer(0, 64), String.valueOf(LIST_DEFAULT),
            "largest hash distance counted in the table"),
        Keys.Key.of("out", ValueKind.text(), "",
            "folder for near_duplicates.csv and near_duplicate_pairs.csv; blank = results/near-duplicates-<data folder name>")));
  }

  @Override
  public void execute(Settings settings) throws Exception {
    // the folder first: an unwritable -Dout fails before the images are hashed
    Path target = Path.of(settings.string("out", "results/near-duplicates-"
        + Path.of(settings.string("data.dir", DatasetSettings.DATA_DIR_DEFAULT)).toAbsolutePath().normalize().getFileName()));
    try {
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new SettingException("out", target.toString(), "is not a folder that can be created (" + e + ")");
    }
    Dataset dataset = DatasetSettings.load(settings);
    int bits = settings.integer("near.duplicates");
    int histogram = Math.max(bits, settings.integer("near.duplicates.list"));
    ImageStore small = SplitSettings.small(dataset, settings);
    List<NearDuplicates.Pair> pairs = NearDuplicates.candidates(small, NearDuplicates.hashes(small), histogram).stream()
        .filter(p -> !dataset.entry(p.first()).patientId().equals(dataset.entry(p.second()).patientId())).toList();
    List<List<Object>> counts = new ArrayList<>();
    int cumulative = 0;
    for (int d = 0; d <= histogram; d++) {
      final int at = d;
      List<NearDuplicates.Pair> these = pairs.stream().filter(p -> p.bits() == at).toList();
      cumulative += these.size();
      long sameClass = these.stream().filter(p -> dataset.entry(p.first()).label() == dataset.entry(p.second()).label())
          .count();
      counts.add(List.of(d, these.size(), sameClass, cumulative, these.stream().filter(NearDuplicates.Pair::confirmed).count()));
    }
    List<NearDuplicates.Pair> linked = pairs.stream().filter(p -> p.bits() <= bits).toList();
    List<List<Object>> listed = new ArrayList<>();
    Set<Integer> images = new TreeSet<>();
    for (NearDuplicates.Pair p : linked) {
      images.add(p.first());
      images.add(p.second());
      ImageEntry a = dataset.entry(p.first());
      ImageEntry b = dataset.entry(p.second());
      listed.add(List.of(p.bits(), String.format(Locale.ROOT, "%.3f", p.rms()), p.confirmed(),
          a.file(), a.patientId(), dataset.classes().get(a.label()),
          b.file(), b.patientId(), dataset.classes().get(b.label())));
    }
    Csv.write(target.resolve(COUNTS_FILE), COUNTS, counts);
    Csv.write(target.resolve(PAIRS_FILE), PAIRS, listed);

    out.println(dataset.size() + " images, " + dataset.patients().size() + " patients, "
        + (long) dataset.size() * (dataset.size() - 1) / 2 + " image pairs; pairs of two patients by hash distance:");
    print(Csv.printer(out, COUNTS), counts);
    out.println(linked.stream().filter(NearDuplicates.Pair::confirmed).count() + " of " + linked.size()
        + " pairs within " + bits + " bits confirmed by pixel rms <= " + NearDuplicates.RMS_MAX
        + ", kept together (" + images.size() + " images in the candidates):");
    print(Csv.printer(out, PAIRS), listed);
    out.println("wrote " + target.resolve(COUNTS_FILE) + " and " + target.resolve(PAIRS_FILE));
  }

  private static void print(Csv.Rows console, List<List<Object>> rows) throws IOException {
    for (List<Object> row : rows) {
      console.row(row);
    }
  }
}
