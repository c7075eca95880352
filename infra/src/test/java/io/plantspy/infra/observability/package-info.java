/** Checks of the committed Grafana dashboard and Prometheus alert rules (infra/observability). */
package io.plantspy.infra.observability;
