package io.plantspy.trainer.data;

import java.nio.file.Path;

/** One image file of a dataset folder, its class (the folder name) and the sha256 of its bytes. */
public record LabelledImage(Path path, String label, String sha256) {}
