package com.shopverse.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static final List<Options.Header> NO_HEADERS = List.of();

  @Test
  void writesAGetRequestOnceWithHostAndHeaders() {
    Target target =
        Target.of(
            URI.create("http://127.0.0.1:8082/api/catalog/products?limit=3&q=a%20b"),
            "GET",
            List.of(new Options.Header("Authorization", "Bearer t")),
            null);

    assertThat(new String(target.request(), StandardCharsets.ISO_8859_1))
        .isEqualTo(
            "GET /api/catalog/products?limit=3&q=a%20b HTTP/1.1\r\n"
                + "Host: 127.0.0.1:8082\r\n"
                + "User-Agent: shopverse-loadgen/0.1\r\n"
                + "Authorization: Bearer t\r\n"
                + "\r\n");
    assertThat(target.address().getPort()).isEqualTo(8082);
    assertThat(target.isLoopback()).isTrue();
  }

  @Test
  void writesAPostWithItsBodyLength() {
    Target target =
        Target.of(
            URI.create("http://localhost/api/events"),
            "POST",
            List.of(new Options.Header("Host", "shop.test"), new Options.Header("User-Agent", "x")),
            "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(target.request(), StandardCharsets.ISO_8859_1))
        .isEqualTo(
            "POST /api/events HTTP/1.1\r\nHost: shop.test\r\nUser-Agent: x\r\n"
                + "Content-Length: 2\r\n\r\n{}");
    assertThat(target.address().getPort()).isEqualTo(80);
  }

  @Test
  void goesRoundRobinWithoutASeed() {
    Targets targets = targets(OptionalLong.empty());

    assertThat(LongStream.range(0, 6).mapToObj(i -> path(targets.forRequest(i))))
        .containsExactly("/a", "/b", "/c", "/a", "/b", "/c");
  }

  @Test
  void picksAtRandomButRepeatablyWithASeed() {
    Targets seeded = targets(OptionalLong.of(7));
    Targets again = targets(OptionalLong.of(7));
    Targets other = targets(OptionalLong.of(8));

    List<String> first =
        LongStream.range(0, 300).mapToObj(i -> path(seeded.forRequest(i))).toList();
    assertThat(LongStream.range(0, 300).mapToObj(i -> path(again.forRequest(i))))
        .containsExactlyElementsOf(first);
    assertThat(LongStream.range(0, 300).mapToObj(i -> path(other.forRequest(i))).toList())
        .isNotEqualTo(first);
    assertThat(first.subList(0, 6)).isNotEqualTo(List.of("/a", "/b", "/c", "/a", "/b", "/c"));
    Map<String, Integer> counts = new HashMap<>();
    first.forEach(p -> counts.merge(p, 1, Integer::sum));
    assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(70, 130));
  }

  private static Targets targets(OptionalLong seed) {
    return new Targets(
        List.of("/a", "/b", "/c").stream()
            .map(p -> Target.of(URI.create("http://127.0.0.1:9" + p), "GET", NO_HEADERS, null))
            .toList(),
        seed);
  }

  private static String path(Target target) {
    return target.uri().getPath();
  }
}
