package com.shopverse.gateway.bench;

import com.shopverse.testsupport.TestTokens;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * What benchmarks/gateway.sh runs beside the gateway: a trivial Reactor Netty backend answering
 * every request with a small JSON (the "direct" baseline and the gateway's upstream), and an RS256
 * issuer (test-support's TestTokens) serving its JWKS, with a few hundred valid tokens written to a
 * file for wrk. It stops by itself after {@code max-lifetime} so a broken script leaves nothing
 * running.
 *
 * <p>{@code BenchFixtures <backend-port> <out-dir> <tokens> <max-lifetime-seconds>}: writes {@code
 * jwks-uri} and {@code tokens.txt} (one token a line) to {@code out-dir}, then {@code ready}.
 */
public final class BenchFixtures {

  private BenchFixtures() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    long lifetime = Long.parseLong(args[3]);
    byte[] body =
        "{\"id\":\"P00042\",\"name\":\"Headphones\",\"priceMinor\":4999}"
            .getBytes(StandardCharsets.UTF_8);
    DisposableServer backend =
        HttpServer.create()
            .host("127.0.0.1")
            .port(port)
            .route(
                routes ->
                    routes.route(
                        request -> true,
                        (request, response) ->
                            response
                                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                .header(
                                    HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                                .sendByteArray(Mono.just(body))))
            .bindNow();
    try (TestTokens tokens = TestTokens.start()) {
      Files.createDirectories(out);
      Files.write(
          out.resolve("tokens.txt"),
          IntStream.range(0, count)
              .mapToObj(
                  i ->
                      tokens.sign(
                          TestTokens.customerClaims("shopper-" + i, Duration.ofHours(2)).build()))
              .toList());
      Files.writeString(out.resolve("jwks-uri"), tokens.jwksUri());
      Files.writeString(out.resolve("ready"), "ready");
      Thread.sleep(lifetime * 1000);
      System.out.println("JWKS fetches during the run: " + tokens.jwksFetches());
    } finally {
      backend.disposeNow();
    }
  }
}
