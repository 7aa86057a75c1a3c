package org.cxrlstm.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images of one experiment: a root folder, the class names in index order, and one
 * {@link ImageEntry} per image. Indices into {@link #entries()} are what splits and batches use.
 *
 * <p>The class-to-index mapping is explicit and never inferred from folder order (the authors' own
 * code swapped two labels that way): a manifest that uses the paper's classes has exactly those, in
 * the paper's order (a misspelt label or an empty class is an error); one with other labels only
 * (sources, say) has them in alphabetical order. See {@link #classesOf}.
 */
public final class Dataset {
  /** The paper's classes in its order (index 0, 1, 2). */
  public static final List<String> CLASSES = List.of("covid", "pneumonia", "normal");

  private final Path root;
  private final List<String> classes;
  private final List<ImageEntry> entries;

  Dataset(Path root, List<String> classes, List<ImageEntry> entries) {
    this.root = root;
    this.classes = List.copyOf(classes);
    this.entries = List.copyOf(entries);
  }

  /** A dataset from entries already known (tests, subsets); labels must index {@code classes}. */
  public static Dataset of(Path root, List<String> classes, List<ImageEntry> entries) {
    for (ImageEntry e : entries) {
      if (e.label() >= classes.size()) {
        throw new IllegalArgumentException(e.file() + ": label " + e.label() + " but only " + classes.size() + " classes");
      }
    }
    return new Dataset(root, classes, entries);
  }

  /** The images listed by {@code manifestCsv}, under {@code root}, with the classes {@link #classesOf} it. */
  public static Dataset fromManifest(Path manifestCsv, Path root) throws IOException {
    return fromManifest(Manifest.read(manifestCsv), root);
  }

  /** The images of {@code manifest} under {@code root}, with the classes {@link #classesOf} it. */
  public static Dataset fromManifest(Manifest manifest, Path root) throws IOException {
    return DatasetReader.fromManifest(manifest, root, classesOf(manifest), false);
  }

  /**
   * The classes of a manifest: the paper's {@link #CLASSES} when any label is one of them (so a
   * misspelt label or a missing class is refused, not made a class), else its labels in alphabetical
   * order, independent of the row order.
   */
  public static List<String> classesOf(Manifest manifest) {
    List<String> labels = labelsOf(manifest);
    return labels.stream().anyMatch(CLASSES::contains) ? CLASSES : labels;
  }

  /** Every label of a manifest: the paper's classes that occur in the paper's order, then the others alphabetically. */
  public static List<String> labelsOf(Manifest manifest) {
    Set<String> labels = new java.util.TreeSet<>();
    manifest.rows().forEach(r -> labels.add(r.label()));
    List<String> out = new ArrayList<>(CLASSES.stream().filter(labels::contains).toList());
    labels.stream().filter(l -> !CLASSES.contains(l)).forEach(out::add);
    return List.copyOf(out);
  }

  /** The images of {@code manifest} under {@code root} with the classes {@code keep} only, in that order. */
  public static Dataset fromManifest(Manifest manifest, Path root, List<String> keep) throws IOException {
    return DatasetReader.fromManifest(manifest, root, labelsOf(manifest), false).only(keep);
  }

  /**
   * The images listed by {@code manifestCsv}, under {@code root}. Refuses, listing every problem at
   * once: a label not in {@code classes}, a class without images, a file missing or empty on disk or
   * of another size than the manifest says, the same sha256 under two labels.
   */
  public static Dataset fromManifest(Path manifestCsv, Path root, List<String> classes) throws IOException {
    return DatasetReader.fromManifest(Manifest.read(manifestCsv), root, classes, false);
  }

  /**
   * An ImageFolder directory: one sub-folder per class, named as in {@code classes}; folders of
   * absent classes are allowed (external test sets). With a {@code manifest.csv} beside the class
   * folders, patient ids come from it; without one the patient id is the file's relative path and
   * sha256 is computed.
   */
  public static Dataset fromImageFolder(Path root, List<String> classes) throws IOException {
    return DatasetReader.fromImageFolder(root, classes);
  }

  /**
   * The usable images of an ImageFolder without a manifest; each file left out, with its reason,
   * is added to {@code problems} (a folder with a {@code manifest.csv} still fails as a whole).
   */
  public static Dataset fromImageFolder(Path root, List<String> classes, List<String> problems) throws IOException {
    return DatasetReader.fromImageFolder(root, classes, problems);
  }

  public Path root() {
    return root;
  }

  public List<String> classes() {
    return classes;
  }

  public List<ImageEntry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  public ImageEntry entry(int index) {
    return entries.get(index);
  }

  /** The file of image {@code index} on disk. */
  public Path path(int index) {
    return RelativeFile.resolve(root, entries.get(index).file());
  }

  /** Labels of every image, by dataset index. */
  public int[] labels() {
    return entries.stream().mapToInt(ImageEntry::label).toArray();
  }

  /** Labels of the images {@code indices}, in that order (what {@code data.image.ImageBatches} takes). */
  public int[] labels(int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = entries.get(indices[i]).label();
    }
    return out;
  }

  /** Images per class among {@code indices} (index = class index); Table 1 counts. */
  public int[] classCounts(int[] indices) {
    int[] counts = new int[classes.size()];
    for (int i : indices) {
      counts[entries.get(i).label()]++;
    }
    return counts;
  }

  /** Images per class in the whole dataset. */
  public int[] classCounts() {
    int[] counts = new int[classes.size()];
    entries.forEach(e -> counts[e.label()]++);
    return counts;
  }

  /** sha256 (hex) over the sorted {@code file,sha256} lines of all images: the dataset's identity. */
  public String contentHash() {
    List<String> lines = new ArrayList<>();
    for (ImageEntry e : entries) {
      lines.add(e.file() + "," + e.sha256() + "\n");
    }
    lines.sort(null);
    MessageDigest digest = Sha256.newDigest();
    lines.forEach(l -> digest.update(l.getBytes(StandardCharsets.UTF_8)));
    return Sha256.hex(digest.digest());
  }

  /**
   * The images of the classes {@code keep} only, which become the classes in that order (a binary
   * task from a three-class manifest, say).
   *
   * @throws DataException naming a class of {@code keep} this dataset does not have
   */
  public Dataset only(List<String> keep) {
    if (keep.isEmpty() || keep.stream().distinct().count() != keep.size()) {
      throw new DataException("classes to keep must be distinct and non-empty: " + keep);
    }
    for (String c : keep) {
      if (!classes.contains(c)) {
        throw new DataException("class '" + c + "' is not in the dataset (its classes: " + classes + ")");
      }
    }
    List<ImageEntry> kept = new ArrayList<>();
    for (ImageEntry e : entries) {
      int label = keep.indexOf(classes.get(e.label()));
      if (label >= 0) {
        kept.add(new ImageEntry(e.file(), label, e.patientId(), e.sha256()));
      }
    }
    return new Dataset(root, keep, kept);
  }

  /** Patients and their image indices, in first-seen order. */
  public Map<String, List<Integer>> patients() {
    Map<String, List<Integer>> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      out.computeIfAbsent(entries.get(i).patientId(), k -> new ArrayList<>()).add(i);
    }
    return out;
  }

  static void checkLabelsOfDuplicates(List<ImageEntry> entries, List<String> classes, List<String> problems) {
    Map<String, ImageEntry> bySha = new HashMap<>();
    for (ImageEntry e : entries) {
      ImageEntry other = bySha.putIfAbsent(e.sha256(), e);
      if (other != null && other.label() != e.label()) {
        problems.add(e.file() + ": same image (sha256 " + e.sha256().substring(0, 12) + "...) as " + other.file()
            + " but labelled '" + classes.get(e.label()) + "' instead of '" + classes.get(other.label()) + "'");
      }
    }
  }

  static boolean exists(Path p) {
    return Files.isRegularFile(p);
  }

  @Override
  public String toString() {
    return "Dataset(" + root + ", " + size() + " images, classes " + classes + ")";
  }
}
