package io.plantspy.ingest.fetch;

import java.io.IOException;

/** A host resolved to an address the {@link AddressPolicy} forbids; raised before any connection is made. */
final class RefusedAddressException extends IOException {

  private static final long serialVersionUID = 1L;

  RefusedAddressException(String message) {
    super(message);
  }
}
