package io.plantspy.address;

import java.io.IOException;

/** A host resolved to an address the {@link AddressPolicy} forbids; raised before any connection is made. */
public final class RefusedAddressException extends IOException {

  private static final long serialVersionUID = 1L;

  public RefusedAddressException(String message) {
    super(message);
  }
}
