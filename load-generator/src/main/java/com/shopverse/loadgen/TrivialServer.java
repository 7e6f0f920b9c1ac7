package com.shopverse.loadgen;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The target of {@code --self-test}: the JDK's built-in server answering every request with 200
 * "ok" on its dispatcher thread, in the generator's own JVM. What the generator measures against it
 * is its own overhead plus the loopback round trip, an upper bound for what it adds elsewhere.
 */
final class TrivialServer implements AutoCloseable {

  private final HttpServer server;

  private TrivialServer(HttpServer server) {
    this.server = server;
  }

  static TrivialServer start() throws IOException {
    noDelay();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    byte[] ok = "ok\n".getBytes(StandardCharsets.US_ASCII);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, ok.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(ok);
          }
        });
    server.start();
    return new TrivialServer(server);
  }

  /**
   * The JDK server writes the headers and the body of a response in two packets and leaves Nagle's
   * algorithm on unless told otherwise, so the body can wait for the client's delayed ACK (40 ms on
   * Linux). Read once, when the first server is created.
   */
  static void noDelay() {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://127.0.0.1:" + address.getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
