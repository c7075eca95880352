package io.plantspy.feeds.gateway.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The threads that take sampled frames from the {@link FrameSampler} and publish them. */
@Component
public class FrameWorkers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(FrameWorkers.class);

  private final FrameSampler sampler;
  private final FramePublisher publisher;
  private final SamplingProperties properties;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  public FrameWorkers(FrameSampler sampler, FramePublisher publisher, SamplingProperties properties) {
    this.sampler = sampler;
    this.publisher = publisher;
    this.properties = properties;
  }

  @Override
  public void start() {
    running = true;
    for (int i = 0; i < properties.workers(); i++) {
      Thread thread = new Thread(this::work, "frame-worker-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  private void work() {
    while (running) {
      try {
        Optional<Frame> frame = sampler.take(500, TimeUnit.MILLISECONDS);
        frame.ifPresent(publisher::publish);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The publisher counts what it can foresee; a surprise must not end the worker.
        log.warn("Frame worker: {}", e.toString());
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
