package io.plantspy.processor.inference;

/** A classifier for one release that owns native resources: what {@link HotSwapClassifier} serves and closes. */
public interface ServableClassifier extends BatchClassifier, AutoCloseable {

  @Override
  void close();
}
