package io.plantspy.ingest.web;

import io.plantspy.ingest.image.ImageProperties;
import io.plantspy.ingest.job.JobProperties;
import io.plantspy.ingest.lab.LabProperties;
import org.springframework.stereotype.Component;

/**
 * The largest request body each POST may have: one image plus the multipart envelope, except a lab upload, which
 * carries several images and has its own cap ({@code plantspy.lab.max-request-size}), and a bulk job, whose body is
 * read as a stream and capped at {@code plantspy.jobs.max-bytes}. Shared by the checks of the
 * declared length, of the streamed bytes and of the upload budget, so they cannot disagree.
 */
@Component
class BodyCaps {

  /** Where lab uploads are posted. */
  static final String LAB_UPLOADS = "/api/v1/lab/samples";

  /** Where bulk jobs are posted. */
  static final String JOBS = "/api/v1/jobs";

  private final long image;
  private final long labUpload;
  private final long job;

  BodyCaps(ImageProperties images, LabProperties lab, JobProperties jobs) {
    this.image = images.maxSize().toBytes() + UploadSizeFilter.ENVELOPE;
    this.labUpload = lab.maxRequestSize().toBytes();
    this.job = jobs.maxBytes().toBytes();
  }

  long forPath(String path) {
    if (JOBS.equals(path)) {
      return job;
    }
    return LAB_UPLOADS.equals(path) ? labUpload : image;
  }
}
