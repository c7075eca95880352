/**
 * Lab uploads (role {@code lab}): labelled leaf photos contributed for training, stored in MongoDB ({@code
 * lab_samples} and GridFS bucket {@code lab_images}) and published as {@code LabSample} on the compacted topic
 * {@code plantspy.lab-samples}, withdrawn by a tombstone; their listing and the per-class counts. Uses {@code image}
 * (vetting), {@code problem}, {@code security} (roles), {@code config} and the {@code schemas} topic descriptors.
 */
package io.plantspy.ingest.lab;
