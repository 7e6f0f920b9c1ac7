package com.shopverse.recommendation.quality;

import com.shopverse.events.InteractionType;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The harness's dataset format: UTF-8 CSV, optionally gzipped (a {@code .gz} name), one interaction
 * per line after the header
 *
 * <pre>occurred_ms,shopper_id,session_id,type,product_id,category_id</pre>
 *
 * <ul>
 *   <li>{@code occurred_ms}: event time, epoch milliseconds (UTC);
 *   <li>{@code shopper_id}: required;
 *   <li>{@code session_id}: may be empty, then sessions are cut by the model's session gap;
 *   <li>{@code type}: an {@link InteractionType} name;
 *   <li>{@code product_id}: required except for {@code SEARCHED};
 *   <li>{@code category_id}: the product's category, may be empty.
 * </ul>
 *
 * No quoting: identifiers must not contain commas or line breaks. Lines may come in any order.
 */
public final class InteractionCsv {

  public static final String HEADER =
      "occurred_ms,shopper_id,session_id,type,product_id,category_id";

  private InteractionCsv() {}

  public static List<Interaction> read(Path file) throws IOException {
    try (InputStream in = open(file)) {
      return read(in, file.toString());
    }
  }

  static List<Interaction> read(InputStream in, String name) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null || !header.strip().equals(HEADER)) {
      throw new IOException(name + ": expected the header '" + HEADER + "', got '" + header + "'");
    }
    List<Interaction> interactions = new ArrayList<>();
    int lineNumber = 1;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        interactions.add(parse(line));
      } catch (RuntimeException e) {
        throw new IOException(name + ":" + lineNumber + ": " + e.getMessage() + ": " + line, e);
      }
    }
    return interactions;
  }

  public static void write(Path file, List<Interaction> interactions) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      write(
          file.toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out, interactions);
    }
  }

  static void write(OutputStream out, List<Interaction> interactions) throws IOException {
    BufferedWriter writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    writer.write(HEADER);
    writer.write('\n');
    for (Interaction i : interactions) {
      writer.write(
          String.join(
              ",",
              Long.toString(i.occurredMs()),
              i.shopperId(),
              i.sessionId(),
              i.type().name(),
              i.productId(),
              i.categoryId()));
      writer.write('\n');
    }
    writer.flush();
    if (out instanceof GZIPOutputStream gzip) {
      gzip.finish();
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static Interaction parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 6) {
      throw new IllegalArgumentException("expected 6 fields, got " + f.length);
    }
    return new Interaction(
        Long.parseLong(f[0].strip()),
        f[1].strip(),
        f[2].strip(),
        InteractionType.valueOf(f[3].strip()),
        f[4].strip(),
        f[5].strip());
  }
}
