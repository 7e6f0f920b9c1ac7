package com.shopverse.analytics.sink;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a row as one JSON object, the form ClickHouse's JSONEachRow reads. A class rather than a
 * method reference: javac may deserialize two serializable references to one generic method as the
 * same lambda, handing one sink the other's rows.
 */
public final class JsonRowFormat<T> implements ClickHouseSink.RowFormat<T> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String toJson(T row) throws Exception {
    return JSON.writeValueAsString(row);
  }
}
