package io.plantspy.feeds.devices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Device passwords: 256 random bits made by the platform, never chosen by a person. A secret that cannot be
 * guessed needs no slow hash (bcrypt and its kind protect guessable passwords), so SHA-256 is stored, and the broker
 * can check a connect without spending 100 ms of CPU on it.
 */
public final class DeviceSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private DeviceSecrets() {}

  /** A new password, URL-safe base64 of 32 random bytes. */
  public static String newPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String password) {
    return HexFormat.of().formatHex(sha256(password.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether {@code password} hashes to {@code storedHash}, compared in constant time. */
  public static boolean matches(String password, String storedHash) {
    if (password == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(hash(password).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
