package io.plantspy.address;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 address block such as {@code 10.0.0.0/8}; parsed from literals only, never resolved. */
record Cidr(byte[] network, int prefix) {

  static Cidr parse(String text) {
    String[] parts = text.trim().split("/", 2);
    byte[] address = literal(parts[0]);
    int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
    if (prefix < 0 || prefix > address.length * 8) {
      throw new IllegalArgumentException("bad prefix length in " + text);
    }
    return new Cidr(address, prefix);
  }

  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[full] & mask) == (network[full] & mask);
  }

  private static byte[] literal(String text) {
    // Only literals: an allowlist entry that needed DNS would itself be open to rebinding.
    if (!text.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("not an IP literal: " + text);
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + text, e);
    }
  }
}
