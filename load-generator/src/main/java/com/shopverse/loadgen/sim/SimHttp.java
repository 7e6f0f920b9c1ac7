package com.shopverse.loadgen.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blocking HTTP/1.1 on the worker's own thread over the JDK's keep-alive connection cache: one
 * write and one read per request, and no extra threads taking CPU from the stack under test.
 */
final class SimHttp {

  private static final Pattern PROBLEM_TYPE =
      Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/problems/([a-z0-9-]+)\"");

  /** A status and body, or status -1 and what failed ({@code timeout}, {@code error …}). */
  record Answer(int status, String body, String failure, long sentNanos, long doneNanos) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean timedOut() {
      return "timeout".equals(failure);
    }

    /** {@code 201}, {@code 429 rate-limited}, {@code timeout}, {@code error ConnectException}. */
    String outcome() {
      if (failure != null) {
        return failure;
      }
      Matcher type = PROBLEM_TYPE.matcher(body);
      return type.find() ? status + " " + type.group(1) : Integer.toString(status);
    }
  }

  private final String base;
  private final int timeoutMillis;
  private final boolean forwardedFor;

  SimHttp(String base, Duration timeout, int connections, boolean forwardedFor) {
    this.base = base;
    this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
    this.forwardedFor = forwardedFor;
    // Read once, when the keep-alive cache is first used: keep a connection per worker.
    System.setProperty("http.maxConnections", Integer.toString(connections));
    // A POST is never resent behind our back: a cart add would add a second unit.
    System.setProperty("sun.net.http.retryPost", "false");
  }

  /**
   * @param client the shopper's address, sent as X-Forwarded-For (when enabled)
   * @param json the body, or null
   * @param headers more headers: name, value, ...
   */
  Answer call(
      String method, String path, String client, String token, String json, String... headers) {
    long sent = System.nanoTime();
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
      http.setConnectTimeout(timeoutMillis);
      http.setReadTimeout(timeoutMillis);
      http.setRequestMethod(method);
      http.setRequestProperty("Accept", "application/json, application/problem+json");
      if (forwardedFor && client != null) {
        http.setRequestProperty("X-Forwarded-For", client);
      }
      if (token != null) {
        http.setRequestProperty("Authorization", "Bearer " + token);
      }
      for (int i = 0; i + 1 < headers.length; i += 2) {
        http.setRequestProperty(headers[i], headers[i + 1]);
      }
      if (json != null) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        http.setRequestProperty("Content-Type", "application/json");
        http.setDoOutput(true);
        // Not streamed: a streamed request gets an HttpRetryException instead of a 401's body,
        // and the report names each failure by its problem type.
        try (OutputStream out = http.getOutputStream()) {
          out.write(body);
        }
      }
      int status = http.getResponseCode();
      // Read to the end and close: only then does the connection go back to the cache.
      try (InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream()) {
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, body, null, sent, System.nanoTime());
      }
    } catch (HttpRetryException e) {
      // What the JDK throws instead of returning a 401 to a streamed request.
      return new Answer(e.responseCode(), "", null, sent, System.nanoTime());
    } catch (SocketTimeoutException e) {
      return new Answer(-1, "", "timeout", sent, System.nanoTime());
    } catch (IOException | RuntimeException e) {
      return new Answer(-1, "", "error " + e.getClass().getSimpleName(), sent, System.nanoTime());
    }
  }
}
