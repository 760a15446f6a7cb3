/*
 * rows: data rows → checked records (inputs.md "Kind 1", "Kind 2",
 * "Errors and what is never lost").  Each cell is checked (ids,
 * ministries, highlight marks, years, numbers); each problem goes to the
 * diag with the row quoted.  A row with an error becomes a rejected
 * record: it is not emitted as <progress>/<indicator>, and its quote is
 * in the diag.  rows_crosscheck() then finds duplicates (warnings) and
 * conflicting indicator values (errors at both lines).
 */
#ifndef INGEST_ROWS_H
#define INGEST_ROWS_H
#include <stddef.h>

#include <glib.h>

#include "csvread.h"
#include "diag.h"
#include "header.h"
#include "refs.h"

struct rows_extra {
	const char *column; /* header name, or "列N" when it has none (interned in rows) */
	const char *text;   /* the cell (borrowed) */
};

struct rows_record {
	enum header_kind kind;
	const struct csvfile *file; /* borrowed */
	long line;
	int rejected; /* error: not emitted */
	int dropped;  /* duplicate: not emitted (warned) */
	/* another file of the same ministry reports this row's measure (two
	 * versions of one submission, issue 12): that file, else NULL */
	const struct csvfile *overlap;
	/*
	 * Text is borrowed where it can be (issue 7: ingest holds every
	 * record until the output is written): cells from the csvfile,
	 * codes, levels and indicators from the refs; both must outlive
	 * the records.  Owned: measure, at, value, extra, quote.
	 */
	/* both kinds */
	char *measure;        /* canonical id, or NULL */
	const char *written;  /* the id cell as written, or NULL */
	const char *level;    /* plan node kind, or NULL */
	const char *ministry; /* code, or NULL */
	/* progress */
	const char *results, *evaluation, *next, *note; /* cells, or NULL */
	int highlight;
	/* indicators */
	const struct refs_indicator *indicator;
	const char *target; /* its matrix entry, or NULL when several fit */
	char *at;           /* the re-listing position written, or NULL */
	int year;
	char *value; /* canonical */
	const char *value_written;
	const char *unit, *source; /* cells ("%" for 45% without 単位), or NULL */
	struct rows_extra *extra;
	size_t nextra;
	const struct csvrow *row; /* the row read; valid while its csvfile lives */
	char *quote;              /* the row as written, " | "-joined: made by rec_quote()
	                           * for a diagnostic only, NULL until then */
};

struct rows {
	struct rows_record *v;
	size_t n, alloc;
	size_t suggested;    /* "nearest" lists computed so far */
	int draft;           /* overlapping files are a warning, not an error */
	GHashTable *columns; /* extra column names, interned (owned) */
};

void rows_init(struct rows *rs);
void rows_release(struct rows *rs);
/*
 * Checks each data row of `f` (the rows after its header `h`) and appends
 * one record per row to `rs`.  Returns 0 when no error was reported.
 */
int rows_read(struct rows *rs, const struct csvfile *f, size_t first, const struct header *h,
              const struct refs *refs, struct diag *d);
/*
 * Across all files read: a progress row repeating the measure, ministry
 * and 実績 text of an earlier row of the same file is a duplicate
 * (warning, not emitted); an indicator row repeating indicator, year,
 * ministry and value is a duplicate; a different value is a conflict
 * (error at both lines, both rejected).  Two files with progress rows for
 * the same measure and ministry overlap (issue 12: `mic-progress.csv`
 * and `mic-progress (2).csv`): one error per pair of files naming both
 * (a warning when rs->draft), every row kept, each marked with the other
 * file (`overlap`).  Returns 0 when no error was reported.
 */
int rows_crosscheck(struct rows *rs, struct diag *d);

#endif
