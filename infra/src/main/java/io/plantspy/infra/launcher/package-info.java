/**
 * The local platform behind {@code ./plantspy up|down|status|passwords|token|diagnose|bench|chaos|soak}: one {@link
 * io.plantspy.infra.launcher.PlatformService} class per service, listed in start order in {@link
 * io.plantspy.infra.launcher.Services}, started as child processes, restarted by the launcher's supervisor when
 * they die, and recorded for the other commands in a {@link io.plantspy.infra.launcher.PlatformState}. Depends on
 * {@code io.plantspy.infra.keycloak}, the schemas' topic names, the model (for the bench) and JFreeChart (the
 * soak's plot); never on the services' code, whose jars it only runs.
 */
package io.plantspy.infra.launcher;
