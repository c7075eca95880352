package io.plantspy.address;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The DNS resolver the fetch client connects with. It applies the {@link AddressPolicy} to the very addresses
 * the connection will use, so a hostname that resolves to a public address when first checked and to
 * 127.0.0.1 a moment later (DNS rebinding) is still refused.
 */
public final class VettingResolverGroup extends AddressResolverGroup<InetSocketAddress> {

  private final AddressPolicy policy;

  public VettingResolverGroup(AddressPolicy policy) {
    this.policy = policy;
  }

  /** Resolves a host and refuses it if any of its addresses is forbidden: any one of them may be picked. */
  public static List<InetAddress> resolveVetted(AddressPolicy policy, String host) throws Exception {
    List<InetAddress> all = Arrays.asList(InetAddress.getAllByName(host));
    for (InetAddress address : all) {
      Optional<String> refusal = policy.refusal(address);
      if (refusal.isPresent()) {
        throw new RefusedAddressException("host " + host + " resolves to " + refusal.get());
      }
    }
    return all;
  }

  @Override
  protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
    return new InetNameResolver(executor) {
      @Override
      protected void doResolve(String host, Promise<InetAddress> promise) {
        try {
          promise.setSuccess(resolveVetted(policy, host).get(0));
        } catch (Exception e) {
          promise.setFailure(e);
        }
      }

      @Override
      protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
        try {
          promise.setSuccess(resolveVetted(policy, host));
        } catch (Exception e) {
          promise.setFailure(e);
        }
      }
    }.asAddressResolver();
  }
}
