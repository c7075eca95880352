package io.plantspy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The web app in a real browser (headless Chromium) on the platform {@code ./plantspy up} started: sign-in through
 * Keycloak's own login page, a diagnosis by upload, answers by role, sign-out and the browser's language.
 */
@Order(2)
@ExtendWith(ScriptedPlatformExtension.class)
class WebAppIT {

  @TempDir
  Path photos;

  // One signed-in browser per demo user, shared by the tests that act only as that user: opening Chromium and
  // signing in through the realm's page took most of each test's time. Tests that sign out, use another language
  // or sign in as a user they create open their own.
  private static final Map<String, Browser> SIGNED_IN = new ConcurrentHashMap<>();

  /** The shared browser of demo user {@code user} (English), on the web app's start page. */
  private static Browser signedIn(ScriptedPlatform platform, String user) {
    Browser browser = SIGNED_IN.computeIfAbsent(user, u -> {
      Browser opened = Browser.open("en");
      try {
        opened.signIn(webUrl(platform), u, platform.state().passwords().get(u));
        return opened;
      } catch (java.io.IOException | RuntimeException e) {
        opened.close();
        throw e instanceof RuntimeException r ? r : new java.io.UncheckedIOException((java.io.IOException) e);
      }
    });
    browser.get(webUrl(platform) + "/");
    browser.await(By.id("signed-in-user"));
    return browser;
  }

  @AfterAll
  static void closeSharedBrowsers() {
    SIGNED_IN.values().forEach(Browser::close);
    SIGNED_IN.clear();
  }

  private static String webUrl(ScriptedPlatform platform) {
    return "http://" + ScriptedPlatform.HOST + ":" + platform.port("web");
  }

  private Path earlyBlightPhoto() throws Exception {
    Path photo = photos.resolve("tomato-early-blight.jpg");
    Files.write(photo, LeafPhotos.knownLeaf("Tomato___Early_blight"));
    return photo;
  }

  /** Chooses the photo in the Diagnose page's file picker and submits it; returns once its answers are in. */
  private static void diagnose(Browser browser, String webUrl, Path photo) {
    browser.get(webUrl + "/diagnose");
    browser.await(By.id("images")).sendKeys(photo.toAbsolutePath().toString());
    browser.driver.findElement(By.id("diagnose-submit")).click();
    browser.await(By.cssSelector("#results .answers[data-status='DONE']"));
  }

  @Test
  void aGrowerSignsInAndSeesTomatoEarlyBlightForAnUploadedLeaf(ScriptedPlatform platform) throws Exception {
    Path photo = earlyBlightPhoto();
    Browser browser = signedIn(platform, "grower");
    assertThat(browser.driver.findElement(By.id("signed-in-user")).getText()).isEqualTo("grower");
    browser.screenshot("home-grower");

    diagnose(browser, webUrl(platform), photo);

    assertThat(browser.driver.findElement(By.cssSelector("#results .answer-category .label")).getText())
        .isEqualTo("Tomato");
    assertThat(browser.driver.findElement(By.cssSelector("#results .answer-health .label")).getText())
        .isEqualTo("Sick");
    assertThat(browser.driver.findElement(By.cssSelector("#results .answer-disease .label")).getText())
        .isEqualTo("Early blight");
    assertThat(browser.driver.findElements(By.cssSelector("#results .top3 li"))).hasSize(3);
    assertThat(browser.driver.findElement(By.cssSelector("#results img.photo")).getAttribute("src"))
        .startsWith("data:image/jpeg;base64,");
    browser.screenshot("diagnose-grower");
  }

  @Test
  void theViewerSeesTheCropOnly(ScriptedPlatform platform) throws Exception {
    Path photo = earlyBlightPhoto();
    Browser browser = signedIn(platform, "viewer");

    diagnose(browser, webUrl(platform), photo);

    assertThat(browser.driver.findElement(By.cssSelector("#results .answer-category .label")).getText())
        .isEqualTo("Tomato");
    assertThat(browser.driver.findElements(By.cssSelector("#results .answer-health"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("#results .answer-disease"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("#results .top3"))).isEmpty();
    browser.screenshot("diagnose-viewer");
  }

  @Test
  void aUserWithoutADiagnosisRoleIsRefusedTheDiagnosePage(ScriptedPlatform platform) throws Exception {
    Browser browser = signedIn(platform, "lab");
    assertThat(browser.driver.findElements(By.linkText("Diagnose"))).isEmpty();

    browser.get(webUrl(platform) + "/diagnose");

    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Not for your roles");
  }

  @Test
  void signingOutEndsTheRealmSessionSoTheNextVisitAsksForThePasswordAgain(ScriptedPlatform platform)
      throws Exception {
    // Its own browser: signing out ends the realm session the shared grower browser lives on.
    try (Browser browser = Browser.open("en")) {
      browser.signIn(webUrl(platform), "grower", platform.state().passwords().get("grower"));

      browser.driver.findElement(By.id("sign-out")).click();
      browser.await(By.id("sign-in"));
      browser.get(webUrl(platform) + "/diagnose");

      // Without RP-initiated logout the realm's session cookie would sign the browser straight back in.
      browser.await(By.id("kc-login"));
      assertThat(browser.driver.getCurrentUrl()).startsWith(platform.keycloakUrl() + "/realms/plantspy/");
    }
  }

  @Test
  void anAdminCreatesACategoryUserWhoSeesOnlyTheCropThenDisablesThemAndTheyCannotSignIn(ScriptedPlatform platform)
      throws Exception {
    Path photo = earlyBlightPhoto();
    String web = webUrl(platform);
    String username = "web-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Pw-" + UUID.randomUUID();
    Browser admin = signedIn(platform, "admin");
    admin.driver.findElement(By.linkText("Users")).click();
    admin.await(By.cssSelector("details.panel summary")).click();
    admin.driver.findElement(By.id("new-username")).sendKeys(username);
    admin.driver.findElement(By.id("new-email")).sendKeys(username + "@example.org");
    admin.driver.findElement(By.id("new-first")).sendKeys("Camille");
    admin.driver.findElement(By.id("new-last")).sendKeys("Durand");
    admin.driver.findElement(By.id("new-password")).sendKeys(password);
    admin.driver.findElement(By.id("new-role-category")).click();
    admin.driver.findElement(By.id("create-user-submit")).click();
    admin.awaitText(By.id("admin-done"), "User " + username + " created.");
    admin.screenshot("admin-users");

    try (Browser user = Browser.open("en")) {
      user.signIn(web, username, password);
      diagnose(user, web, photo);
      assertThat(user.driver.findElement(By.cssSelector("#results .answer-category .label")).getText())
          .isEqualTo("Tomato");
      assertThat(user.driver.findElements(By.cssSelector("#results .answer-health"))).isEmpty();
      assertThat(user.driver.findElements(By.cssSelector("#results .answer-disease"))).isEmpty();
    }

    admin.await(By.cssSelector("#user-" + username + " .toggle-enabled")).click();
    admin.awaitText(By.id("admin-done"), username + " is disabled");

    try (Browser user = Browser.open("en")) {
      user.get(web + "/");
      user.driver.findElement(By.id("sign-in")).click();
      user.submitKeycloakLoginExpectingRefusal(username, password);
      assertThat(user.driver.getCurrentUrl()).startsWith(platform.keycloakUrl() + "/realms/plantspy/");
      assertThat(user.driver.findElements(By.id("signed-in-user"))).isEmpty();
    }
  }

  @Test
  void aFrenchBrowserGetsFrenchLabels(ScriptedPlatform platform) throws Exception {
    try (Browser browser = Browser.open("fr")) {
      browser.signIn(webUrl(platform), "grower", platform.state().passwords().get("grower"));
      browser.get(webUrl(platform) + "/diagnose");

      assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Diagnostiquer");
      assertThat(browser.driver.findElement(By.cssSelector("label[for='images']")).getText())
          .isEqualTo("Photos de feuilles");
      assertThat(browser.driver.findElement(By.id("sign-out")).getText()).isEqualTo("Se déconnecter");
      browser.screenshot("diagnose-fr");
    }
  }

  /** Two photos the lab store has never seen (it refuses duplicates by content): made-up leaves of two sizes. */
  private Path[] twoNewPhotos() throws Exception {
    byte[] leaf = LeafPhotos.madeUp();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path first = photos.resolve("lab-" + run + "-1.jpg");
    Path second = photos.resolve("lab-" + run + "-2.jpg");
    Files.write(first, LeafPhotos.enlarged(leaf, 330 + (int) (Math.random() * 50)));
    Files.write(second, LeafPhotos.enlarged(leaf, 400 + (int) (Math.random() * 50)));
    return new Path[] {first, second};
  }

  private static int labCount(Browser browser, String label) {
    return Integer.parseInt(browser.await(By.cssSelector("#lab-counts tr[data-label='" + label + "'] .lab-count"))
        .getText().trim());
  }

  @Test
  void aLabUploadOfTwoPhotosUnderAClassAppearsInItsCount(ScriptedPlatform platform) throws Exception {
    String label = "Tomato___Early_blight";
    Path[] chosen = twoNewPhotos();
    Browser browser = signedIn(platform, "lab");
    browser.driver.findElement(By.linkText("Lab")).click();
    int before = labCount(browser, label);

    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("lab-known")))
        .selectByValue(label);
    // A multiple file input takes several paths separated by new lines.
    browser.driver.findElement(By.id("lab-images")).sendKeys(
        chosen[0].toAbsolutePath() + "\n" + chosen[1].toAbsolutePath());
    browser.driver.findElement(By.id("lab-upload-submit")).click();

    browser.awaitText(By.id("lab-uploaded"), "2 photo(s) stored as Tomato – Early blight.");
    assertThat(labCount(browser, label)).isEqualTo(before + 2);
    assertThat(browser.driver.findElements(By.cssSelector("#lab-mine tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
    browser.screenshot("lab");
  }

  @Test
  void anAdminSeesTheChampionReleaseOnTheModelsPage(ScriptedPlatform platform) throws Exception {
    Path models = Path.of(System.getProperty("plantspy.models.dir", "../models"));
    String committed = Files.readString(models.resolve("CURRENT")).trim();
    Browser browser = signedIn(platform, "admin");
    browser.driver.findElement(By.linkText("Models")).click();

    assertThat(browser.await(By.cssSelector(".release.champion .release-id")).getText()).isEqualTo(committed);
    assertThat(browser.driver.findElement(By.cssSelector(".release.champion .alias")).getText())
        .isEqualTo("champion");
    browser.screenshot("models");

    browser.driver.findElement(By.cssSelector(".release.champion .release-details")).click();
    assertThat(browser.await(By.cssSelector("#release-classes tbody tr[data-label='Tomato___Early_blight']"))
        .getText()).startsWith("Tomato – Early blight");
    // Loaded through the web app from the trainer service's GridFS copy of the release.
    browser.awaitImageLoaded(browser.await(By.id("confusion-matrix")));
    browser.screenshot("models-release");
  }

  @Test
  void anAdminRegistersADeviceAndSeesItsPasswordOnlyOnce(ScriptedPlatform platform) throws Exception {
    String name = "Web camera " + UUID.randomUUID().toString().substring(0, 8);
    Browser browser = signedIn(platform, "admin");
    browser.driver.findElement(By.linkText("Devices")).click();
    browser.await(By.id("device-farm")).sendKeys("web-farm");
    browser.driver.findElement(By.id("device-name")).sendKeys(name);
    browser.driver.findElement(By.id("device-register-submit")).click();

    String username = browser.await(By.id("device-username")).getText();
    assertThat(username).startsWith("d-");
    assertThat(browser.driver.findElement(By.id("device-password")).getText()).isNotBlank();
    browser.screenshot("devices");

    browser.get(webUrl(platform) + "/devices");
    browser.await(By.id("device-" + username));
    assertThat(browser.driver.findElements(By.id("device-password"))).isEmpty();
  }

  @Test
  void aGrowerSubscribesAWebhookAndSeesItsSecretOnlyOnce(ScriptedPlatform platform) throws Exception {
    // Loopback targets are allowed on a local platform (./plantspy webhooks listen); nothing listens here.
    String url = "http://" + ScriptedPlatform.HOST + ":9/web-" + UUID.randomUUID().toString().substring(0, 8);
    Browser browser = signedIn(platform, "grower");
    browser.driver.findElement(By.linkText("Webhooks")).click();
    browser.await(By.id("webhook-url")).sendKeys(url);
    browser.driver.findElement(By.id("webhook-description")).sendKeys("web app test");
    browser.driver.findElement(By.id("webhook-subscribe-submit")).click();

    assertThat(browser.await(By.id("webhook-secret")).getText()).startsWith("whsec_");
    browser.screenshot("webhooks");

    browser.get(webUrl(platform) + "/webhooks");
    browser.awaitText(By.id("webhook-list-heading"), "Your endpoints");
    assertThat(browser.driver.findElements(By.cssSelector(".webhook .webhook-url")))
        .extracting(org.openqa.selenium.WebElement::getText).contains(url);
    assertThat(browser.driver.findElements(By.id("webhook-secret"))).isEmpty();
  }

  @Test
  void historyListsTheGrowersDiagnosisWithItsAnswerAndThumbnail(ScriptedPlatform platform) throws Exception {
    Path photo = earlyBlightPhoto();
    Browser browser = signedIn(platform, "grower");
    diagnose(browser, webUrl(platform), photo);

    browser.get(webUrl(platform) + "/history?class=Tomato___Early_blight");
    // Newest first: the diagnosis just made heads the list, with its answer and its kept thumbnail.
    var first = browser.await(By.cssSelector("#history-list .history-item"));
    assertThat(first.getAttribute("data-status")).isEqualTo("DONE");
    assertThat(first.findElement(By.className("history-answer")).getText()).isEqualTo("Tomato – Early blight");
    browser.awaitImageLoaded(first.findElement(By.cssSelector("img.thumb")));
    browser.screenshot("history-grower");

    first.findElement(By.className("history-link")).click();
    browser.await(By.cssSelector("#history-details .answers[data-status='DONE']"));
    assertThat(browser.driver.findElement(By.cssSelector("#history-details .answer-disease .label")).getText())
        .isEqualTo("Early blight");
  }

  @Test
  void aSmallJobSubmittedFromTheJobsPageCompletesAndItsCsvDownloads(ScriptedPlatform platform) throws Exception {
    Path zip = photos.resolve("three-leaves.zip");
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      for (String label : java.util.List.of("Tomato___Early_blight", "Tomato___healthy", "Apple___Black_rot")) {
        out.putNextEntry(new java.util.zip.ZipEntry(label + ".jpg"));
        out.write(LeafPhotos.knownLeaf(label));
        out.closeEntry();
      }
    }
    Browser browser = signedIn(platform, "grower");
    browser.get(webUrl(platform) + "/jobs");
    browser.await(By.id("archive")).sendKeys(zip.toAbsolutePath().toString());
    browser.driver.findElement(By.id("job-submit")).click();
    String id = browser.await(By.id("job-submitted")).getAttribute("data-job");

    // The row polls its counts until the job is done: the progress bar ends full.
    var done = browser.await(By.cssSelector("#job-" + id + "[data-status='completed']"));
    assertThat(done.findElement(By.className("job-progress")).getAttribute("value")).isEqualTo("100");
    browser.screenshot("jobs-grower");

    // The CSV link, fetched by the page itself (same session): a header and one line per photo.
    Object csv = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);",
        "/jobs/" + id + "/results.csv");
    assertThat(((String) csv).lines()).hasSize(4)
        .anySatisfy(line -> assertThat(line).contains("Tomato___Early_blight.jpg"));
  }

  @Test
  void theDashboardChartsTheGrowersDiagnosesAndTheAdminsThroughput(ScriptedPlatform platform) throws Exception {
    Path photo = earlyBlightPhoto();
    Browser grower = signedIn(platform, "grower");
    diagnose(grower, webUrl(platform), photo);
    grower.get(webUrl(platform) + "/dashboard");
    // dashboard.js marks each drawn canvas with how many values it shows.
    var perDay = grower.await(By.cssSelector("canvas#per-day[data-points]"));
    assertThat(Integer.parseInt(perDay.getAttribute("data-points"))).isPositive();
    assertThat(Integer.parseInt(grower.await(By.cssSelector("canvas#diseases[data-points]"))
        .getAttribute("data-points"))).isPositive();
    grower.screenshot("dashboard-grower");
    Browser admin = signedIn(platform, "admin");
    admin.get(webUrl(platform) + "/dashboard");
    var throughput = admin.await(By.cssSelector("canvas#throughput[data-points]"));
    assertThat(Integer.parseInt(throughput.getAttribute("data-points"))).isPositive();
    admin.screenshot("dashboard-admin");
  }
}
