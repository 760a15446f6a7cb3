/*
 * emit: files, records and diagnostics → build/Y/submissions.xml
 * (docs/design.md "build/Y/submissions.xml"), written as a stream: no
 * tree of the output is built, so ingest's memory does not grow with its
 * output (issue 7).  The bytes are those libxml2 writes for the same tree
 * with xmlSaveFormatFileEnc(…, "UTF-8", 1): the XML declaration, two
 * spaces of indentation a level, an element with only text on one line,
 * UTF-8 as is, and the same escapes (text: < > & CR; attributes: also
 * " TAB LF).
 */
#ifndef INGEST_EMIT_H
#define INGEST_EMIT_H
#include <stddef.h>
#include <stdio.h>

#include "csvread.h"
#include "diag.h"
#include "header.h"
#include "refs.h"
#include "rows.h"

struct emit_file {
	const struct csvfile *f;
	enum header_kind kind;
	size_t rows; /* data rows read */
};

/* What one submissions.xml is made of; every pointer is borrowed. */
struct emit_input {
	int year;
	const struct emit_file *files;
	size_t nfiles;
	size_t nrows; /* data rows of all files (the root's rows="") */
	const struct rows *rs;
	const struct refs *refs;
	const struct diag *d; /* the <diag>s and the root's counts */
	const char *plan;     /* the plan and matrix files, for the area files */
	const char *matrix;
};

/*
 * Writes submissions.xml to `fp`: <submissions> with one <file> per
 * input; one <progress>/<indicator> per record neither rejected nor
 * dropped, first those of no plan area, then one <area ref=""> per <area>
 * of the plan, in plan order and also when empty, holding its rows (each
 * group in input order); then one <diag> per entry of in->d.  Returns 0,
 * or -1 when a write failed (errno as the first failure left it); `fp`
 * stays open.
 */
int emit_write(FILE *fp, const struct emit_input *in);
/*
 * In DIR, `path` without ".xml": one area-ID.xml per plan <area> (the
 * area's rows, its part of the plan and matrix, what it names in other
 * areas, the rows of no area, the diagnostics about its progress rows) and year.xml (submissions.xml with each
 * <area> empty, its row count in rows=""); then emit_write() to `path`;
 * each atomically (PATH.tmp, fsync, rename; common/
 * atomicfile).  An area id other than letters, digits, '-' and '_' is an
 * error (it names a file and a make target).  Returns 0, or -1 after reporting "cannot write: …" or
 * "cannot rename …" to `d`; a previous `path` is then left as it was.
 * `d` may be in->d: the document's counts are written before any such
 * report.
 */
int emit_save(const struct emit_input *in, const char *path, struct diag *d);

#endif
