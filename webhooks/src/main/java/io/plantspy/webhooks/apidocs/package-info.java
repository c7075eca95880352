/**
 * The OpenAPI document ({@code /v3/api-docs}, OpenAPI 3.1): the subscriptions and deliveries API with the realm's
 * bearer-token scheme, and the events a subscriber receives in its {@code webhooks} section. Depends on springdoc
 * and on the event payload records of {@code event}.
 */
package io.plantspy.webhooks.apidocs;
