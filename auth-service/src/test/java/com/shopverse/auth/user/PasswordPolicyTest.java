package com.shopverse.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.auth.AuthProperties;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  final PasswordPolicy policy =
      new PasswordPolicy(
          new AuthProperties(
              null, null, null, null, null, null, null, null, null, null, null, null));

  @Test
  void acceptsALongUncommonPassword() {
    assertThat(policy.problems("ann@example.com", "velvet-harbour-47")).isEmpty();
  }

  @Test
  void rejectsAPasswordShorterThanTenCharacters() {
    assertThat(policy.problems("ann@example.com", "k9#xq!Lm2"))
        .containsExactly("must be at least 10 characters long");
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // Nine emoji are 18 UTF-16 units but nine characters.
    assertThat(policy.problems("ann@example.com", "🦊🐙🦉🐝🦋🐢🦀🐳🦔"))
        .contains("must be at least 10 characters long");
  }

  @Test
  void rejectsCommonPasswordsInAnyLetterCase() {
    assertThat(policy.problems("ann@example.com", "Password123"))
        .containsExactly("is one of the most commonly used passwords");
    assertThat(policy.problems("ann@example.com", "QWERTYUIOP"))
        .contains("is one of the most commonly used passwords");
  }

  @Test
  void rejectsAPasswordContainingTheEmailsName() {
    assertThat(policy.problems("Margaret+shop@example.com", "xx-margaret-2026"))
        .containsExactly("must not contain the name part of the email address");
  }

  @Test
  void ignoresAVeryShortEmailName() {
    assertThat(policy.problems("jo@example.com", "jo-velvet-harbour")).isEmpty();
  }

  @Test
  void rejectsOneCharacterRepeated() {
    assertThat(policy.problems("ann@example.com", "zzzzzzzzzzzz"))
        .containsExactly("must not be one character repeated");
  }

  @Test
  void namesEveryRuleABadPasswordBreaks() {
    assertThat(policy.problems("aaa@example.com", "aaaaaa"))
        .containsExactlyInAnyOrder(
            "must be at least 10 characters long",
            "is one of the most commonly used passwords",
            "must not contain the name part of the email address",
            "must not be one character repeated");
  }
}
