/*
 * emit: files, records and diagnostics → build/Y/submissions.xml
 * (docs/design.md "build/Y/submissions.xml").
 */
#ifndef INGEST_EMIT_H
#define INGEST_EMIT_H
#include <stddef.h>

#include <libxml/tree.h>

#include "csvread.h"
#include "diag.h"
#include "header.h"
#include "rows.h"

struct emit_file {
	const struct csvfile *f;
	enum header_kind kind;
	size_t rows; /* data rows read */
};

/*
 * Builds the document: <submissions> with one <file> per input, one
 * <progress>/<indicator> per record neither rejected nor dropped, and
 * one <diag> per entry of `d`.  `nrows` is the total of data rows.
 * Returns a new document (xmlFreeDoc).
 */
xmlDocPtr emit_doc(int year, const struct emit_file *files, size_t nfiles, size_t nrows,
                   const struct rows *rs, const struct diag *d);
/* Adds `text` as <p> children of `parent`, one per non-empty line. */
void emit_paragraphs(xmlNodePtr parent, const char *text);

#endif
