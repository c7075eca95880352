package io.plantspy.trainer.loop;

import java.nio.file.Path;

/** A lab sample from the retraining topic whose image has been copied to a local file. */
public record LabSampleFile(String sampleId, String label, String sha256, Path path) {}
