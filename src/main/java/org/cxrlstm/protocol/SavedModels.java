package org.cxrlstm.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Trial;
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.image.Mask;
import org.cxrlstm.data.image.Normalization;
import org.cxrlstm.model.ModelSpec;
import org.cxrlstm.train.ModelCard;

/**
 * The saved models that {@code evaluate} and {@code predict} apply: one model directory, or a
 * folder of them ({@code results/NAME/models/}), each with its {@link ModelCard}. All must share one
 * class list, and each card must be self-consistent; otherwise the offending file is named.
 */
public record SavedModels(List<Path> dirs, List<ModelCard> cards) {

  /** The card saved with a fold model: what it is, its classes and preprocessing, and the trial it came from. */
  static ModelCard card(Trial trial, ModelSpec spec, Normalization normalization, Dataset dataset) {
    Map<String, String> provenance = new LinkedHashMap<>(trial.settings());
    provenance.put("trial_id", trial.id());
    provenance.put("dataset_hash", dataset.contentHash());
    return new ModelCard(trial.architecture(), spec, dataset.classes(), normalization.id(), provenance);
  }

  /** The model(s) in {@code dir}, the value of setting {@code key}. */
  public static SavedModels open(String key, Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new SettingException(key, dir.toString(), "is not a directory");
    }
    List<Path> dirs = new ArrayList<>();
    if (Files.isRegularFile(dir.resolve(ModelCard.FILE))) {
      dirs.add(dir);
    } else {
      try (Stream<Path> children = Files.list(dir)) {
        children.filter(p -> Files.isRegularFile(p.resolve(ModelCard.FILE))).sorted().forEach(dirs::add);
      }
    }
    if (dirs.isEmpty()) {
      throw new SettingException(key, dir.toString(), "holds no saved model (no " + ModelCard.FILE
          + " in it or in its sub-folders); train with -Dsave.models=true");
    }
    List<ModelCard> cards = new ArrayList<>();
    for (Path d : dirs) {
      ModelCard card = ModelCard.read(d);
      Path file = d.resolve(ModelCard.FILE);
      if (!cards.isEmpty() && !card.classes().equals(cards.get(0).classes())) {
        throw new DataException(file + ": classes " + card.classes() + " differ from " + cards.get(0).classes()
            + " of " + dirs.get(0).resolve(ModelCard.FILE) + "; evaluate models of one class list together");
      }
      String size = card.provenance().get("input_size");
      if (size != null && !size.equals(String.valueOf(card.spec().inputSize()))) {
        throw new DataException(file + ": provenance input_size " + size + " does not match spec.inputSize "
            + card.spec().inputSize());
      }
      try {
        Normalization.parse(card.normalization());
        mask(card);
      } catch (IllegalArgumentException e) {
        throw new DataException(file + ": " + e.getMessage());
      }
      cards.add(card);
    }
    return new SavedModels(List.copyOf(dirs), List.copyOf(cards));
  }

  public List<String> classes() {
    return cards.get(0).classes();
  }

  public int size() {
    return dirs.size();
  }

  /** A short name for model {@code i}: its trial id, else its folder name. */
  public String name(int i) {
    return cards.get(i).provenance().getOrDefault("trial_id", dirs.get(i).getFileName().toString());
  }

  /** The mask the model was trained with (none when the card does not say). */
  public static Mask mask(ModelCard card) {
    return Mask.parse(card.provenance().getOrDefault("mask", Mask.NONE.id()));
  }
}
