/**
 * Standard Webhooks signing: {@code whsec_} secrets, the {@code v1,} HMAC-SHA256 signature of
 * {@code id.timestamp.body} (by the reference library {@code com.standardwebhooks}), and the receiver's check.
 * Depends on that library and the JDK only.
 */
package io.plantspy.webhooks.signing;
