package com.shopverse.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenConverterTest {

  @Test
  void acceptsTheRfc6750TokenCharactersAndTrailingPadding() {
    assertThat(BearerTokenConverter.isToken68("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln-_~+/"))
        .isTrue();
    assertThat(BearerTokenConverter.isToken68("abc==")).isTrue();
  }

  @Test
  void refusesEmptyTokensSpacesPaddingInTheMiddleAndOtherCharacters() {
    assertThat(BearerTokenConverter.isToken68("")).isFalse();
    assertThat(BearerTokenConverter.isToken68("==")).isFalse();
    assertThat(BearerTokenConverter.isToken68("ab=c")).isFalse();
    assertThat(BearerTokenConverter.isToken68("a b")).isFalse();
    assertThat(BearerTokenConverter.isToken68("a\"b")).isFalse();
    assertThat(BearerTokenConverter.isToken68("caf\u00e9")).isFalse();
  }
}
