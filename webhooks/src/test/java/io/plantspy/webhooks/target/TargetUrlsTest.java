package io.plantspy.webhooks.target;

import io.plantspy.address.RefusedUrlException;
import io.plantspy.address.WebhookUrls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetUrlsTest {

  private final TargetUrls production = new TargetUrls(new TargetProperties(List.of(), Duration.ofSeconds(5),
      Duration.ofSeconds(15)));

  @Test
  void refusesLoopbackAndPrivateAddressesWithoutAnAllowlist() {
    for (String url : List.of("http://127.0.0.1:9000/hook", "http://localhost/hook", "https://10.0.0.8/x",
        "http://[::1]/hook", "http://169.254.169.254/")) {
      assertThatThrownBy(() -> production.vet(url)).as(url)
          .isInstanceOfSatisfying(RefusedUrlException.class, e -> assertThat(e.slug()).isEqualTo("refused-address"));
    }
  }

  @Test
  void allowsLoopbackOnlyWhenConfigured() throws Exception {
    TargetUrls local = new TargetUrls(new TargetProperties(List.of("127.0.0.1/32"), Duration.ofSeconds(5),
        Duration.ofSeconds(15)));

    assertThat(local.vet("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
  }

  @Test
  void refusesUrlsThatAreNotPlainHttpOrHttps() {
    for (String url : List.of("ftp://example.com/x", "file:///etc/passwd", "http://user:pw@example.com/hook",
        "http:///nohost", "https://example.com/hook#frag", "not a url")) {
      assertThatThrownBy(() -> WebhookUrls.parse(url)).as(url)
          .isInstanceOfSatisfying(RefusedUrlException.class, e -> assertThat(e.slug()).isEqualTo("bad-url"));
    }
  }
}
