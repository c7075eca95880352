package io.plantspy.ingest.limits;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ends connections that hold the server without sending: Spring Boot exposes Netty's idle timeout (between
 * requests, {@code server.netty.idle-timeout}) but not its read and request timeouts, which cover a request that
 * stalls or trickles while it is being received.
 */
@Configuration(proxyBeanMethods = false)
class NettyTimeouts {

  @Bean
  NettyServerCustomizer requestTimeouts(LimitProperties limits) {
    return server -> server.readTimeout(limits.readTimeout()).requestTimeout(limits.requestTimeout());
  }
}
