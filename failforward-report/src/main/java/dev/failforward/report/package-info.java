/**
 * Renderers of scan results: one self-contained HTML file, JSON, and a predictions CSV. Each
 * format is its own {@link dev.failforward.report.ReportFormat}, a pure function of a
 * {@link dev.failforward.session.ScanResult}; {@link dev.failforward.report.ReportWriter} writes them
 * all, each atomically. Everything that comes from data is escaped by construction, through
 * {@link dev.failforward.report.Markup}, the only way this package writes HTML and SVG.
 */
package dev.failforward.report;
