package io.plantspy.ingest.diagnosis;

import io.plantspy.ingest.config.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long an accepted diagnosis may stay unfinished, and how long an {@code Idempotency-Key} claim without a
 * recorded diagnosis counts as a request still being queued.
 *
 * @param pendingDeadline a diagnosis still PENDING this long after it was accepted is finished as FAILED with the
 *     error code {@code TIMED_OUT} (see PendingReconciler); the processor answers within seconds, so this only
 *     catches requests or results that were lost
 * @param reconcileInterval how often PENDING diagnoses past their deadline are looked for
 * @param claimLease a retry that finds the key claimed but no diagnosis answers 409 for this long after the claim,
 *     then takes the claim over and queues the request itself (the first attempt died before queuing it). Longer
 *     than the slowest publish (the producer's max.block.ms plus delivery.timeout.ms, 40 s by default), so a live
 *     first attempt is not taken over
 */
@Validated
@ConfigurationProperties("plantspy.diagnoses")
public record DiagnosisProperties(
    @DefaultValue("15m") Duration pendingDeadline,
    @DefaultValue("1m") Duration reconcileInterval,
    @DefaultValue("1m") Duration claimLease) {

  public DiagnosisProperties {
    Durations.requirePositive("plantspy.diagnoses.pending-deadline", pendingDeadline);
    Durations.requirePositive("plantspy.diagnoses.reconcile-interval", reconcileInterval);
    Durations.requirePositive("plantspy.diagnoses.claim-lease", claimLease);
  }
}
