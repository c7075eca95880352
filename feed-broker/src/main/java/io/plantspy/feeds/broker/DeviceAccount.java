package io.plantspy.feeds.broker;

/** What the broker needs of a registered device: its farm (its topics) and its password hash. */
public record DeviceAccount(String id, String farm, String secretHash) {}
