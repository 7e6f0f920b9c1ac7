package com.shopverse.loadgen;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One URL, resolved once and with its HTTP/1.1 request written out in advance, so sending it costs
 * one {@code write} and no formatting.
 */
record Target(URI uri, InetSocketAddress address, byte[] request) {

  static final String USER_AGENT = "shopverse-loadgen/0.1";

  static Target of(URI uri, String method, List<Options.Header> headers, byte[] body) {
    InetAddress host;
    try {
      host = InetAddress.getByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new UsageException("--url " + uri + ": cannot resolve host '" + uri.getHost() + "'");
    }
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    return new Target(uri, new InetSocketAddress(host, port), request(uri, method, headers, body));
  }

  boolean isLoopback() {
    return address.getAddress().isLoopbackAddress();
  }

  private static byte[] request(URI uri, String method, List<Options.Header> headers, byte[] body) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    if (!has(headers, "host")) {
      head.append("Host: ").append(uri.getHost());
      if (uri.getPort() >= 0) {
        head.append(':').append(uri.getPort());
      }
      head.append("\r\n");
    }
    if (!has(headers, "user-agent")) {
      head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
    }
    for (Options.Header header : headers) {
      head.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }
    if (method.equals("POST")) {
      head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      bytes.writeBytes(body);
    }
    return bytes.toByteArray();
  }

  private static boolean has(List<Options.Header> headers, String name) {
    return headers.stream().anyMatch(h -> h.name().toLowerCase(Locale.ROOT).equals(name));
  }
}
