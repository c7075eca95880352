package io.plantspy.trainer.fit;

/**
 * Hyper-parameters of the classification head.
 *
 * @param kind which head: logistic regression (AdaGrad) or a one-hidden-layer MLP (Adam)
 * @param epochs passes over the training examples
 * @param learningRate initial learning rate (AdaGrad's for the logistic head, Adam's for the MLP)
 * @param minibatch examples per gradient step
 * @param seed shuffling (and for the MLP initialisation and dropout) seed, so the same data gives the same head
 * @param hiddenUnits width of the MLP's hidden layer (unused by the logistic head)
 * @param dropout share of hidden units dropped in each MLP training step (unused by the logistic head)
 */
public record HeadSettings(HeadKind kind, int epochs, double learningRate, int minibatch, long seed,
    int hiddenUnits, double dropout) {

  /** The logistic head (the releases before MLP heads). */
  public HeadSettings(int epochs, double learningRate, int minibatch, long seed) {
    this(HeadKind.LOGISTIC, epochs, learningRate, minibatch, seed, 1, 0);
  }

  public HeadSettings {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (epochs < 1 || learningRate <= 0 || minibatch < 1) {
      throw new IllegalArgumentException("epochs and minibatch must be >= 1 and learningRate > 0");
    }
    if (hiddenUnits < 1 || dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("hiddenUnits must be >= 1 and dropout in [0, 1)");
    }
  }
}
