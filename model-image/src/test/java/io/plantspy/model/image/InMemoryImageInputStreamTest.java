package io.plantspy.model.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.EOFException;
import java.io.IOException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

class InMemoryImageInputStreamTest {

  @Test
  void readsSeeksAndReportsItsLength() throws IOException {
    try (InMemoryImageInputStream stream = new InMemoryImageInputStream(new byte[] {1, 2, 3, 4, 5})) {
      assertThat(stream.length()).isEqualTo(5);
      assertThat(stream.read()).isEqualTo(1);
      stream.seek(3);
      byte[] buffer = new byte[4];
      assertThat(stream.read(buffer, 0, 4)).isEqualTo(2);
      assertThat(buffer).startsWith(4, 5);
      assertThat(stream.read()).isEqualTo(-1);
    }
  }

  @Test
  void reportsEndOfStreamAsEofWhileTheDecoderStaysNearTheEnd() throws IOException {
    try (InMemoryImageInputStream stream = new InMemoryImageInputStream(new byte[] {1})) {
      stream.read();
      for (int i = 0; i < 100; i++) {
        assertThatExceptionOfType(EOFException.class).isThrownBy(stream::readByte);
      }
    }
  }

  @Test
  void failsWithANonEofErrorOnceADecoderKeepsReadingPastTheEnd() throws IOException {
    try (InMemoryImageInputStream stream = new InMemoryImageInputStream(new byte[0])) {
      assertThatExceptionOfType(IIOException.class).isThrownBy(() -> {
        while (true) {
          try {
            stream.readByte();
          } catch (EOFException swallowedLikeTheWebpBitReaderDoes) {
            // keep going
          }
        }
      });
    }
  }
}
