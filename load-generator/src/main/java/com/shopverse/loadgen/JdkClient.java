package com.shopverse.loadgen;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code java.net.http.HttpClient} (HTTP/1.1, async), kept to compare against {@link SocketClient}
 * and as a second opinion on its figures. One thread sends each request when it is due; a semaphore
 * caps the requests in flight, and a request due while the cap is reached waits for a permit, with
 * that wait in its latency (and is given up unsent after a timeout's worth of waiting). The JDK
 * client opens as many connections as there are requests in flight and keeps them alive.
 *
 * <p>Measured against {@link SocketClient} on the same machine it costs 3.5 times the CPU per
 * request, cannot send 2,000 requests/s, needs seconds of warm-up, and fires its timeouts late (a
 * 200 ms timeout after up to 450 ms): see README.md.
 */
final class JdkClient implements Client {

  private static final Set<String> RESTRICTED =
      Set.of("host", "connection", "expect", "upgrade", "content-length");
  private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int maxInFlight;
  private final String method;
  private final List<Options.Header> headers;
  private final byte[] body;
  private final HttpClient client;

  JdkClient(
      int maxInFlight, String method, List<Options.Header> headers, byte[] body, Duration timeout) {
    for (Options.Header header : headers) {
      if (RESTRICTED.contains(header.name().toLowerCase(Locale.ROOT))) {
        throw new UsageException(
            "--client jdk cannot send header " + header.name() + ": use --client socket");
      }
    }
    this.maxInFlight = maxInFlight;
    this.method = method;
    this.headers = List.copyOf(headers);
    this.body = body == null ? new byte[0] : body;
    // Built before the schedule starts: the first HttpClient loads a few hundred classes.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public void run(Plan plan, Stats stats) throws InterruptedException {
    Schedule schedule = plan.schedule();
    Semaphore permits = new Semaphore(maxInFlight);
    for (long request = 0; request < schedule.totalRequests() && !plan.stopped(); request++) {
      long intended = schedule.intendedStart(request);
      Schedule.sleepUntil(intended);
      long giveUpAt = intended + plan.timeoutNanos();
      if (!permits.tryAcquire(giveUpAt - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        stats.expired(request, System.nanoTime());
        continue;
      }
      send(plan.targets().forRequest(request), request, plan.timeoutNanos(), stats, permits);
    }
    long stopAt = schedule.endNanos() + 2 * plan.timeoutNanos() + GRACE_NANOS;
    if (permits.tryAcquire(
        maxInFlight, Math.max(1, stopAt - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      permits.release(maxInFlight);
    }
    plan.stop();
  }

  private void send(
      Target target, long request, long timeoutNanos, Stats stats, Semaphore permits) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(target.uri())
            .timeout(Duration.ofNanos(timeoutNanos))
            .header("User-Agent", Target.USER_AGENT);
    headers.forEach(header -> builder.setHeader(header.name(), header.value()));
    builder.method(
        method,
        method.equals("POST")
            ? HttpRequest.BodyPublishers.ofByteArray(body)
            : HttpRequest.BodyPublishers.noBody());
    long sentAt = System.nanoTime();
    client
        .sendAsync(builder.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              long doneAt = System.nanoTime();
              try {
                Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                if (cause == null) {
                  stats.response(request, sentAt, doneAt, response.statusCode());
                } else if (cause instanceof HttpTimeoutException) {
                  stats.timeout(request, sentAt, doneAt);
                } else {
                  stats.failure(request, sentAt, cause);
                }
              } finally {
                permits.release();
              }
            });
  }
}
