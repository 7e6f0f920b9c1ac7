package com.shopverse.loadgen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK's HTTP server on 127.0.0.1 with a behaviour per request number, for the ITs. */
final class TestServer implements AutoCloseable {

  /** How to answer request {@code number} (0-based, in arrival order). */
  interface Behaviour {
    int status(long number) throws InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Long> arrivals = new ArrayList<>();
  private volatile String lastRequest = "";

  private TestServer(int threads, Behaviour behaviour) throws IOException {
    TrivialServer.noDelay();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext("/", exchange -> answer(exchange, behaviour));
    server.start();
  }

  /** {@code threads} handle requests; with one, a slow request holds up all that follow. */
  static TestServer start(int threads, Behaviour behaviour) throws IOException {
    return new TestServer(threads, behaviour);
  }

  private void answer(HttpExchange exchange, Behaviour behaviour) throws IOException {
    long number;
    synchronized (arrivals) {
      number = arrivals.size();
      arrivals.add(System.nanoTime());
    }
    byte[] requestBody = exchange.getRequestBody().readAllBytes();
    lastRequest =
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI()
            + " "
            + exchange.getRequestHeaders().getFirst("Content-Type")
            + " "
            + new String(requestBody, StandardCharsets.UTF_8);
    int status;
    try {
      status = behaviour.status(number);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 500;
    }
    byte[] body = ("{\"request\":" + number + "}").getBytes();
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/things";
  }

  long requests() {
    synchronized (arrivals) {
      return arrivals.size();
    }
  }

  /** When each request arrived, on the {@link System#nanoTime} clock. */
  List<Long> arrivals() {
    synchronized (arrivals) {
      return List.copyOf(arrivals);
    }
  }

  /** Method, URI, Content-Type and body of the last request, separated by spaces. */
  String lastRequest() {
    return lastRequest;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
