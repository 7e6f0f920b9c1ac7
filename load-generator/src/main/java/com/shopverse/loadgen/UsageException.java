package com.shopverse.loadgen;

/** A command line the generator cannot run; the message says what to write instead. */
final class UsageException extends IllegalArgumentException {

  UsageException(String message) {
    super(message);
  }
}
