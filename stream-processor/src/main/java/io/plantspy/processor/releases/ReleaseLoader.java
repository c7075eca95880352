package io.plantspy.processor.releases;

import io.plantspy.processor.inference.ServableClassifier;
import io.plantspy.schemas.ModelRelease;
import java.io.IOException;

/** Turns an announced release into a classifier ready to serve, or says why it cannot. */
@FunctionalInterface
public interface ReleaseLoader {

  ServableClassifier load(ModelRelease announcement) throws IOException;
}
