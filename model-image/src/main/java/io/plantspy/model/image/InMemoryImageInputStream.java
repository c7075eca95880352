package io.plantspy.model.image;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO stream over a byte array: no copy, no cache file, and a cap on reads past the end.
 * Some decoders (TwelveMonkeys' lossless WebP bit reader among them) swallow end-of-stream and keep
 * decoding phantom bits, so a crafted 64-byte file could keep a thread busy for many seconds; past
 * the cap, reads fail with an error that is not an EOFException and so cannot be swallowed the same
 * way.
 */
final class InMemoryImageInputStream extends ImageInputStreamImpl {

  // A valid stream's decoder looks ahead a few bytes past its end at most; thousands of attempts
  // mean garbage.
  private static final int MAX_READS_PAST_END = 4096;

  private final byte[] data;
  private int readsPastEnd;

  InMemoryImageInputStream(byte[] data) {
    this.data = Objects.requireNonNull(data, "data");
  }

  @Override
  public int read() throws IOException {
    checkClosed();
    bitOffset = 0;
    if (streamPos >= data.length) {
      return endOfData();
    }
    return data[(int) streamPos++] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    checkClosed();
    Objects.checkFromIndexSize(offset, length, buffer.length);
    bitOffset = 0;
    if (length == 0) {
      return 0;
    }
    if (streamPos >= data.length) {
      return endOfData();
    }
    int count = (int) Math.min(length, data.length - streamPos);
    System.arraycopy(data, (int) streamPos, buffer, offset, count);
    streamPos += count;
    return count;
  }

  @Override
  public long length() {
    return data.length;
  }

  private int endOfData() throws IIOException {
    readsPastEnd++;
    if (readsPastEnd > MAX_READS_PAST_END) {
      throw new IIOException("decoder kept reading past the end of the data");
    }
    return -1;
  }
}
