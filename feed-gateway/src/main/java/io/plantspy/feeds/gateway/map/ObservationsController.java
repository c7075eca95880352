package io.plantspy.feeds.gateway.map;

import io.plantspy.feeds.gateway.frame.FeedFrame;
import io.plantspy.feeds.gateway.frame.FeedFrameStore;
import io.plantspy.feeds.gateway.problem.FeedProblem;
import io.plantspy.feeds.gateway.security.Roles;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/observations.geojson?bbox=minLon,minLat,maxLon,maxLat&since=&class=}: the caller's geo-tagged
 * feed diagnoses (all for admin) as an RFC 7946 FeatureCollection of Points, positions in lon, lat (and altitude)
 * order, served as {@code application/geo+json}.
 */
@RestController
public class ObservationsController {

  static final String GEO_JSON = "application/geo+json";
  private static final int LIMIT = 10_000;

  private final FeedFrameStore frames;

  public ObservationsController(FeedFrameStore frames) {
    this.frames = frames;
  }

  @GetMapping(value = "/api/v1/observations.geojson", produces = GEO_JSON)
  Mono<Map<String, Object>> observations(@RequestParam(required = false) String bbox,
      @RequestParam(required = false) Instant since, @RequestParam(name = "class", required = false) String klass,
      Authentication caller) {
    double[] box = bbox == null ? null : parseBbox(bbox);
    return frames.geoTagged(Roles.isAdmin(caller) ? null : caller.getName(), since == null ? Instant.EPOCH : since,
            box, klass, LIMIT)
        .map(ObservationsController::feature).collectList()
        .map(features -> {
          Map<String, Object> collection = new LinkedHashMap<>();
          collection.put("type", "FeatureCollection");
          collection.put("features", features);
          return collection;
        });
  }

  static Map<String, Object> feature(FeedFrame f) {
    List<Double> position = f.alt() == null ? List.of(f.lon(), f.lat()) : List.of(f.lon(), f.lat(), f.alt());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("class", f.diagnosis().predictedClass());
    properties.put("health", f.diagnosis().health());
    properties.put("confidence", f.diagnosis().confidence());
    properties.put("device", f.device());
    properties.put("capturedAt", f.capturedAt() == null ? null : f.capturedAt().toString());
    Map<String, Object> feature = new LinkedHashMap<>();
    feature.put("type", "Feature");
    feature.put("id", f.id());
    feature.put("geometry", Map.of("type", "Point", "coordinates", position));
    feature.put("properties", properties);
    return feature;
  }

  /** RFC 7946 section 5: west, south, east, north. */
  static double[] parseBbox(String bbox) {
    String[] parts = bbox.split(",");
    if (parts.length != 4) {
      throw FeedProblem.badRequest("bad-bbox", "bbox is minLon,minLat,maxLon,maxLat");
    }
    double[] box = new double[4];
    try {
      for (int i = 0; i < 4; i++) {
        box[i] = Double.parseDouble(parts[i].trim());
      }
    } catch (NumberFormatException e) {
      throw FeedProblem.badRequest("bad-bbox", "bbox values must be numbers");
    }
    if (box[0] > box[2] || box[1] > box[3] || box[1] < -90 || box[3] > 90 || box[0] < -180 || box[2] > 180) {
      throw FeedProblem.badRequest("bad-bbox", "bbox is minLon,minLat,maxLon,maxLat within the WGS 84 ranges");
    }
    return box;
  }
}
