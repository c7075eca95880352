package io.plantspy.model.image;

import static io.plantspy.model.image.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.image.InvalidImageException.Reason;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HostileInputTest {

  private static final int MUTANTS_PER_SEED = 150;

  private final LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void decodesOrRejectsEveryMutatedImageWithoutOtherExceptions() {
    List<byte[]> seeds = List.of(
        ExifFixtures.jpegWithOrientation(TestImages.jpeg(TestImages.rgbyQuadrants(48, 32)), 6),
        ExifFixtures.pngWithOrientation(TestImages.png(TestImages.photoLike(48, 32, 21)), 3),
        TestImages.resource("quadrants-lossless.webp"),
        TestImages.resource("quadrants-lossless-orientation6.webp"),
        TestImages.resource("quadrants-lossy.webp"),
        TestImages.resource("quadrants-cmyk.jpg"));
    Random random = new Random(20240601L);
    List<String> unexpected = new ArrayList<>();

    for (byte[] seed : seeds) {
      for (int mutant = 0; mutant < MUTANTS_PER_SEED; mutant++) {
        byte[] bytes = mutate(seed, random);
        try {
          preprocessor.preprocess(bytes);
        } catch (InvalidImageException expected) {
          // Refusing the image is the right outcome for most mutants.
        } catch (RuntimeException | Error e) {
          unexpected.add(e.toString());
        }
      }
    }

    assertThat(unexpected).isEmpty();
  }

  // Found by the mutator above: the lossless WebP bit reader swallows end-of-stream and kept
  // decoding phantom Huffman groups for over ten seconds before InMemoryImageInputStream capped
  // reads past the end.
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void rejectsLosslessWebpWhoseDecoderRunsPastTheEnd() {
    byte[] webp = TestImages.resource("quadrants-lossless.webp");
    webp[28] = (byte) 0xBE;
    webp[37] = (byte) 0xFD;
    webp[45] = (byte) 0x31;
    webp[51] = (byte) 0x4E;
    webp[60] = (byte) 0xB2;

    assertThat(rejectionOf(() -> preprocessor.decode(webp)).reason()).isEqualTo(Reason.CORRUPT);
  }

  // Also found by the mutator: metadata-extractor's RIFF reader allocated whatever a chunk header
  // declared, here 1.4 GB for the VP8 chunk of a 140-byte file.
  @Test
  void ignoresWebpChunkSizesLargerThanTheFile() throws InvalidImageException {
    byte[] webp = TestImages.resource("quadrants-lossy.webp");
    webp[19] = 0x57;
    // Warm up first: class loading on the first decode allocates too.
    preprocessor.decode(TestImages.resource("quadrants-lossy.webp"));
    long allocatedBefore = Allocations.currentThread();

    BufferedImage decoded = preprocessor.decode(webp);

    long allocated = Allocations.currentThread() - allocatedBefore;
    assertThat(decoded.getWidth()).isEqualTo(64);
    assertThat(allocated).isLessThan(64L * 1024 * 1024);
  }

  // Keeps the magic bytes so that each mutant reaches a decoder, then cuts the file short or
  // overwrites a few of the bytes after them.
  private static byte[] mutate(byte[] seed, Random random) {
    int mutable = seed.length - ImageFormat.SNIFF_LENGTH;
    if (random.nextInt(4) == 0) {
      return Arrays.copyOf(seed, ImageFormat.SNIFF_LENGTH + random.nextInt(mutable));
    }
    byte[] bytes = seed.clone();
    int overwrites = 1 + random.nextInt(8);
    for (int i = 0; i < overwrites; i++) {
      bytes[ImageFormat.SNIFF_LENGTH + random.nextInt(mutable)] = (byte) random.nextInt(256);
    }
    return bytes;
  }
}
