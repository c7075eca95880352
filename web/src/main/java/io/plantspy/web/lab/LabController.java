package io.plantspy.web.lab;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.ApiResult;
import io.plantspy.web.api.LabApi;
import io.plantspy.web.api.LabSample;
import io.plantspy.web.api.LabSamplePage;
import io.plantspy.web.api.LabUploadResult;
import io.plantspy.web.api.TrainerApi;
import io.plantspy.web.api.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Lab page (role {@code lab}, enforced by the security rules for {@code /lab/**}): upload labelled photos under a
 * known or a new class, the counts per class, the user's own samples with a withdraw button, and the training runs
 * (which the trainer service lets {@code lab} read) refreshed while one is queued or running. Changes are form posts
 * answered by a redirect back with what happened (post/redirect/get).
 */
@Controller
@RequestMapping("/lab")
class LabController {

  /** How many of the newest samples (of every lab) are searched for the user's own: the API's page maximum. */
  static final int NEWEST_SAMPLES = 100;
  static final int RUNS_SHOWN = 10;

  private final LabApi lab;
  private final TrainerApi trainer;

  LabController(LabApi lab, TrainerApi trainer) {
    this.lab = lab;
    this.trainer = trainer;
  }

  @GetMapping
  String page(@AuthenticationPrincipal OAuth2User user, Model model) {
    model.addAttribute("classes", ApiResult.of(lab::classes));
    ApiResult<LabSamplePage> newest = ApiResult.of(() -> lab.newest(NEWEST_SAMPLES));
    // The API lists every lab's samples; the ingest API records the uploader by the token's subject.
    String subject = user.getAttribute("sub");
    model.addAttribute("mine", newest.ok() ? newest.value().items().stream()
        .filter(s -> Objects.equals(s.uploadedBy(), subject)).toList() : List.<LabSample>of());
    model.addAttribute("samplesProblem", newest.problem());
    model.addAttribute("runs", ApiResult.of(() -> trainer.runs(RUNS_SHOWN)));
    model.addAttribute("labelPattern", ClassLabel.PATTERN);
    return "lab";
  }

  /** The runs alone, for the page's polling while a run is queued or running. */
  @GetMapping("/runs")
  String runs(Model model) {
    model.addAttribute("runs", ApiResult.of(() -> trainer.runs(RUNS_SHOWN)));
    return "lab :: runs";
  }

  @PostMapping(path = "/samples", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String upload(@RequestParam(name = "images", required = false) List<MultipartFile> images,
      @RequestParam(name = "knownLabel", required = false) String knownLabel,
      @RequestParam(name = "newLabel", required = false) String newLabel, RedirectAttributes after) {
    String label = newLabel != null && !newLabel.isBlank() ? newLabel.trim() : knownLabel;
    List<UploadedFile> photos = chosen(images);
    if (label == null || label.isBlank()) {
      after.addFlashAttribute("failed", "lab.noLabel");
    } else if (!ClassLabel.isValid(label)) {
      after.addFlashAttribute("failed", "lab.badLabel");
      after.addFlashAttribute("badLabel", label);
    } else if (photos.isEmpty()) {
      after.addFlashAttribute("failed", "lab.noPhotos");
    } else {
      try {
        LabUploadResult result = lab.upload(label, photos);
        after.addFlashAttribute("uploaded", result);
      } catch (ApiException e) {
        after.addFlashAttribute("problem", e.withoutCause());
      }
    }
    return "redirect:/lab";
  }

  @PostMapping("/samples/{id}/withdraw")
  String withdraw(@PathVariable String id, RedirectAttributes after) {
    try {
      LabSample withdrawn = lab.withdraw(id);
      after.addFlashAttribute("withdrawn", withdrawn);
    } catch (ApiException e) {
      after.addFlashAttribute("problem", e.withoutCause());
    }
    return "redirect:/lab";
  }

  private static List<UploadedFile> chosen(List<MultipartFile> images) {
    List<UploadedFile> photos = new ArrayList<>();
    for (MultipartFile image : images == null ? List.<MultipartFile>of() : images) {
      if (image.isEmpty()) {
        continue;
      }
      String type = image.getContentType();
      try {
        photos.add(new UploadedFile(image.getOriginalFilename(),
            type == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type), image.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return photos;
  }
}
