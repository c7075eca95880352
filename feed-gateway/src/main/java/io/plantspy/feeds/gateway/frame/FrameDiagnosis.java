package io.plantspy.feeds.gateway.frame;

/**
 * The answer to a feed frame, as stored with it and sent to the device: the model's class and its confidence, the
 * health and disease labels when it gave them, or the error code when it could not diagnose.
 *
 * @param predictedClass the model's {@code Crop___Disease} class; null on error
 * @param confidence the top class's confidence (the disease's when there is one)
 */
public record FrameDiagnosis(String predictedClass, String crop, String health, String disease, Double confidence,
    boolean unknown, String modelRelease, String error) {}
