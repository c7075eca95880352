package io.plantspy.model.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

  @Test
  void sniffsJpegFromItsStartOfImageMarker() {
    assertThat(ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
        .contains(ImageFormat.JPEG);
  }

  @Test
  void sniffsPngFromItsSignature() {
    assertThat(ImageFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
        .contains(ImageFormat.PNG);
  }

  @Test
  void sniffsWebpFromItsRiffHeader() {
    assertThat(ImageFormat.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains(ImageFormat.WEBP);
  }

  @Test
  void doesNotTakeOtherRiffFilesForWebp() {
    assertThat(ImageFormat.sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
  }

  @Test
  void doesNotRecogniseAHeadShorterThanTheMagic() {
    assertThat(ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    assertThat(ImageFormat.sniff(ascii("RIFF\0\0\0\0WEB"))).isEmpty();
    assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
    assertThat(ImageFormat.sniff(null)).isEmpty();
  }

  @Test
  void doesNotRecogniseGifBmpOrTiff() {
    assertThat(ImageFormat.sniff(ascii("GIF89a\1\0\1\0"))).isEmpty();
    assertThat(ImageFormat.sniff(ascii("BM\0\0\0\0\0\0\0\0"))).isEmpty();
    assertThat(ImageFormat.sniff(ascii("II*\0\10\0\0\0"))).isEmpty();
  }

  @Test
  void sniffLengthCoversTheLongestMagic() {
    byte[] webpHead = ascii("RIFF\0\0\0\0WEBP");
    assertThat(webpHead).hasSize(ImageFormat.SNIFF_LENGTH);
    assertThat(ImageFormat.sniff(webpHead)).contains(ImageFormat.WEBP);
  }

  @Test
  void namesItselfForPeople() {
    assertThat(ImageFormat.JPEG.displayName()).isEqualTo("JPEG");
    assertThat(ImageFormat.PNG.displayName()).isEqualTo("PNG");
    assertThat(ImageFormat.WEBP.displayName()).isEqualTo("WebP");
  }

  @Test
  void namesItsMediaType() {
    assertThat(ImageFormat.JPEG.mediaType()).isEqualTo("image/jpeg");
    assertThat(ImageFormat.PNG.mediaType()).isEqualTo("image/png");
    assertThat(ImageFormat.WEBP.mediaType()).isEqualTo("image/webp");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
