package io.plantspy.infra.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.plantspy.webhooks.signing.WebhookHeaders;
import io.plantspy.webhooks.signing.WebhookSecret;
import io.plantspy.webhooks.signing.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webhooks listen --port 9000 --secret whsec_...}: a receiver for trying webhooks out. It checks each
 * request's Standard Webhooks signature and timestamp, prints the event (or why it was refused) and answers 204
 * (401 when refused), until Ctrl-C.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
    description = "Receive webhooks on http://127.0.0.1:PORT/, verify their signatures and print each event.")
final class WebhooksListenCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--port", defaultValue = "9000", description = "port to listen on (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--secret", required = true,
      description = "the webhook's secret (whsec_...), as shown when subscribing or rotating")
  String secret;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    WebhookVerifier verifier;
    try {
      verifier = new WebhookVerifier(new WebhookSecret(secret));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("--secret: " + e.getMessage());
      return 2;
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/", exchange -> receive(exchange, verifier, out));
    server.start();
    out.println("listening on http://" + host + ":" + server.getAddress().getPort() + "/ (Ctrl-C to stop)");
    out.flush();
    new CountDownLatch(1).await();
    return 0;
  }

  private static void receive(HttpExchange exchange, WebhookVerifier verifier, PrintWriter out) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var headers = exchange.getRequestHeaders();
    String id = headers.getFirst(WebhookHeaders.ID);
    int status;
    synchronized (out) {
      try {
        verifier.verify(id, headers.getFirst(WebhookHeaders.TIMESTAMP), headers.getFirst(WebhookHeaders.SIGNATURE),
            body);
        out.println("verified  " + id + "  " + body);
        status = 204;
      } catch (WebhookVerifier.Refused refused) {
        out.println("REFUSED   " + id + "  " + refused.getMessage());
        status = 401;
      }
      out.flush();
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }
}
