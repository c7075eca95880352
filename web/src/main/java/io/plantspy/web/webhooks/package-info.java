/**
 * The Webhooks pages: the user's subscriptions at the webhooks service (subscribe, delete, rotate the secret, the
 * secret shown once) and each endpoint's deliveries with a retry button. Depends on {@code api}.
 */
package io.plantspy.web.webhooks;
