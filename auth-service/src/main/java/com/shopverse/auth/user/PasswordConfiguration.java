package com.shopverse.auth.user;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

  /**
   * Argon2id with OWASP's parameters: 19 MiB of memory, 2 iterations, 1 lane; at most {@code
   * hashing.maxConcurrent} at once, so a login burst cannot fill the heap.
   */
  @Bean
  PasswordEncoder passwordEncoder(HashingProperties hashing) {
    return new BoundedPasswordEncoder(
        new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
        hashing.maxConcurrent(),
        hashing.maxWait());
  }
}
