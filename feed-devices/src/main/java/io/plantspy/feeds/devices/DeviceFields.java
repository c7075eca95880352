package io.plantspy.feeds.devices;

/**
 * The {@code devices} collection as both services read it: the gateway writes a document per registered device,
 * the broker reads it to authenticate and authorise. A revoked device's document is deleted.
 */
public final class DeviceFields {

  public static final String COLLECTION = "devices";
  /** The device id, also its MQTT username and client id. */
  public static final String ID = "_id";
  public static final String OWNER = "owner";
  public static final String FARM = "farm";
  public static final String NAME = "name";
  /** {@link DeviceSecrets#hash} of the password; the password itself is never stored. */
  public static final String SECRET_HASH = "secretHash";
  public static final String CREATED_AT = "createdAt";

  private DeviceFields() {}
}
