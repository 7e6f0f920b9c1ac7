package com.shopverse.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdgeAuthenticationFilterTest {

  @Test
  void acceptsTheRfc6750TokenCharactersAndTrailingPadding() {
    assertThat(EdgeAuthenticationFilter.isToken68("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln-_~+/"))
        .isTrue();
    assertThat(EdgeAuthenticationFilter.isToken68("abc==")).isTrue();
  }

  @Test
  void refusesEmptyTokensSpacesPaddingInTheMiddleAndOtherCharacters() {
    assertThat(EdgeAuthenticationFilter.isToken68("")).isFalse();
    assertThat(EdgeAuthenticationFilter.isToken68("==")).isFalse();
    assertThat(EdgeAuthenticationFilter.isToken68("ab=c")).isFalse();
    assertThat(EdgeAuthenticationFilter.isToken68("a b")).isFalse();
    assertThat(EdgeAuthenticationFilter.isToken68("a\"b")).isFalse();
    assertThat(EdgeAuthenticationFilter.isToken68("caf\u00e9")).isFalse();
  }
}
