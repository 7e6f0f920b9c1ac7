package com.shopverse.loadgen.shop;

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
 * Blocking HTTP/1.1 calls on the caller's thread, over the JDK's {@code HttpURLConnection} and its
 * keep-alive cache: {@link CheckoutLoad} runs one thread per shopper, so a call costs a write and a
 * read on the thread that times it. {@code java.net.http.HttpClient} crosses three threads per
 * request and was measured at 3.5 times the CPU per request on this machine (see {@code
 * JdkClient}); at 2,000 requests/s that CPU would be taken from the stack under test.
 */
final class BlockingHttp {

  private static final Pattern PROBLEM_TYPE =
      Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/problems/([a-z0-9-]+)\"");

  /** What a call came to: a status and body, or {@code status} -1 and what went wrong. */
  record Answer(int status, String body, String failure) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** How the report names it: {@code 201}, {@code 409 out-of-stock}, {@code timeout}. */
    String outcome() {
      if (failure != null) {
        return failure;
      }
      Matcher type = PROBLEM_TYPE.matcher(body);
      return type.find() ? status + " " + type.group(1) : Integer.toString(status);
    }
  }

  private final int timeoutMillis;

  /**
   * @param maxConnections idle keep-alive connections to keep per host (the JDK keeps 5 by default,
   *     and would open and close a connection per call for the other shoppers)
   */
  BlockingHttp(Duration timeout, int maxConnections) {
    this.timeoutMillis = (int) timeout.toMillis();
    // Read once, when the JDK's keep-alive cache is first used; so set before any connection.
    System.setProperty("http.maxConnections", Integer.toString(maxConnections));
    // A POST must never be re-sent behind our back: a cart add would add a second unit.
    System.setProperty("sun.net.http.retryPost", "false");
  }

  /**
   * @param json the request body, or null for none (a POST always has one here: without it, the JDK
   *     would send a form content type that a JSON endpoint refuses)
   * @param headers more request headers, as name, value, name, value …
   */
  Answer call(String method, String url, String token, String json, String... headers) {
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
      http.setConnectTimeout(timeoutMillis);
      http.setReadTimeout(timeoutMillis);
      http.setRequestMethod(method);
      http.setRequestProperty("Accept", "application/json, application/problem+json, text/plain");
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
        http.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = http.getOutputStream()) {
          out.write(body);
        }
      }
      int status = http.getResponseCode();
      // Read to the end and close: only then does the connection go back to the keep-alive cache.
      try (InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream()) {
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, body, null);
      }
    } catch (HttpRetryException e) {
      // What the JDK throws instead of returning a 401 (or a redirect) to a streamed request.
      return new Answer(e.responseCode(), "", null);
    } catch (SocketTimeoutException e) {
      return new Answer(-1, "", "timeout");
    } catch (IOException | RuntimeException e) {
      return new Answer(-1, "", "error " + e.getClass().getSimpleName());
    }
  }

  Answer get(String url, String token) {
    return call("GET", url, token, null);
  }
}
