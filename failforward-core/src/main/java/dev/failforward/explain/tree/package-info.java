/**
 * Exact TreeSHAP for tree ensembles: the path-dependent algorithm of Lundberg et al. (2020) and a
 * faster form that precomputes, per leaf, the attributions for every combination of satisfied
 * path conditions (as FastTreeSHAP v2 does), so that each row costs one pass over the tree.
 */
package dev.failforward.explain.tree;
