package io.plantspy.ingest.job;

import io.plantspy.ingest.image.ImageProperties;
import io.plantspy.ingest.problem.ApiProblem;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a multipart job body of {@code image} file parts as a stream of part events: one image is in memory at a
 * time. An image's customId is its file name. Any other part refuses the job (400); an image above the image cap
 * is read through and becomes a failed item ({@code image-too-large}).
 */
@Component
class MultipartItems {

  static final String PART = "image";

  private final long maxImageBytes;

  MultipartItems(ImageProperties images) {
    this.maxImageBytes = images.maxSize().toBytes();
  }

  Flux<RawItem> read(Flux<PartEvent> events) {
    AtomicLong seq = new AtomicLong();
    return events.windowUntil(PartEvent::isLast)
        .concatMap(part -> part.switchOnFirst((first, all) -> {
          if (!first.hasValue()) {
            return all.then(Mono.empty());
          }
          PartEvent head = first.get();
          long index = seq.getAndIncrement();
          if (!PART.equals(head.name()) || !(head instanceof FilePartEvent file)) {
            return all.doOnNext(event -> DataBufferUtils.release(event.content())).then(Mono.error(
                JobProblems.badBody("bad-field", "part " + (index + 1) + " ('" + head.name() + "') is not an "
                    + PART + " file part; a multipart job has only image parts")));
          }
          String customId = JobProblems.customId(file.filename(), "part " + (index + 1) + " (its file name)");
          return all.reduce(new BoundedBytes(maxImageBytes), (bytes, event) -> {
            DataBuffer content = event.content();
            byte[] chunk = new byte[content.readableByteCount()];
            content.read(chunk);
            DataBufferUtils.release(content);
            bytes.add(chunk, chunk.length);
            return bytes;
          }).map(bytes -> bytes.overCap()
              ? RawItem.refused(index, customId, imageTooLarge(bytes.seen(), maxImageBytes))
              : RawItem.image(index, customId, bytes.bytes()));
        }), 1);
  }

  static ApiProblem imageTooLarge(long size, long max) {
    return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "image-too-large", "Image too large",
        "the image of " + size + " bytes is above the limit of " + max + " bytes");
  }
}
