package io.plantspy.ingest.job;

import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSONL job body, one {@code {"customId": "...", "url": "..."}} per line, as a stream: one line is in memory
 * at a time, at most {@code plantspy.jobs.max-line-length} long. Blank lines are skipped; any other line that is not
 * such an object refuses the whole job (400), naming its line number.
 */
@Component
class JsonlItems {

  /** One line of a JSONL job. */
  record Line(String customId, String url) {}

  private final JsonMapper json;
  private final int maxLineLength;

  JsonlItems(JsonMapper json, JobProperties props) {
    this.json = json;
    this.maxLineLength = (int) Math.min(Integer.MAX_VALUE, props.maxLineLength().toBytes());
  }

  Flux<RawItem> read(Flux<DataBuffer> body) {
    StringDecoder lines = StringDecoder.allMimeTypes(List.of("\n"), true);
    lines.setMaxInMemorySize(maxLineLength);
    return lines.decode(body, ResolvableType.forClass(String.class), null, Map.of())
        .onErrorMap(DataBufferLimitException.class, e -> JobProblems.badBody("bad-jsonl",
            "a line is longer than " + maxLineLength + " bytes"))
        .index()
        .filter(line -> !line.getT2().isBlank())
        .index()
        .map(numbered -> parse(numbered.getT1(), numbered.getT2().getT1() + 1, numbered.getT2().getT2()));
  }

  private RawItem parse(long seq, long lineNumber, String text) {
    String where = "line " + lineNumber;
    Line line;
    try {
      line = json.readValue(text.strip(), Line.class);
    } catch (JacksonException e) {
      throw JobProblems.badBody("bad-jsonl", where + " is not a JSON object with customId and url: "
          + e.getOriginalMessage());
    }
    if (line == null || line.url() == null || line.url().isBlank()) {
      throw JobProblems.badBody("bad-jsonl", where + " has no url");
    }
    return RawItem.url(seq, JobProblems.customId(line.customId(), where), line.url());
  }
}
