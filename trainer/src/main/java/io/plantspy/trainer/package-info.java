/**
 * The trainer's command line ({@code train}, {@code evaluate}, {@code challenge}, {@code classify},
 * {@code bench-model}): picocli commands that parse options, call the packages below and the model modules, and
 * print the results.
 */
package io.plantspy.trainer;
