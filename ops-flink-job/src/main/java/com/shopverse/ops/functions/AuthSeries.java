package com.shopverse.ops.functions;

import com.shopverse.events.auth.AuthEvent;
import com.shopverse.events.auth.LoginFailed;
import com.shopverse.ops.SeriesEvent;
import org.apache.flink.util.Collector;

/**
 * One {@code auth-events} record into series {@code login.failures.all} (aggregate) and {@code
 * login.failures} keyed by the client's address: password guessing from one address is a spike of
 * the keyed series whichever accounts it tries, credential stuffing from many a spike of the
 * aggregate. A record without occurredAt or clientIp is malformed ({@link ParseSeries}).
 */
public final class AuthSeries implements ParseSeries.Series<AuthEvent> {

  public static final String LOGIN_FAILURES = "login.failures";
  public static final String ALL_LOGIN_FAILURES = "login.failures.all";

  @Override
  public boolean readable(AuthEvent event) {
    return event.occurredAt() != null && event.clientIp() != null && !event.clientIp().isBlank();
  }

  @Override
  public void emit(AuthEvent event, Collector<SeriesEvent> out) {
    if (event instanceof LoginFailed failed) {
      long time = failed.occurredAt().toEpochMilli();
      out.collect(new SeriesEvent(ALL_LOGIN_FAILURES, SeriesEvent.AGGREGATE, time));
      out.collect(new SeriesEvent(LOGIN_FAILURES, failed.clientIp(), time));
    }
  }
}
