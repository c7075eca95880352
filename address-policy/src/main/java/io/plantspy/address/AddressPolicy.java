package io.plantspy.address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides which resolved addresses the URL fetcher may connect to: public unicast only, unless an allowlist
 * entry covers the address. IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged
 * by the embedded address, so {@code ::ffff:127.0.0.1} is loopback too.
 */
public final class AddressPolicy {

  private static final List<Cidr> REFUSED_V4 = cidrs(
      "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
      "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
      "224.0.0.0/4", "240.0.0.0/4");
  private static final List<Cidr> REFUSED_V6 = cidrs(
      "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32", "100::/64");

  private final List<Cidr> allowed;

  public AddressPolicy(List<String> allowedCidrs) {
    this.allowed = cidrs(allowedCidrs.toArray(String[]::new));
  }

  /** Why the address is refused, or empty when it may be contacted. */
  public Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Cidr cidr : allowed) {
      if (cidr.contains(bytes)) {
        return Optional.empty();
      }
    }
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return Optional.of(describe(address));
    }
    if (address instanceof Inet4Address) {
      return REFUSED_V4.stream().anyMatch(c -> c.contains(bytes)) ? Optional.of(describe(address)) : Optional.empty();
    }
    if (address instanceof Inet6Address) {
      if (REFUSED_V6.stream().anyMatch(c -> c.contains(bytes))) {
        return Optional.of(describe(address));
      }
      Optional<InetAddress> embedded = embeddedIpv4(bytes);
      if (embedded.isPresent()) {
        return refusal(embedded.get()).map(r -> describe(address) + " (embeds " + r + ")");
      }
    }
    return Optional.empty();
  }

  /** IPv4 carried inside IPv6: ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d (NAT64) and 2002:AABB:CCDD:: (6to4). */
  static Optional<InetAddress> embeddedIpv4(byte[] v6) {
    byte[] tail = Arrays.copyOfRange(v6, 12, 16);
    boolean zeroPrefix = allZero(v6, 0, 10);
    boolean mapped = zeroPrefix && (v6[10] & 0xFF) == 0xFF && (v6[11] & 0xFF) == 0xFF;
    boolean compatible = zeroPrefix && v6[10] == 0 && v6[11] == 0;
    boolean nat64 = (v6[0] & 0xFF) == 0x00 && (v6[1] & 0xFF) == 0x64 && (v6[2] & 0xFF) == 0xFF
        && (v6[3] & 0xFF) == 0x9B && allZero(v6, 4, 12);
    if (mapped || compatible || nat64) {
      return Optional.of(v4(tail));
    }
    if ((v6[0] & 0xFF) == 0x20 && (v6[1] & 0xFF) == 0x02) {
      return Optional.of(v4(Arrays.copyOfRange(v6, 2, 6)));
    }
    return Optional.empty();
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress v4(byte[] four) {
    try {
      return InetAddress.getByAddress(four);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e); // cannot happen for 4 bytes
    }
  }

  private static String describe(InetAddress address) {
    return address.getHostAddress() + " is not a public address";
  }

  private static List<Cidr> cidrs(String... texts) {
    return Arrays.stream(texts).map(Cidr::parse).toList();
  }
}
