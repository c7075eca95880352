package io.plantspy.web.api;

import java.time.Instant;

/** A labelled photo a lab contributed for training, as the lab API shows it. */
public record LabSample(String id, String status, String label, String sha256, String labId, String sampleRef,
    Instant capturedAt, String notes, String uploadedBy, Instant uploadedAt, String contentType, long sizeBytes,
    Instant withdrawnAt) {}
