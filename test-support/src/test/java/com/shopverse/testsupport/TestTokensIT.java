package com.shopverse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class TestTokensIT {

  @Test
  void countsJwksFetchesAndKeepsTheOldKeyPublishedAfterARotation() throws Exception {
    try (TestTokens tokens = TestTokens.start()) {
      String first = tokens.keyId();
      assertThat(SignedJWT.parse(tokens.customer("a")).getHeader().getKeyID()).isEqualTo(first);
      assertThat(fetch(tokens).getKeys()).hasSize(1);

      String second = tokens.rotateKey();
      JWKSet after = fetch(tokens);

      assertThat(second).isNotEqualTo(first);
      assertThat(after.getKeyByKeyId(first)).isNotNull();
      assertThat(after.getKeyByKeyId(second)).isNotNull();
      assertThat(after.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
      assertThat(SignedJWT.parse(tokens.customer("a")).getHeader().getKeyID()).isEqualTo(second);
      assertThat(tokens.jwksFetches()).isEqualTo(2);
    }
  }

  private static JWKSet fetch(TestTokens tokens) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(tokens.jwksUri())).build(),
                HttpResponse.BodyHandlers.ofString());
    return JWKSet.parse(response.body());
  }
}
