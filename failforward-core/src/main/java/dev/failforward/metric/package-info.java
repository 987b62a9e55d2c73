/** How good predictions are: classification and regression metrics and the curves behind them. */
package dev.failforward.metric;
