package com.shopverse.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.TestTokens;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service keeps a keep-alive connection open well past Tomcat's default of 100 requests. With
 * that default, the gateway and the load generator reconnected every 100 requests: at 1,000
 * requests/s recommendation-service closed ~380 connections a minute (TIME-WAIT on its port,
 * benchmarks/results/recommendations-2026-12-02.md), each reconnect a handshake and a fresh
 * pipeline in the request's latency.
 */
@SpringBootTest(
    classes = ServletLatencyBucketsIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.import=classpath:shopverse-defaults.yml",
      "spring.application.name=keep-alive-test"
    })
class ServletKeepAliveIT {

  static final TestTokens tokens = TestTokens.start();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
  }

  @AfterAll
  static void stop() {
    tokens.close();
  }

  @Test
  void servesManyMoreThanTomcatsDefaultHundredRequestsOnOneConnection() throws IOException {
    byte[] request =
        ("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + tokens.customer("alice")
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (int i = 1; i <= 250; i++) {
        out.write(request);
        out.flush();
        String head = readHead(in);
        assertThat(head).as("response %d", i).startsWith("HTTP/1.1 200");
        assertThat(head.toLowerCase()).as("response %d", i).doesNotContain("connection: close");
        in.readNBytes(contentLength(head));
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after: " + head);
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    throw new IllegalStateException("no Content-Length in " + head);
  }
}
