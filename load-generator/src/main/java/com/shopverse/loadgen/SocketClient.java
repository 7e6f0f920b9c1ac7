package com.shopverse.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The default client: a fixed pool of keep-alive HTTP/1.1 connections over plain blocking sockets,
 * one thread each.
 *
 * <p>Why not {@code java.net.http.HttpClient} ({@link JdkClient})? Measured against the same
 * trivial in-process server on the 2-core benchmark machine (README.md, "Self-overhead"), its p99
 * at 1,000 requests/s was 26 ms to 0.9 s, and it could not send 2,000/s at all: it spends about 3.5
 * times the CPU per request, crossing threads several times (caller, selector manager, executor)
 * and allocating futures on the way. Here a request costs one timed wake-up, one {@code write} and
 * usually one {@code read}, on the thread that measures it: 0.2 ms at the median, most of it the
 * wake-up, and p99 about 1 ms.
 *
 * <p>The pool is the concurrency cap. The requests form one queue in schedule order: a thread that
 * is free takes the next request (a shared counter), sleeps until the request is due and sends it.
 * When every connection is busy, the next request simply waits for the first free one, and that
 * wait is part of its latency, because latency is always measured from the intended start. A
 * request that has waited longer than the timeout is given up without being sent ("expired"); one
 * that is sent gets the whole timeout for connecting and answering.
 *
 * <p>Why the timeout starts when the request is sent, not at its intended start: with the latter, a
 * generator that has fallen behind sends requests with a few milliseconds left, which time out,
 * close their connections and reconnect in a tight loop. Measured on a loaded 2-core machine, that
 * churn starved the server further and the run never recovered (0 of 30,000 requests answered).
 */
final class SocketClient implements Client {

  private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int connections;

  SocketClient(int connections) {
    this.connections = connections;
  }

  @Override
  public void run(Plan plan, Stats stats) throws InterruptedException {
    AtomicLong next = new AtomicLong();
    Queue<HttpConnection> open = new ConcurrentLinkedQueue<>();
    List<Thread> threads =
        IntStream.range(0, connections)
            .mapToObj(
                n -> {
                  Thread thread =
                      new Thread(() -> work(plan, stats, next, open), "loadgen-connection-" + n);
                  thread.setDaemon(true);
                  return thread;
                })
            .toList();
    threads.forEach(Thread::start);
    // The last request is sent at most one timeout late (or given up) and takes at most one more;
    // the grace covers scheduling noise. Past that, the run is cut off.
    long stopAt = plan.schedule().endNanos() + 2 * plan.timeoutNanos() + GRACE_NANOS;
    for (Thread thread : threads) {
      TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, stopAt - System.nanoTime()));
    }
    plan.stop();
    open.forEach(HttpConnection::abort);
    for (Thread thread : threads) {
      thread.join(TimeUnit.NANOSECONDS.toMillis(GRACE_NANOS));
    }
  }

  private static void work(Plan plan, Stats stats, AtomicLong next, Queue<HttpConnection> open) {
    Schedule schedule = plan.schedule();
    Map<InetSocketAddress, HttpConnection> connections = new HashMap<>();
    long[] sentAt = new long[1];
    try {
      for (long request = next.getAndIncrement();
          request < schedule.totalRequests() && !plan.stopped();
          request = next.getAndIncrement()) {
        long intended = schedule.intendedStart(request);
        Schedule.sleepUntil(intended);
        long now = System.nanoTime();
        if (now - intended >= plan.timeoutNanos()) {
          stats.expired(request, now);
          continue;
        }
        Target target = plan.targets().forRequest(request);
        HttpConnection connection =
            connections.computeIfAbsent(
                target.address(),
                address -> {
                  HttpConnection created = new HttpConnection(address, stats::connectionOpened);
                  open.add(created);
                  return created;
                });
        sentAt[0] = 0;
        try {
          int status = connection.exchange(target.request(), now + plan.timeoutNanos(), sentAt);
          stats.response(request, sentAt[0], System.nanoTime(), status);
        } catch (SocketTimeoutException e) {
          stats.timeout(request, sentAt[0], System.nanoTime());
        } catch (IOException | RuntimeException e) {
          stats.failure(request, sentAt[0], e);
        }
      }
    } finally {
      connections.values().forEach(HttpConnection::close);
    }
  }
}
