package dev.failforward.model.tree;

/**
 * How a booster's margin becomes the prediction users see, named after XGBoost's objectives:
 * identity for regression and raw scores, logistic for binary probabilities, softmax across
 * groups for multi-class, exp for log-link counts. Explanations of trees are in margin units.
 */
public enum Link {
    IDENTITY, LOGISTIC, SOFTMAX, EXP;

    /** The link of an XGBoost objective, or an error naming the objectives understood. */
    public static Link ofObjective(String objective) {
        return switch (objective) {
            case "reg:squarederror", "reg:squaredlogerror", "reg:pseudohubererror", "reg:absoluteerror",
                 "reg:quantileerror", "binary:logitraw", "binary:hinge", "rank:pairwise", "rank:ndcg", "rank:map",
                 "reg:linear" -> IDENTITY;
            case "binary:logistic", "reg:logistic" -> LOGISTIC;
            case "multi:softprob", "multi:softmax" -> SOFTMAX;
            case "count:poisson", "reg:gamma", "reg:tweedie", "survival:cox" -> EXP;
            default -> throw new IllegalArgumentException("unsupported XGBoost objective '" + objective
                    + "'; supported: reg:*, binary:logistic, binary:logitraw, multi:softprob, multi:softmax, count:poisson, reg:gamma, reg:tweedie");
        };
    }

    /** The margin that corresponds to XGBoost's {@code base_score} (which it stores on the prediction scale). */
    double baseMargin(double baseScore) {
        return switch (this) {
            case IDENTITY, SOFTMAX -> baseScore;
            case LOGISTIC -> Math.log(baseScore / (1 - baseScore));
            case EXP -> Math.log(baseScore);
        };
    }
}
