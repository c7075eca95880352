package io.plantspy.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

class OnnxModelOptionsTest {

  @Test
  void spinningCanBeTurnedOffForASharedCpu() throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      OnnxModel.configureCpu(options, new InferenceOptions(2, false, 0, false));

      assertThat(options.getConfigEntries()).containsEntry("session.intra_op.allow_spinning", "0");
    }
  }

  @Test
  void existingCallersKeepOnnxRuntimesSpinningDefault() throws OrtException {
    assertThat(InferenceOptions.cpu(2).allowSpinning()).isTrue();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      OnnxModel.configureCpu(options, InferenceOptions.cpu(2));

      assertThat(options.getConfigEntries()).containsEntry("session.intra_op.allow_spinning", "1");
    }
  }
}
