package com.shopverse.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 client against a socket that answers with scripted bytes. */
class HttpConnectionIT {

  private static final String CLOSE = "<close without answering>";
  private static final String HANG = "<never answer>";
  private static final byte[] GET = "GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes();

  private final BlockingQueue<String> script = new LinkedBlockingQueue<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger opened = new AtomicInteger();
  private ServerSocket server;
  private HttpConnection connection;
  private final long[] sentAt = new long[1];

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  accepted.incrementAndGet();
                  Thread handler = new Thread(() -> serve(socket));
                  handler.setDaemon(true);
                  handler.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    connection =
        new HttpConnection(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
            opened::incrementAndGet);
  }

  @AfterEach
  void stop() throws IOException {
    connection.close();
    server.close();
  }

  @Test
  void readsBodiesByContentLengthAndKeepsTheConnection() throws IOException {
    script.add("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
    script.add("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");

    assertThat(exchange()).isEqualTo(200);
    assertThat(exchange()).isEqualTo(404);
    assertThat(accepted).hasValue(1);
    assertThat(opened).hasValue(1);
  }

  @Test
  void readsChunkedBodiesToTheEnd() throws IOException {
    String big = "x".repeat(40_000);
    script.add(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n"
            + Integer.toHexString(big.length())
            + "\r\n"
            + big
            + "\r\n0\r\nTrailer: t\r\n\r\n");
    script.add("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");

    assertThat(exchange()).isEqualTo(200);
    assertThat(exchange()).isEqualTo(201);
    assertThat(accepted).hasValue(1);
  }

  @Test
  void skipsInterimResponses() throws IOException {
    script.add("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");

    assertThat(exchange()).isEqualTo(202);
  }

  @Test
  void readsUntilCloseWithoutALengthAndReconnects() throws IOException {
    script.add("HTTP/1.0 200 OK\r\n\r\nall of it" + CLOSE);
    script.add(
        "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    script.add("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

    assertThat(exchange()).isEqualTo(200);
    assertThat(exchange()).isEqualTo(503);
    assertThat(exchange()).isEqualTo(200);
    assertThat(opened).hasValue(3);
  }

  @Test
  void retriesOnceWhenAKeptAliveConnectionWasClosedByTheServer() throws IOException {
    script.add("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    script.add(CLOSE);
    script.add("HTTP/1.1 204 No Content\r\n\r\n");

    assertThat(exchange()).isEqualTo(200);
    assertThat(exchange()).isEqualTo(204);
    assertThat(opened).hasValue(2);
  }

  @Test
  void doesNotRetryOnAFreshConnection() {
    script.add(CLOSE);

    assertThatThrownBy(this::exchange).isInstanceOf(IOException.class);
    assertThat(opened).hasValue(1);
  }

  @Test
  void givesUpAtTheDeadline() {
    script.add(HANG);
    long started = System.nanoTime();

    assertThatThrownBy(
            () -> connection.exchange(GET, started + TimeUnit.MILLISECONDS.toNanos(200), sentAt))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(System.nanoTime() - started).isBetween(190_000_000L, 700_000_000L);
  }

  @Test
  void rejectsWhatIsNotHttp() {
    script.add("SSH-2.0-OpenSSH_9.2\r\n\r\n");

    assertThatThrownBy(this::exchange).hasMessageContaining("not an HTTP/1.x status line");
  }

  private int exchange() throws IOException {
    return connection.exchange(GET, System.nanoTime() + TimeUnit.SECONDS.toNanos(5), sentAt);
  }

  /** Answers each request on {@code socket} with the next scripted response. */
  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      while (true) {
        if (!readRequestHead(in)) {
          return;
        }
        String response = script.poll(5, TimeUnit.SECONDS);
        if (response == null || response.equals(CLOSE)) {
          return;
        }
        if (response.equals(HANG)) {
          Thread.sleep(5_000);
          return;
        }
        boolean close = response.endsWith(CLOSE);
        socket
            .getOutputStream()
            .write(response.replace(CLOSE, "").getBytes(StandardCharsets.ISO_8859_1));
        if (close) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the test decides what that means
    }
  }

  private static boolean readRequestHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      head.write(b);
    }
    return true;
  }
}
