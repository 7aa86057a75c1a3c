package org.cxrlstm.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cxrlstm.results.io.AtomicFiles;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;

/**
 * Saves trained models as TensorFlow SavedModels (loadable by Python's
 * {@code tf.saved_model.load}, signature {@code serving_default}: {@code images} [B,S,S,1] float32 ->
 * {@code probabilities} [B,K]) with a {@link ModelCard} beside them, and loads them back.
 *
 * <p>Loading rebuilds the inference graph from the card and restores the variables from the
 * SavedModel's checkpoint, so that the typed handles (and Grad-CAM's gradients) are available.
 */
public final class ModelStore {
  private ModelStore() {}

  /** Writes the model to {@code dir} (which must not exist yet) through a temporary sibling. */
  public static void save(TrainingSession session, ModelCard card, Path dir) throws IOException {
    if (Files.exists(dir)) {
      throw new IOException("model directory " + dir + " already exists; refusing to overwrite it");
    }
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, dir.getFileName() + ".partial-");
    try {
      Path export = tmp.resolve("m");
      Signature signature = Signature.builder()
          .key(Signature.DEFAULT_KEY)
          .input("images", session.model().images())
          .output("probabilities", session.model().probabilities())
          .build();
      SavedModelBundle.exporter(export.toString()).withSession(session.session())
          .withSignature(signature).export();
      card.write(export);
      AtomicFiles.rename(export, dir);
    } finally {
      deleteRecursively(tmp);
    }
  }

  /** A session for inference with the saved weights. The caller closes it. */
  public static TrainingSession load(Path dir, Compute compute) throws IOException {
    ModelCard card = ModelCard.read(dir);
    Path variables = dir.resolve("variables").resolve("variables");
    if (!Files.exists(dir.resolve("variables").resolve("variables.index"))) {
      throw new IOException("model directory " + dir + " has no variables/variables.index");
    }
    TrainingSession session = TrainingSession.forInference(card.architecture(), card.spec(), compute);
    try {
      session.restore(variables);
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw new IOException("cannot restore the weights in " + dir + " into a " + card.architecture()
          + " graph: " + e.getMessage(), e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
