package dev.failforward.explain;

import dev.failforward.model.Model;

import java.util.List;

/**
 * A recipe that attributes a model's outputs to input columns. Found by {@link #id()} through
 * {@link Explainers}; stateless, so one instance can explain many requests.
 */
public interface Explainer {

    /** The stable id users select it by ({@code treeshap}, {@code kernelshap}, ...). */
    String id();

    /** One line for listings and help. */
    String description();

    /** Whether this explainer can explain this model (TreeSHAP needs the model's trees). */
    boolean supports(Model model);

    /** One explanation per request row, in row order. */
    List<Explanation> explain(Model model, ExplainRequest request);
}
