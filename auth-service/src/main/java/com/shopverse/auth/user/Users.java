package com.shopverse.auth.user;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Users {

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the user; false if the email is taken (in any letter case). */
  boolean add(User user) {
    try {
      jdbc.sql("INSERT INTO users (id, email, password_hash, roles) VALUES (?, ?, ?, ?)")
          .params(user.id(), user.email(), user.passwordHash(), String.join(",", user.roles()))
          .update();
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  Optional<User> byEmail(String email) {
    return jdbc.sql(
            "SELECT id, email, password_hash, roles FROM users WHERE lower(email) = lower(?)")
        .param(email)
        .query(
            (rs, n) ->
                new User(
                    rs.getObject("id", java.util.UUID.class),
                    rs.getString("email"),
                    rs.getString("password_hash"),
                    List.copyOf(Arrays.asList(rs.getString("roles").split(",")))))
        .optional();
  }
}
