package com.shopverse.gateway.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that reads each request's first bytes and closes the connection without answering: what
 * the gateway sees when a backend dies mid-request or closes a pooled connection as it is reused.
 */
final class HangUpBackend implements AutoCloseable {

  private final ServerSocket server;
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;

  HangUpBackend() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = new Thread(this::serve, "hang-up-backend");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Requests that reached it (each on a connection it then closed). */
  int requests() {
    return requests.get();
  }

  void forget() {
    requests.set(0);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        if (in.read(new byte[8192]) > 0) {
          requests.incrementAndGet();
        }
      } catch (IOException e) {
        // closed by close(), or the client went away: either way, next connection
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
