package io.plantspy.web.jobs;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.Job;
import io.plantspy.web.api.JobApi;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Jobs page: submit a folder of photos or a zip as one bulk job, follow the user's jobs (each unfinished row
 * asks for its counts again every second, htmx polling), cancel one, download its results as CSV.
 */
@Controller
@RequestMapping("/jobs")
class JobsController {

  static final int PAGE_SIZE = 10;

  private final JobApi api;

  JobsController(JobApi api) {
    this.api = api;
  }

  @GetMapping
  String page(@RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("jobs", api.list(Math.max(0, page), PAGE_SIZE));
    return "jobs";
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String submit(@RequestParam(name = "photos", required = false) List<MultipartFile> folder,
      @RequestParam(name = "archive", required = false) MultipartFile archive, Model model,
      RedirectAttributes redirect) {
    List<MultipartFile> photos = FolderZip.photos(folder == null ? List.of() : folder);
    boolean hasArchive = archive != null && !archive.isEmpty();
    if (photos.isEmpty() && !hasArchive) {
      model.addAttribute("nothingChosen", true);
      return page(0, model);
    }
    try {
      Job job = hasArchive
          ? api.submitZip(out -> {
            try (InputStream in = archive.getInputStream()) {
              in.transferTo(out);
            }
          })
          : api.submitZip(FolderZip.of(photos));
      redirect.addFlashAttribute("submitted", job.id());
      return "redirect:/jobs";
    } catch (ApiException e) {
      model.addAttribute("problem", e);
      return page(0, model);
    }
  }

  /** One job's row: htmx polls it while the job runs. */
  @GetMapping("/{id}/row")
  String row(@PathVariable String id, Model model) {
    model.addAttribute("job", api.get(id));
    return "jobs :: row";
  }

  @PostMapping("/{id}/cancel")
  String cancel(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    model.addAttribute("job", api.cancel(id));
    return htmx != null ? "jobs :: row" : "redirect:/jobs";
  }

  /** The results as CSV, copied from the API as they come (a big job's results are never held whole). */
  @GetMapping(path = "/{id}/results.csv")
  void results(@PathVariable String id, HttpServletResponse response) {
    try {
      api.resultsCsv(id, () -> {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("job-" + id + ".csv").build().toString());
      }, response.getOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
