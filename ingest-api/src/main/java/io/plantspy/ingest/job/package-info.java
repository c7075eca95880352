/**
 * Bulk jobs: many photos (JSONL of URLs, multipart of images, or a zip archive) submitted as one job, recorded in
 * {@code jobs} and {@code job_items}, published item by item to {@code plantspy.diagnosis.requests.bulk}, counted
 * from the results topic, read back as JSONL or CSV, cancelled through {@code plantspy.jobs.cancellations}. Uses
 * {@code image} (vetting), {@code fetch}, {@code mongo} (the GridFS claim check), {@code kafka} (the results error
 * handling), {@code problem}, {@code security}, {@code config}, {@code diagnosis} (stored results) and {@code web}'s
 * diagnosis view; nothing depends on it but the body caps of {@code web}.
 */
package io.plantspy.ingest.job;
