package io.plantspy.webhooks.event;

import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisError;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.JobEvent;
import io.plantspy.schemas.ModelRelease;
import io.plantspy.schemas.ScoredLabel;
import io.plantspy.webhooks.endpoint.EventType;
import io.plantspy.webhooks.event.EventPayloads.AlertData;
import io.plantspy.webhooks.event.EventPayloads.AlertEvent;
import io.plantspy.webhooks.event.EventPayloads.DiagnosisData;
import io.plantspy.webhooks.event.EventPayloads.DiagnosisEvent;
import io.plantspy.webhooks.event.EventPayloads.DiagnosisLinks;
import io.plantspy.webhooks.event.EventPayloads.EventError;
import io.plantspy.webhooks.event.EventPayloads.JobCounts;
import io.plantspy.webhooks.event.EventPayloads.JobData;
import io.plantspy.webhooks.event.EventPayloads.JobEndedEvent;
import io.plantspy.webhooks.event.EventPayloads.JobLinks;
import io.plantspy.webhooks.event.EventPayloads.ModelPromotedData;
import io.plantspy.webhooks.event.EventPayloads.ModelPromotedEvent;
import io.plantspy.webhooks.event.EventPayloads.ScoredAnswer;
import io.plantspy.webhooks.endpoint.WebhookEndpoint;
import io.plantspy.webhooks.security.Roles;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON bodies, {@code {type, timestamp, data}}, kept small (Standard Webhooks: thin payloads): ids, the
 * answers the subscriber's roles allow, a link to the full resource; never the image.
 */
@Component
public class Payloads {

  private final JsonMapper json;
  private final String apiBase;

  public Payloads(JsonMapper json, EventProperties props) {
    this.json = json;
    String base = props.apiBaseUrl().toString();
    this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Which event a result is. */
  static EventType typeOf(DiagnosisResult result) {
    return result.getOutcome() instanceof Diagnosis ? EventType.DIAGNOSIS_COMPLETED : EventType.DIAGNOSIS_FAILED;
  }

  /** The same for every endpoint (the webhook-id): a result is one event. */
  static String eventId(EventType type, String subjectId) {
    return "evt_" + type.wireName() + "_" + subjectId;
  }

  String diagnosis(DiagnosisResult result, WebhookEndpoint endpoint) {
    DiagnosisData data;
    DiagnosisLinks links = new DiagnosisLinks(apiBase + "/api/v1/diagnoses/" + result.getId());
    if (result.getOutcome() instanceof Diagnosis diagnosis) {
      Map<String, ScoredAnswer> answers = new LinkedHashMap<>();
      put(answers, endpoint, Roles.CATEGORY, diagnosis.getCategory());
      put(answers, endpoint, Roles.HEALTH, diagnosis.getHealth());
      put(answers, endpoint, Roles.DISEASE, diagnosis.getDisease());
      data = new DiagnosisData(result.getId(), result.getModelRelease(), answers, diagnosis.getUnknown(), null, links);
    } else {
      DiagnosisError error = (DiagnosisError) result.getOutcome();
      data = new DiagnosisData(result.getId(), result.getModelRelease(), null, null,
          new EventError(error.getCode().name(), error.getMessage()), links);
    }
    return json.writeValueAsString(
        new DiagnosisEvent(typeOf(result).wireName(), result.getCompletedAt().toString(), data));
  }

  String modelPromoted(ModelRelease release, String alias, Instant announcedAt) {
    return json.writeValueAsString(new ModelPromotedEvent(EventType.MODEL_PROMOTED.wireName(), announcedAt.toString(),
        new ModelPromotedData(release.getId(), alias, release.getCreatedAt().toString())));
  }

  /** An alert as the feed gateway wrote it, reduced to what a subscriber needs, with a link to its diagnosis. */
  String alertRaised(JsonNode alert) {
    AlertData data = new AlertData(text(alert, "id"), text(alert, "device"), text(alert, "farm"),
        text(alert, "predictedClass"), text(alert, "disease"), number(alert, "confidence"),
        text(alert, "diagnosisId"), text(alert, "windowStart"), number(alert, "lat"), number(alert, "lon"),
        new DiagnosisLinks(apiBase + "/api/v1/diagnoses/" + alert.path("diagnosisId").asString()));
    return json.writeValueAsString(new AlertEvent(EventType.ALERT_DISEASE_DETECTED.wireName(),
        Instant.parse(alert.path("raisedAt").asString()).toString(), data));
  }

  String jobEnded(JobEvent event, EventType type) {
    String job = apiBase + "/api/v1/jobs/" + event.getJobId();
    return json.writeValueAsString(new JobEndedEvent(type.wireName(), event.getOccurredAt().toString(),
        new JobData(event.getJobId(), event.getStatus(), new JobCounts(event.getTotal(), event.getCompleted(),
            event.getFailed(), event.getCancelled()), event.getErrorCode(), new JobLinks(job, job + "/results"))));
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asString() : null;
  }

  private static Double number(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asDouble() : null;
  }

  /** Only the answers the subscriber's roles allowed; a disease absent from the result stays absent. */
  private static void put(Map<String, ScoredAnswer> answers, WebhookEndpoint endpoint, String answer,
      ScoredLabel label) {
    if (label != null && endpoint.answers() != null && endpoint.answers().contains(answer)) {
      answers.put(answer, new ScoredAnswer(label.getLabel(), label.getConfidence()));
    }
  }
}
