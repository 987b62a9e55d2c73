/** The gap report of a retrieval evaluation: {@code rag-report.json} and a self-contained {@code rag-report.html}. */
package dev.failforward.rag.report;
