/**
 * Where webhooks may be sent and how: the URL rules (http(s), no credentials, only public addresses unless
 * allowed, the same {@code address-policy} as the API's URL fetch) checked at subscription and again by the
 * resolver of every delivery, and the HTTP client that posts one signed attempt. Depends on Reactor Netty and
 * {@code io.plantspy.address}.
 */
package io.plantspy.webhooks.target;
