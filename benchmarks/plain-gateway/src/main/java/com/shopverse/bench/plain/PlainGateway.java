package com.shopverse.bench.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Cloud Gateway with its defaults and one route: the framework's own cost, for reference. */
@SpringBootApplication
public class PlainGateway {

  public static void main(String[] args) {
    SpringApplication.run(PlainGateway.class, args);
  }
}
