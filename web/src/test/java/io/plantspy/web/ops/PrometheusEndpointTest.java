package io.plantspy.web.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.testsupport.ExportedMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole web app (its committed configuration and security chain): Prometheus scrapes /actuator/prometheus
 * without signing in, as probes read health, and finds the names the dashboard uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class PrometheusEndpointTest {

  @Autowired
  MockMvc mvc;

  @Test
  void servesPrometheusMetricsWithoutSigningIn() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    String scrape = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(scrape).contains("application=\"plantspy-web\"");
    assertThat(ExportedMetrics.of("web").missingFrom(scrape))
        .as("listed names without a sample").isEmpty();
  }
}
