package io.plantspy.ingest.history;

import io.plantspy.ingest.image.ImageProperties;
import io.plantspy.model.image.InvalidImageException;
import io.plantspy.model.image.LeafImagePreprocessor;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * Makes the small JPEG thumbnail of a vetted image: decoded by the model's own preprocessor (subsampled while
 * decoding, turned upright per EXIF), scaled so its longest side is {@code maxSide}, encoded as JPEG.
 */
@Component
public class Thumbnailer {

  private final LeafImagePreprocessor decoder;
  private final ThumbnailProperties props;

  public Thumbnailer(ImageProperties images, ThumbnailProperties props) {
    this.decoder = new LeafImagePreprocessor(images.limits());
    this.props = props;
  }

  /** The JPEG bytes of the thumbnail of {@code image}. */
  public byte[] thumbnail(byte[] image) throws InvalidImageException, IOException {
    BufferedImage decoded = decoder.decode(image);
    double scale = Math.min(1.0, (double) props.maxSide() / Math.max(decoded.getWidth(), decoded.getHeight()));
    int width = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(decoded, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return jpeg(small);
  }

  private byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(props.quality());
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
