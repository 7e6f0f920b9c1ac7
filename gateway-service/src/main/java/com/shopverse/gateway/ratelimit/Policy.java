package com.shopverse.gateway.ratelimit;

/** Which bucket a request draws from; the tag value in metrics. */
enum Policy {
  AUTH("auth"),
  GENERAL("general");

  final String tag;

  Policy(String tag) {
    this.tag = tag;
  }
}
