package io.plantspy.web.diagnose;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.Diagnosis;
import io.plantspy.web.api.DiagnosisApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Diagnose page. A submission sends each photo to the ingest API without waiting and answers with one card per
 * photo; each card then asks for its answers until they have arrived (htmx polling), so nothing reloads the page.
 */
@Controller
@RequestMapping("/diagnose")
class DiagnoseController {

  /** Largest photo read into memory to be diagnosed. */
  static final long MAX_PHOTO_BYTES = 20L * 1024 * 1024;

  private final DiagnosisApi api;

  DiagnoseController(DiagnosisApi api) {
    this.api = api;
  }

  @GetMapping
  String page() {
    return "diagnose";
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String submit(@RequestParam(name = "images", required = false) List<MultipartFile> images,
      @RequestParam(name = "url", required = false) String url,
      @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
    List<Submitted> cards = new ArrayList<>();
    for (MultipartFile image : images == null ? List.<MultipartFile>of() : images) {
      if (!image.isEmpty()) {
        cards.add(upload(image));
      }
    }
    if (url != null && !url.isBlank()) {
      cards.add(fromUrl(url.trim()));
    }
    model.addAttribute("cards", cards);
    model.addAttribute("nothingChosen", cards.isEmpty());
    // htmx swaps the results in; a browser without JavaScript gets the whole page with them.
    return htmx != null ? "diagnose :: results" : "diagnose";
  }

  /** One card's answers: settled, or still pending (the fragment then asks again). */
  @GetMapping("/{id}/answers")
  String answers(@PathVariable String id, Model model) {
    model.addAttribute("d", api.get(id));
    return "fragments :: answers";
  }

  private Submitted upload(MultipartFile image) {
    if (image.getSize() > MAX_PHOTO_BYTES) {
      // The multipart cap is set for the Jobs page's archives; a single photo is read into memory, so it is
      // refused here at the size the page allowed before.
      return Submitted.upload(image.getOriginalFilename(), new byte[0], null, null, new ApiException(413,
          "Image too large", "a photo may be at most " + MAX_PHOTO_BYTES / (1024 * 1024) + " MB", null));
    }
    byte[] bytes;
    try {
      bytes = image.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type = image.getContentType();
    MediaType mediaType = type == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type);
    try {
      return Submitted.upload(image.getOriginalFilename(), bytes, type,
          api.submit(bytes, image.getOriginalFilename(), mediaType), null);
    } catch (ApiException e) {
      return Submitted.upload(image.getOriginalFilename(), bytes, type, null, e);
    }
  }

  private Submitted fromUrl(String url) {
    try {
      Diagnosis d = api.submitUrl(url);
      return Submitted.url(url, d, null);
    } catch (ApiException e) {
      return Submitted.url(url, null, e);
    }
  }
}
