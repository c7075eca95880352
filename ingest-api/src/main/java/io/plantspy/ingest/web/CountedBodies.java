package io.plantspy.ingest.web;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Caps every POST body at its {@link BodyCaps} (one image plus the multipart envelope, or a lab upload's cap) by
 * counting its bytes as they stream, whatever Content-Length says or whether there is one (a chunked upload): past
 * the cap the body fails with {@link DataBufferLimitException}, which the problem handler answers 413. The cap is on the whole body, so extra
 * multipart parts cannot each bring an image's worth. An HTTP handler decorator rather than a web filter, because
 * the exchange reads multipart data from the request it was created with, before any filter could swap it.
 */
@Component
class CountedBodies implements HttpHandlerDecoratorFactory {

  private final BodyCaps caps;

  CountedBodies(BodyCaps caps) {
    this.caps = caps;
  }

  @Override
  public HttpHandler apply(HttpHandler handler) {
    return (request, response) -> HttpMethod.POST.equals(request.getMethod())
        ? handler.handle(new Counted(request, caps.forPath(request.getPath().pathWithinApplication().value())),
            response)
        : handler.handle(request, response);
  }

  private static final class Counted extends ServerHttpRequestDecorator {

    private final long limit;

    Counted(ServerHttpRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      AtomicLong seen = new AtomicLong();
      return super.getBody().handle((buffer, sink) -> {
        if (seen.addAndGet(buffer.readableByteCount()) > limit) {
          DataBufferUtils.release(buffer);
          sink.error(new DataBufferLimitException("the request body is above the limit of " + limit + " bytes"));
          return;
        }
        sink.next(buffer);
      });
    }
  }
}
