package io.plantspy.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

  private final AddressPolicy policy = new AddressPolicy(List.of());

  @Test
  void refusesEveryNonPublicRange() throws Exception {
    for (String address : List.of("127.0.0.1", "127.8.9.10", "0.0.0.0", "10.0.0.1", "172.16.5.4", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::",
        "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:a9fe:a9fe",
        "64:ff9b::a00:1", "2002:7f00:1::", "::7f00:1")) {
      assertThat(policy.refusal(InetAddress.getByName(address))).as(address).isPresent();
    }
  }

  @Test
  void allowsPublicUnicast() throws Exception {
    for (String address : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "2002:808:808::")) {
      assertThat(policy.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }
  }

  @Test
  void allowlistExemptsOnlyItsBlock() throws Exception {
    AddressPolicy allowing = new AddressPolicy(List.of("127.0.0.1/32"));
    assertThat(allowing.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
    assertThat(allowing.refusal(InetAddress.getByName("127.0.0.2"))).isPresent();
  }
}
