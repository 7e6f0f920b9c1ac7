package com.shopverse.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {

  @TempDir Path dir;

  @Test
  void readsAFullCommandLine() throws IOException {
    Path body = Files.writeString(dir.resolve("body.json"), "{\"type\":\"PRODUCT_VIEWED\"}");
    Options options =
        Options.parse(
            "--rate", "1000",
            "--duration", "30s",
            "--warmup", "10s",
            "--url", "http://127.0.0.1:8084/api/events",
            "--url", "http://localhost:8084/api/events?x=1",
            "--header", "Content-Type: application/json",
            "--header", "Authorization: Bearer a:b",
            "--method", "post",
            "--body-file", body.toString(),
            "--connections", "16",
            "--timeout", "500ms",
            "--label", "ingest single",
            "--out", "results.md",
            "--expect-status", "202",
            "--max-error-rate", "0.5%",
            "--seed", "42");

    assertThat(options.rate()).isEqualTo(1000);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.urls())
        .containsExactly(
            URI.create("http://127.0.0.1:8084/api/events"),
            URI.create("http://localhost:8084/api/events?x=1"));
    assertThat(options.headers())
        .containsExactly(
            new Options.Header("Content-Type", "application/json"),
            new Options.Header("Authorization", "Bearer a:b"));
    assertThat(options.method()).isEqualTo("POST");
    assertThat(new String(options.body())).isEqualTo("{\"type\":\"PRODUCT_VIEWED\"}");
    assertThat(options.connections()).isEqualTo(16);
    assertThat(options.label()).isEqualTo("ingest single");
    assertThat(options.out()).isEqualTo(Path.of("results.md"));
    assertThat(options.expectStatus()).containsExactly(202);
    assertThat(options.maxErrorRate()).isEqualTo(0.005);
    assertThat(options.seed()).hasValue(42);
    assertThat(options.args()).hasSize(32).startsWith("--rate", "1000");
    assertThat(options.totalRequests()).isEqualTo(40_000);
  }

  @Test
  void hasDefaultsForEverythingButRateAndTarget() {
    Options options = Options.parse("--rate=250", "--url=http://127.0.0.1:8080/");

    assertThat(options.rate()).isEqualTo(250);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.warmup()).isZero();
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.method()).isEqualTo("GET");
    assertThat(options.connections()).isEqualTo(64);
    assertThat(options.expectStatus()).isEmpty();
    assertThat(options.maxErrorRate()).isEqualTo(0.01);
    assertThat(options.client()).isEqualTo("socket");
    assertThat(options.seed()).isEmpty();
  }

  @Test
  void readsUrlsFromAFileSkippingCommentsAndBlankLines() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("urls.txt"),
            "# products\nhttp://127.0.0.1:8082/api/catalog/products/P1\n\n"
                + "  http://127.0.0.1:8082/api/catalog/products/P2  \n");

    Options options = Options.parse("--rate", "10", "--urls-file", file.toString());

    assertThat(options.urls())
        .containsExactly(
            URI.create("http://127.0.0.1:8082/api/catalog/products/P1"),
            URI.create("http://127.0.0.1:8082/api/catalog/products/P2"));
  }

  @Test
  void readsTheErrorRateAsAPercentage() {
    assertThat(parseWith("--max-error-rate", "5").maxErrorRate()).isEqualTo(0.05);
    assertThat(parseWith("--max-error-rate", "0").maxErrorRate()).isZero();
    assertThat(parseWith("--expect-status", "200,204").expectStatus()).containsOnly(200, 204);
  }

  @Test
  void explainsWhatIsMissing() {
    assertThatThrownBy(() -> Options.parse("--url", "http://127.0.0.1/"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--rate is required, e.g. --rate 1000 (requests per second)");
    assertThatThrownBy(() -> Options.parse("--rate", "100"))
        .hasMessage("no target: give --url, --urls-file or --self-test");
    assertThatThrownBy(() -> Options.parse("--rate"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--rate needs a value");
  }

  @Test
  void rejectsBadValuesWithTheOptionInTheMessage() {
    assertRejected("--rate ten", "--rate 'ten' is not a number", "--rate", "ten");
    assertRejected("negative rate", "--rate must be above 0 and at most 1000000", "--rate", "-5");
    assertRejected(
        "duration without unit",
        "--duration '30' has no unit: write a number and a unit, e.g. 500ms, 30s, 2m, 1h",
        "--duration",
        "30");
    assertRejected(
        "https",
        "--url 'https://127.0.0.1/': only http:// is supported",
        "--url",
        "https://127.0.0.1/");
    assertRejected(
        "bad header", "--header 'NoColon' must look like 'Name: value'", "--header", "NoColon");
    assertRejected(
        "content-length",
        "--header 'Content-Length' is set by the generator",
        "--header",
        "Content-Length: 3");
    assertRejected("method", "--method 'PUT': GET or POST", "--method", "PUT");
    assertRejected(
        "connections", "--connections '1.5' is not a whole number", "--connections", "1.5");
    assertRejected(
        "status", "--expect-status 700 is not an HTTP status", "--expect-status", "200,700");
    assertRejected("client", "--client 'netty': socket or jdk", "--client", "netty");
    assertRejected(
        "missing body",
        "--body-file " + dir.resolve("nope") + " cannot be read",
        "--method",
        "POST",
        "--body-file",
        dir.resolve("nope").toString());
    assertRejected("unknown", "unknown option --rps (see --help)", "--rps", "5");
  }

  @Test
  void rejectsABodyWithoutPost() throws IOException {
    Path body = Files.writeString(dir.resolve("b"), "x");
    assertRejected(
        "body with GET", "--body-file needs --method POST", "--body-file", body.toString());
  }

  @Test
  void rejectsAPositionalArgument() {
    assertThatThrownBy(() -> Options.parse("--rate", "5", "http://127.0.0.1/"))
        .hasMessage("unexpected argument 'http://127.0.0.1/' (options start with --)");
  }

  @Test
  void helpNeedsNothingElse() {
    assertThat(Options.parse("--help").help()).isTrue();
  }

  private static Options parseWith(String option, String value) {
    return Options.parse("--rate", "1", "--url", "http://127.0.0.1/", option, value);
  }

  private static void assertRejected(String what, String message, String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "--rate";
    args[1] = "1";
    args[2] = "--url";
    args[3] = "http://127.0.0.1/";
    System.arraycopy(extra, 0, args, 4, extra.length);
    // later options win, so the bad value is the one checked
    assertThatThrownBy(() -> Options.parse(args))
        .as(what)
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aUrlsFileLineMayCarryHeadersOfItsOwn() throws IOException {
    Path file = dir.resolve("shoppers.txt");
    Files.writeString(
        file,
        "http://127.0.0.1:8085/for-you?n=1\tX-Anonymous-Id: a-1\n"
            + "http://127.0.0.1:8085/for-you?n=2\tX-Anonymous-Id: a-2\tX-Trace: t\n"
            + "http://127.0.0.1:8085/trending\n");

    Options options = Options.parse("--rate", "10", "--urls-file", file.toString());

    assertThat(options.urls()).hasSize(3);
    assertThat(options.lineHeaders().get(URI.create("http://127.0.0.1:8085/for-you?n=2")))
        .containsExactly(
            new Options.Header("X-Anonymous-Id", "a-2"), new Options.Header("X-Trace", "t"));
    assertThat(options.lineHeaders())
        .doesNotContainKey(URI.create("http://127.0.0.1:8085/trending"));
  }
}
