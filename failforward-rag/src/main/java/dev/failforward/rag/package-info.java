/**
 * Retrieval evaluation and gap analysis for retrieval-augmented generation: a local Lucene index
 * of a corpus (BM25 and HNSW vectors in one index, hybrid by reciprocal-rank fusion), the metrics of
 * a retriever on questions with known relevant passages, and the cause of each question it misses
 * ({@link dev.failforward.rag.Cause}), written to the failure log and to the gap report.
 */
package dev.failforward.rag;
