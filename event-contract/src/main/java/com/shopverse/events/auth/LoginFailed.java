package com.shopverse.events.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A password login that was refused. It names no account: the operations job counts failures per
 * client address ({@code logins.failed}), which is what password guessing and credential stuffing
 * raise, whichever accounts they try.
 *
 * @param outcome {@code invalid-credentials} (unknown email or wrong password) or {@code locked}
 *     (the email was locked by earlier failures; the password was not checked)
 */
public record LoginFailed(
    UUID eventId, Instant occurredAt, int schemaVersion, String clientIp, String outcome)
    implements AuthEvent {

  public static final String INVALID_CREDENTIALS = "invalid-credentials";
  public static final String LOCKED = "locked";
}
