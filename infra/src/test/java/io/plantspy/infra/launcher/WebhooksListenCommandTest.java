package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantspy.webhooks.signing.WebhookHeaders;
import io.plantspy.webhooks.signing.WebhookSecret;
import io.plantspy.webhooks.signing.WebhookSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code webhooks listen}: a genuine delivery is printed and answered 204, a forged one refused with 401. */
class WebhooksListenCommandTest {

  private static final WebhookSecret SECRET = WebhookSecret.generate(new SecureRandom(), 32);
  private static final StringWriter OUT = new StringWriter();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static int port;
  private static Thread listener;

  @BeforeAll
  static void listen() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CommandLine command = PlantspyLauncher.commandLine();
    command.setOut(new PrintWriter(OUT, true));
    listener = new Thread(() -> command.execute("webhooks", "listen", "--port", Integer.toString(port),
        "--secret", SECRET.value()));
    listener.setDaemon(true);
    listener.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> OUT.toString().contains("listening on"));
  }

  @AfterAll
  static void stop() {
    listener.interrupt();
  }

  @Test
  void printsAndAcceptsAGenuineDelivery() throws Exception {
    String body = "{\"type\":\"diagnosis.completed\",\"data\":{\"diagnosisId\":\"d-1\"}}";

    int status = post("msg_genuine", body, SECRET);

    assertThat(status).isEqualTo(204);
    assertThat(OUT.toString()).contains("verified  msg_genuine  " + body);
  }

  @Test
  void refusesAForgedDelivery() throws Exception {
    int status = post("msg_forged", "{}", WebhookSecret.generate(new SecureRandom(), 32));

    assertThat(status).isEqualTo(401);
    assertThat(OUT.toString()).contains("REFUSED   msg_forged");
  }

  private static int post(String id, String body, WebhookSecret signer) throws Exception {
    long now = Instant.now().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .header(WebhookHeaders.ID, id)
        .header(WebhookHeaders.TIMESTAMP, Long.toString(now))
        .header(WebhookHeaders.SIGNATURE, WebhookSigner.sign(id, now, body, List.of(signer)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
