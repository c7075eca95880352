package io.plantspy.trainer.fit;

/**
 * Hyper-parameters of the classification head (multinomial logistic regression trained with AdaGrad).
 *
 * @param epochs passes over the training examples
 * @param learningRate AdaGrad's initial learning rate
 * @param minibatch examples per gradient step
 * @param seed shuffling seed, so the same data gives the same head
 */
public record HeadSettings(int epochs, double learningRate, int minibatch, long seed) {

  public HeadSettings {
    if (epochs < 1 || learningRate <= 0 || minibatch < 1) {
      throw new IllegalArgumentException("epochs and minibatch must be >= 1 and learningRate > 0");
    }
  }
}
