/**
 * The Dashboard: the user's own diagnoses per day, per crop and per disease, and for administrators the platform's
 * throughput and backlog, drawn by a static script with Chart.js from JSON this package passes through from the
 * ingest API ({@code api}'s {@code DiagnosisApi}).
 */
package io.plantspy.web.dashboard;
