package com.shopverse.auth.refresh;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the refresh-token table from growing with tokens nobody can use any more. */
@Component
class RefreshTokenPurge {

  private final RefreshTokens tokens;

  RefreshTokenPurge(RefreshTokens tokens) {
    this.tokens = tokens;
  }

  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
  void purge() {
    tokens.purgeExpired();
  }
}
