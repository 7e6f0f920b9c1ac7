package com.shopverse.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address or CIDR range ({@code 10.0.0.0/8}, {@code ::1}). Spring Security's IpAddressMatcher
 * does the same but is tied to the servlet API, which this WebFlux gateway does not have.
 */
final class AddressRange {

  private final byte[] network;
  private final int prefixBits;

  AddressRange(String cidr) {
    int slash = cidr.indexOf('/');
    String address = slash < 0 ? cidr : cidr.substring(0, slash);
    this.network = parse(address);
    if (network == null) {
      throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
    }
    this.prefixBits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
  }

  boolean contains(String address) {
    byte[] candidate = parse(address);
    if (candidate == null || candidate.length != network.length) {
      return false;
    }
    int full = prefixBits / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixBits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (candidate[full] & mask) == (network[full] & mask);
  }

  /** Literal addresses only: the caller filters out anything that could be a host name. */
  private static byte[] parse(String literal) {
    if (!ClientKeys.looksLikeIp(literal)) {
      return null;
    }
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
