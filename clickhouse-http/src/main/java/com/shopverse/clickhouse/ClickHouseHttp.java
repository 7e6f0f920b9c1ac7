package com.shopverse.clickhouse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal, thread-safe ClickHouse client over the HTTP interface. Works against 18.16 (Debian)
 * and current servers alike: the format is always named in the SQL (18.16 ignores the {@code
 * X-ClickHouse-Format} header) and responses are never compressed ({@code compress=1} returns an
 * empty body on 18.16).
 */
public final class ClickHouseHttp {

  private final HttpClient http;
  private final URI endpoint;
  private final String database;
  private final String user;
  private final String password;
  private final Duration timeout;

  public ClickHouseHttp(
      URI endpoint, String database, String user, String password, Duration timeout) {
    this.endpoint = endpoint;
    this.database = database;
    this.user = user;
    this.password = password == null ? "" : password;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** A client for {@code http://host:port} with the default user. */
  public static ClickHouseHttp of(String url, String database, Duration timeout) {
    return new ClickHouseHttp(URI.create(url), database, "default", "", timeout);
  }

  /** Runs a statement that returns nothing of interest (DDL, {@code INSERT ... SELECT}). */
  public void execute(String sql) {
    send(sql, null);
  }

  /**
   * Inserts rows given as a body in the format named by {@code insertSql}, e.g. {@code INSERT INTO
   * t FORMAT JSONEachRow} with one JSON object per line.
   */
  public void insert(String insertSql, String body) {
    send(insertSql, body);
  }

  /**
   * Runs a query and returns its rows as lists of column values, read from {@code TabSeparated}.
   * The query must not name a format.
   */
  public List<List<String>> query(String sql) {
    String text = send(sql + " FORMAT TabSeparated", null);
    if (text.isEmpty()) {
      return List.of();
    }
    return text.lines()
        .map(line -> Arrays.stream(line.split("\t", -1)).map(ClickHouseHttp::unescape).toList())
        .toList();
  }

  /** Whether the server answers its {@code /ping} endpoint. */
  public boolean ping() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(endpoint.resolve("/ping")).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String send(String sql, String body) {
    // With a body the SQL travels in the query string, so the body can be the data itself.
    String query = "database=" + encode(database);
    HttpRequest.BodyPublisher publisher;
    if (body == null) {
      publisher = HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8);
    } else {
      query += "&query=" + encode(sql);
      publisher = HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/?" + query))
            .timeout(timeout)
            .header("X-ClickHouse-User", user)
            .header("X-ClickHouse-Key", password)
            .POST(publisher)
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new ClickHouseException(
            "ClickHouse answered " + response.statusCode() + ": " + response.body().strip(),
            response.statusCode() >= 500 && isTransient(response.body()),
            null);
      }
      return response.body();
    } catch (HttpTimeoutException e) {
      throw new ClickHouseException("ClickHouse timed out after " + timeout, true, e);
    } catch (IOException e) {
      throw new ClickHouseException("ClickHouse unreachable at " + endpoint + ": " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("Interrupted while calling ClickHouse", true, e);
    }
  }

  /**
   * A ClickHouse string literal holding {@code value}. ClickHouse 18.16 has no bound query
   * parameters (they came in 19.x), so values are quoted here: backslash and quote escaped, so no
   * value can end the literal.
   */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\'') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('\'').toString();
  }

  private static boolean isTransient(String body) {
    // Server-side errors about the SQL itself (syntax, unknown table) will fail again on retry.
    return !(body.contains("Syntax error")
        || body.contains("UNKNOWN_TABLE")
        || body.contains("doesn't exist"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Reverses TabSeparated escaping of one value. */
  static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(
            switch (next) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case '0' -> '\0';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
