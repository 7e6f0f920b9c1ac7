package com.shopverse.auth.user;

import com.shopverse.events.Topics;
import com.shopverse.events.auth.AuthEvent;
import com.shopverse.events.auth.LoginFailed;
import com.shopverse.outbox.Outbox;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Each refused password login as a {@link LoginFailed} on {@code auth-events}, through the outbox,
 * for the operations job's per-client {@code logins.failed} series: password guessing and
 * credential stuffing show up there whichever accounts they try.
 *
 * <p>The client is the {@value #CLIENT_IP_HEADER} header the gateway sets (the address its rate
 * limiter buckets by; it overwrites whatever a client sent). auth-service believes it because only
 * the gateway reaches it (the Kubernetes NetworkPolicy admits nothing else); it feeds this signal
 * only, never a decision about an account. A call without the header, or with something that is not
 * an address literal in it, is counted under its TCP peer.
 */
@Component
class LoginFailures {

  static final String CLIENT_IP_HEADER = "X-Client-Ip";

  private final Outbox outbox;
  private final Clock clock = Clock.systemUTC();

  LoginFailures(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Appends the failure; must run in the transaction that counts it toward the lockout. */
  void record(String clientIp, String outcome) {
    var event =
        new LoginFailed(
            UUID.randomUUID(), clock.instant(), AuthEvent.SCHEMA_VERSION, clientIp, outcome);
    outbox.append(Topics.AUTH_EVENTS, clientIp, event.eventId().toString(), event);
  }

  static String clientIp(HttpServletRequest request) {
    String forwarded = request.getHeader(CLIENT_IP_HEADER);
    return forwarded != null && isAddressLiteral(forwarded) ? forwarded : request.getRemoteAddr();
  }

  /** IPv4 or IPv6 characters only, at most an IPv6 literal long: never a name, never a payload. */
  static boolean isAddressLiteral(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F')
              || c == '.'
              || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
