package io.plantspy.infra.launcher;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What the simulated devices got back, all devices together: publish→answer latencies, answers by predicted class
 * (or error), and when the last one came. Recorded into from the MQTT clients' threads.
 */
final class FeedAnswers {

  private final LatencyWindow latencies = new LatencyWindow();
  private final Map<String, Long> byClass = new TreeMap<>();
  private long lastAnswerNanos;

  /** One answer; {@code latencyNanos} negative when its publish is not known (sent by an earlier run). */
  synchronized void record(JsonNode answer, long latencyNanos) {
    if (latencyNanos >= 0) {
      latencies.succeeded(latencyNanos);
    }
    String error = answer.path("error").asString("");
    String label = !error.isEmpty() ? "error:" + error : answer.path("predictedClass").asString("?");
    byClass.merge(label, 1L, Long::sum);
    lastAnswerNanos = System.nanoTime();
  }

  synchronized long lastAnswerNanos() {
    return lastAnswerNanos;
  }

  /** Answers by predicted class, e.g. {@code Tomato___Early_blight:3}, sorted by class. */
  synchronized String classesText() {
    StringBuilder text = new StringBuilder();
    byClass.forEach((label, n) -> text.append(text.isEmpty() ? "" : " ").append(label).append(':').append(n));
    return text.toString();
  }

  /** The latencies recorded so far (the window starts empty again). */
  synchronized LatencyWindow.Latencies drainLatencies() {
    return latencies.drain();
  }
}
