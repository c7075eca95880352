package io.plantspy.trainerservice.runs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The single worker thread runs execute on: one run at a time, in the order they were queued. */
@Configuration(proxyBeanMethods = false)
class RunWorkerConfig {

  static final String WORKER = "runWorker";

  @Bean(name = WORKER, destroyMethod = "shutdownNow")
  ExecutorService runWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "training-run");
      thread.setDaemon(true);
      return thread;
    });
  }
}
