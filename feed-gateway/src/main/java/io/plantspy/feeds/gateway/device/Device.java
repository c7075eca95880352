package io.plantspy.feeds.gateway.device;

import io.plantspy.feeds.devices.DeviceFields;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered camera or drone. Field names are the ones the broker reads ({@link DeviceFields}).
 *
 * @param id device id: MQTT username and client id
 * @param owner the JWT subject diagnoses and alerts belong to
 * @param farm the topic segment its frames go under
 * @param secretHash hash of its MQTT password
 */
@Document(DeviceFields.COLLECTION)
public record Device(@Id String id, String owner, String farm, String name, String secretHash, Instant createdAt) {}
