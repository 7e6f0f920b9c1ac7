package com.shopverse.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.util.ParameterTool;
import org.junit.jupiter.api.Test;

class JobArgsTest {

  static final ParameterTool ARGS = ParameterTool.fromArgs(new String[] {"--rest.port", "9000"});

  @Test
  void takesTheArgumentBeforeTheEnvironment() {
    assertThat(JobArgs.get(ARGS, "rest.port", "REST_PORT", "1", Map.of("REST_PORT", "8000")::get))
        .isEqualTo("9000");
  }

  @Test
  void takesTheEnvironmentBeforeTheDefault() {
    assertThat(JobArgs.get(ARGS, "group.id", "GROUP_ID", "job", Map.of("GROUP_ID", "other")::get))
        .isEqualTo("other");
  }

  @Test
  void takesTheDefaultWhenTheVariableIsUnsetOrBlank() {
    assertThat(JobArgs.get(ARGS, "group.id", "GROUP_ID", "job", Map.of("GROUP_ID", " ")::get))
        .isEqualTo("job");
    assertThat(JobArgs.get(ARGS, "group.id", "GROUP_ID", "job", name -> null)).isEqualTo("job");
  }

  @Test
  void readsNumbers() {
    ParameterTool args = ParameterTool.fromArgs(new String[] {"--ops.alpha", "0.25"});
    assertThat(JobArgs.number(args, "ops.alpha", "SHOPVERSE_TEST_UNSET_VARIABLE", 0.5))
        .isEqualTo(0.25);
    assertThat(JobArgs.number(args, "ops.beta", "SHOPVERSE_TEST_UNSET_VARIABLE", 0.5))
        .isEqualTo(0.5);
  }
}
