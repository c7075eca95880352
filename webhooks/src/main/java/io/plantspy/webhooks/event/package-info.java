/**
 * Events in: the results and feed results topics ({@code diagnosis.completed}, {@code diagnosis.failed}; bulk job
 * items' results are on a topic of their own, not read here), the model releases topic
 * ({@code model.promoted}) and the feed gateway's alerts topic ({@code alert.disease_detected}), each read by a
 * consumer group of this service, turned into small JSON payloads and written to the delivery outbox before their
 * offsets are committed. Depends on {@code schemas}, {@code endpoint} and {@code delivery}.
 */
package io.plantspy.webhooks.event;
