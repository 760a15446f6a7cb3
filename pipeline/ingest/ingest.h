/*
 * ingest: one CSV file, already read, → records: its header, then its
 * data rows (header.c, rows.c).
 */
#ifndef INGEST_INGEST_H
#define INGEST_INGEST_H
#include <stddef.h>

#include "csvread.h"
#include "diag.h"
#include "emit.h"
#include "refs.h"
#include "rows.h"

/*
 * Reads the header of `f` and checks its data rows into `rs`; fills `ef`
 * (kind, rows).  An empty file is an error; a header-only file a
 * warning.  When the header cannot be read, every data row is quoted in
 * one warning so that no cell disappears without a trace.  Returns the
 * number of data rows (rows after the header).
 */
size_t ingest_file(const struct csvfile *f, struct emit_file *ef, struct rows *rs,
                   const struct refs *refs, struct diag *d);

#endif
