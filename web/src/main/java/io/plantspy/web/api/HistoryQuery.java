package io.plantspy.web.api;

/**
 * A History page as the user asked for it: each filter may be blank (no filter).
 *
 * @param className a crop ({@code Tomato}) or a {@code Crop___Disease} class
 * @param from first day, {@code yyyy-MM-dd}
 * @param to last day, {@code yyyy-MM-dd}, included
 * @param source {@code upload}, {@code url} or {@code feed}
 */
public record HistoryQuery(String className, String from, String to, String source, int page, int size) {}
