package com.shopverse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class LocalServersIT {

  @Test
  void postgresAnswersSql() throws Exception {
    try (LocalPostgres postgres = LocalPostgres.start();
        var connection = DriverManager.getConnection(postgres.jdbcUrl());
        var result = connection.createStatement().executeQuery("SELECT 40 + 2")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void redisAnswersPing() throws Exception {
    try (LocalRedis redis = LocalRedis.start();
        Socket socket = new Socket("127.0.0.1", redis.port())) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("+PONG");
    }
  }

  @Test
  void clickHouseStopsWhenClosed() {
    LocalClickHouse clickHouse = LocalClickHouse.start();
    assertThat(clickHouse.isAlive()).isTrue();
    clickHouse.close();
    assertThat(clickHouse.isAlive()).isFalse();
  }
}
