package io.plantspy.ingest.job;

import io.plantspy.ingest.problem.ApiProblem;

/**
 * One item as a job's body gives it, before vetting: image bytes (a part or an archive entry), a URL to fetch (a
 * JSONL line), or a refusal already known (an image above the size cap), which makes a failed item.
 *
 * @param seq position in the body, from 0
 */
record RawItem(long seq, String customId, byte[] bytes, String url, ApiProblem refused) {

  static RawItem image(long seq, String customId, byte[] bytes) {
    return new RawItem(seq, customId, bytes, null, null);
  }

  static RawItem url(long seq, String customId, String url) {
    return new RawItem(seq, customId, null, url, null);
  }

  static RawItem refused(long seq, String customId, ApiProblem why) {
    return new RawItem(seq, customId, null, null, why);
  }
}
