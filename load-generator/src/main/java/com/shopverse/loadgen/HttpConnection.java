package com.shopverse.loadgen;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection, used by one thread at a time: writes a prepared request in
 * one call and reads the response to its last byte (Content-Length, chunked, or until close),
 * throwing the body away. Every blocking step is bounded by the request's deadline.
 */
final class HttpConnection implements Closeable {

  private static final int MAX_LINE = 64 * 1024;

  private final InetSocketAddress address;
  private final Runnable onOpen;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private long responseBytes;

  HttpConnection(InetSocketAddress address, Runnable onOpen) {
    this.address = address;
    this.onOpen = onOpen;
  }

  /**
   * Connects if needed, sends {@code request} and reads the whole response.
   *
   * @param sentAt receives the {@link System#nanoTime} just before the request is written
   * @return the response status
   * @throws SocketTimeoutException if the deadline passed first (the connection is then closed)
   */
  int exchange(byte[] request, long deadline, long[] sentAt) throws IOException {
    boolean reused = socket != null;
    try {
      if (!reused) {
        open(deadline);
      }
      return send(request, deadline, sentAt);
    } catch (SocketTimeoutException e) {
      close();
      throw e;
    } catch (IOException e) {
      close();
      // A kept-alive connection the server has meanwhile closed fails before any byte comes back;
      // every HTTP client retries that once on a fresh connection, and so do we.
      if (reused && responseBytes == 0 && System.nanoTime() < deadline) {
        try {
          open(deadline);
          return send(request, deadline, sentAt);
        } catch (IOException retry) {
          close();
          throw retry;
        }
      }
      throw e;
    }
  }

  private void open(long deadline) throws IOException {
    Socket fresh = new Socket();
    try {
      fresh.setTcpNoDelay(true);
      fresh.connect(address, remainingMillis(deadline));
    } catch (IOException e) {
      fresh.close();
      throw e;
    }
    socket = fresh;
    in = fresh.getInputStream();
    out = fresh.getOutputStream();
    position = 0;
    limit = 0;
    onOpen.run();
  }

  private int send(byte[] request, long deadline, long[] sentAt) throws IOException {
    responseBytes = 0;
    sentAt[0] = System.nanoTime();
    out.write(request);
    while (true) {
      String statusLine = readLine(deadline);
      int status = status(statusLine);
      boolean http10 = statusLine.startsWith("HTTP/1.0");
      long contentLength = -1;
      boolean chunked = false;
      boolean close = http10;
      for (String line = readLine(deadline); !line.isEmpty(); line = readLine(deadline)) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new IOException("malformed response header: " + line);
        }
        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> contentLength = contentLength(value);
          case "transfer-encoding" -> chunked = value.endsWith("chunked");
          case "connection" ->
              close = value.contains("close") || (http10 && !value.contains("keep-alive"));
          default -> {
            // not needed to find the end of the response
          }
        }
      }
      if (status >= 100 && status < 200) {
        continue; // an interim response; the real one follows
      }
      if (status == 204 || status == 304) {
        // no body
      } else if (chunked) {
        skipChunked(deadline);
      } else if (contentLength >= 0) {
        skip(contentLength, deadline);
      } else {
        skipToEnd(deadline);
        close = true;
      }
      if (close) {
        close();
      }
      return status;
    }
  }

  private static int status(String statusLine) throws IOException {
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
    try {
      return Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
  }

  private static long contentLength(String value) throws IOException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Length: " + value);
    }
  }

  private void skipChunked(long deadline) throws IOException {
    while (true) {
      String sizeLine = readLine(deadline);
      int extension = sizeLine.indexOf(';');
      String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + sizeLine);
      }
      if (size == 0) {
        while (!readLine(deadline).isEmpty()) {
          // trailer fields
        }
        return;
      }
      skip(size, deadline);
      if (!readLine(deadline).isEmpty()) {
        throw new IOException("chunk not followed by CRLF");
      }
    }
  }

  private void skip(long bytes, long deadline) throws IOException {
    long left = bytes;
    while (left > 0) {
      if (position == limit && !fill(deadline)) {
        throw new EOFException("connection closed " + left + " bytes before the end of the body");
      }
      int take = (int) Math.min(left, limit - position);
      position += take;
      left -= take;
    }
  }

  private void skipToEnd(long deadline) throws IOException {
    position = limit;
    while (fill(deadline)) {
      position = limit;
    }
  }

  /** One line without its CRLF (or bare LF), as ISO-8859-1. */
  private String readLine(long deadline) throws IOException {
    StringBuilder line = null;
    while (true) {
      if (position == limit && !fill(deadline)) {
        throw new EOFException("connection closed in the middle of a response");
      }
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
          String part = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
          position = i + 1;
          if (line == null) {
            return part;
          }
          line.append(part);
          int length = line.length();
          return length > 0 && line.charAt(length - 1) == '\r'
              ? line.substring(0, length - 1)
              : line.toString();
        }
      }
      if (line == null) {
        line = new StringBuilder();
      }
      line.append(new String(buffer, position, limit - position, StandardCharsets.ISO_8859_1));
      position = limit;
      if (line.length() > MAX_LINE) {
        throw new IOException("response line longer than " + MAX_LINE + " bytes");
      }
    }
  }

  /** Reads more bytes into the empty buffer; false at the end of the stream. */
  private boolean fill(long deadline) throws IOException {
    socket.setSoTimeout(remainingMillis(deadline));
    int read = in.read(buffer, 0, buffer.length);
    if (read < 0) {
      return false;
    }
    position = 0;
    limit = read;
    responseBytes += read;
    return true;
  }

  private static int remainingMillis(long deadline) throws SocketTimeoutException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new SocketTimeoutException("deadline passed");
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000));
  }

  @Override
  public void close() {
    Socket open = socket;
    socket = null;
    in = null;
    out = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }

  /** Closes from another thread, to unblock a stuck read when the run is cut off. */
  void abort() {
    Socket open = socket;
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        // the owning thread sees the failure
      }
    }
  }
}
