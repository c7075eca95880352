package io.plantspy.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by Debian's chromedriver (never a driver or browser Selenium Manager would
 * download), with a fresh profile: no cookies from another test. Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(90));
  }

  /** A browser whose Accept-Language asks for {@code language} first; skipped where Chromium is not installed. */
  static Browser open(String language) {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900",
        "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    return new Browser(new ChromeDriver(service, options));
  }

  void get(String url) {
    driver.get(url);
  }

  /**
   * Signs in through the realm's own login page: from the web app's start page, its sign-in button leads there,
   * and the realm sends the browser back signed in.
   */
  void signIn(String webUrl, String username, String password) {
    driver.get(webUrl + "/");
    driver.findElement(By.id("sign-in")).click();
    submitKeycloakLogin(username, password);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
  }

  /** Fills and submits Keycloak's login form, which must be showing. */
  void submitKeycloakLogin(String username, String password) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("kc-login")).click();
  }

  /** Submits Keycloak's login form and waits for the realm to answer with its form again (a refused sign-in). */
  void submitKeycloakLoginExpectingRefusal(String username, String password) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
    WebElement before = driver.findElement(By.id("kc-login"));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    before.click();
    wait.until(ExpectedConditions.stalenessOf(before));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
  }

  WebElement await(By locator) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  /** Waits for the text; when it does not come, fails with what the page shows instead. */
  void awaitText(By locator, String text) {
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    } catch (TimeoutException e) {
      throw new AssertionError("\"" + text + "\" never appeared at " + driver.getCurrentUrl() + "; the page says:\n"
          + driver.findElement(By.tagName("body")).getText(), e);
    }
  }

  /** Waits until the image has loaded with pixels (a broken one never gets a natural width). */
  void awaitImageLoaded(WebElement image) {
    wait.until(d -> ((Number) driver.executeScript(
        "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image)).intValue() > 0);
  }

  /** Writes a PNG of the window to {@code target/screenshots/NAME.png}. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File png = driver.getScreenshotAs(OutputType.FILE);
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.copy(png.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
