package com.shopverse.flink;

import java.util.function.UnaryOperator;
import org.apache.flink.util.ParameterTool;

/**
 * A job setting from {@code --key value} arguments, else from an environment variable, else a
 * default: the same jar runs in the local stack (arguments), in compose and on Kubernetes
 * (environment) and on a Flink cluster.
 */
public final class JobArgs {

  private JobArgs() {}

  /**
   * {@code --key} if given, else environment variable {@code env} if set and not blank, else {@code
   * fallback}.
   */
  public static String get(ParameterTool args, String key, String env, String fallback) {
    return get(args, key, env, fallback, System::getenv);
  }

  /** {@link #get} as a number. */
  public static double number(ParameterTool args, String key, String env, double fallback) {
    return Double.parseDouble(get(args, key, env, Double.toString(fallback)));
  }

  static String get(
      ParameterTool args,
      String key,
      String env,
      String fallback,
      UnaryOperator<String> environment) {
    String fromEnv = environment.apply(env);
    return args.get(key, fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback);
  }
}
