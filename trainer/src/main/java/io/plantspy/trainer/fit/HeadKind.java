package io.plantspy.trainer.fit;

/** Which classification head a release trains on the backbone features. */
public enum HeadKind {
  /** Multinomial logistic regression (Tribuo LinearSGD): linear in the standardised features. */
  LOGISTIC,
  /** One hidden ReLU layer with dropout, trained with Adam ({@link MlpTrainer}): non-linear. */
  MLP
}
