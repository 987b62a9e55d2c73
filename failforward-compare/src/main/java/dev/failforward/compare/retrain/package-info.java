/**
 * Retraining judged honestly: {@link dev.failforward.compare.retrain.Retrainer} builds one candidate
 * model per retrain strategy from the training and selection rows, compares each with the current
 * model on the verification rows through the compare module and the gate policy, corrects the
 * targeted tests across candidates (Holm), and recommends a candidate only when it passes the gate,
 * significantly improves what it targeted and improves the primary metric by a margin that matters. {@link dev.failforward.compare.retrain.RetrainResult} is the
 * immutable result; {@link dev.failforward.compare.retrain.RetrainJson} and
 * {@link dev.failforward.compare.retrain.RetrainHtml} render it.
 */
package dev.failforward.compare.retrain;
