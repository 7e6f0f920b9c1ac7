package com.shopverse.flink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One scrape of a Prometheus text endpoint: each sample's name, label text and value. */
public record PrometheusScrape(List<Sample> samples) {

  public record Sample(String name, String labels, double value) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public static PrometheusScrape of(String url) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + url + " answered " + response.statusCode());
      }
      return parse(response.body());
    } catch (IOException e) {
      throw new AssertionError("could not scrape " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted scraping " + url, e);
    }
  }

  public static PrometheusScrape parse(String text) {
    return new PrometheusScrape(
        text.lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(PrometheusScrape::sample)
            .toList());
  }

  private static Sample sample(String line) {
    int space = line.lastIndexOf(' ');
    String series = line.substring(0, space);
    int brace = series.indexOf('{');
    String name = brace < 0 ? series : series.substring(0, brace);
    String labels = brace < 0 ? "" : series.substring(brace);
    return new Sample(name, labels, Double.parseDouble(line.substring(space + 1)));
  }

  public Set<String> names() {
    return samples.stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The samples of {@code name} whose labels contain every one of {@code labelParts}. */
  public List<Sample> series(String name, String... labelParts) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> List.of(labelParts).stream().allMatch(s.labels()::contains))
        .toList();
  }

  /** The sum over those samples (for counters split by subtask); 0 when there are none. */
  public double sum(String name, String... labelParts) {
    return series(name, labelParts).stream().mapToDouble(Sample::value).sum();
  }
}
