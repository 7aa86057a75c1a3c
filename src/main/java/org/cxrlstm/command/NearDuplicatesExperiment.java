package org.cxrlstm.command;

import java.io.PrintStream;
import java.util.List;
import org.cxrlstm.config.DatasetSettings;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.SplitSettings;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.data.image.ImageStore;
import org.cxrlstm.split.NearDuplicates;

/**
 * {@code -Dexperiment=near-duplicates}: hashes every image of the dataset ({@link NearDuplicates})
 * and prints how many pairs of images of two different patients lie at each hash distance up to
 * {@code near.duplicates.list} bits, then lists the pairs within {@code near.duplicates} bits, the ones
 * the split keeps together. What a data card counts, and how a threshold is checked by eye.
 */
final class NearDuplicatesExperiment implements Experiment {
  static final int LIST_DEFAULT = 12;
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
            "largest hash distance counted in the table")));
  }

  @Override
  public void execute(Settings settings) throws Exception {
    Dataset dataset = DatasetSettings.load(settings);
    int bits = settings.integer("near.duplicates");
    int histogram = Math.max(bits, settings.integer("near.duplicates.list"));
    ImageStore small = SplitSettings.small(dataset, settings);
    List<NearDuplicates.Pair> pairs = NearDuplicates.candidates(small, NearDuplicates.hashes(small), histogram).stream()
        .filter(p -> !dataset.entry(p.first()).patientId().equals(dataset.entry(p.second()).patientId())).toList();
    out.println(dataset.size() + " images, " + dataset.patients().size() + " patients; pairs of two patients by hash distance:");
    out.println("bits,pairs,same_class,cumulative,confirmed_by_pixels");
    int cumulative = 0;
    for (int d = 0; d <= histogram; d++) {
      final int at = d;
      List<NearDuplicates.Pair> these = pairs.stream().filter(p -> p.bits() == at).toList();
      cumulative += these.size();
      long sameClass = these.stream().filter(p -> dataset.entry(p.first()).label() == dataset.entry(p.second()).label())
          .count();
      out.println(d + "," + these.size() + "," + sameClass + "," + cumulative + ","
          + these.stream().filter(NearDuplicates.Pair::confirmed).count());
    }
    List<NearDuplicates.Pair> linked = pairs.stream().filter(p -> p.bits() <= bits).toList();
    out.println("closest candidate pairs (bits <= " + bits + "), confirmed when pixel rms <= " + NearDuplicates.RMS_MAX + ":");
    java.util.Set<Integer> images = new java.util.TreeSet<>();
    linked.forEach(p -> {
      images.add(p.first());
      images.add(p.second());
    });
    out.println(linked.stream().filter(NearDuplicates.Pair::confirmed).count() + " of " + linked.size()
        + " pairs within " + bits + " bits confirmed, kept together (" + images.size() + " images in the candidates):");
    out.println("bits,rms,confirmed,file_a,patient_a,label_a,file_b,patient_b,label_b");
    for (NearDuplicates.Pair p : linked) {
      ImageEntry a = dataset.entry(p.first());
      ImageEntry b = dataset.entry(p.second());
      out.println(p.bits() + "," + String.format(java.util.Locale.ROOT, "%.3f", p.rms()) + "," + p.confirmed() + "," + a.file() + "," + a.patientId() + "," + dataset.classes().get(a.label()) + ","
          + b.file() + "," + b.patientId() + "," + dataset.classes().get(b.label()));
    }
  }
}
