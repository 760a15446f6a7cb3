/*
 * header: column names → roles, and the kind of a file (inputs.md
 * "Submission CSV files").  Each role has a Japanese and an English name;
 * matching ignores surrounding spaces, full-width forms (NFKC, for
 * matching only) and case.
 */
#ifndef INGEST_HEADER_H
#define INGEST_HEADER_H
#include <stddef.h>

#include "csvread.h"
#include "diag.h"

enum header_kind { KIND_UNKNOWN, KIND_PROGRESS, KIND_INDICATORS };

enum header_role {
	ROLE_MEASURE,
	ROLE_MINISTRY,
	ROLE_RESULTS,
	ROLE_EVALUATION,
	ROLE_NEXT,
	ROLE_HIGHLIGHT,
	ROLE_NOTE,
	ROLE_INDICATOR,
	ROLE_YEAR,
	ROLE_VALUE,
	ROLE_UNIT,
	ROLE_SOURCE,
	ROLE_TITLE, /* 施策名: the measure's title, as the templates print it */
	ROLE_N,
	ROLE_EXTRA = -1 /* not in the contract: kept as <extra> */
};

struct header {
	enum header_kind kind;
	size_t ncols;
	int *role;       /* per column: enum header_role */
	char **name;     /* per column: as written ("" if none) */
	int col[ROLE_N]; /* column of each role, or -1 */
	long line;
};

/* The role a column name stands for, whatever the kind, or ROLE_EXTRA. */
int header_role_of(const char *name);
/* The Japanese name of a role, e.g. "施策番号". */
const char *header_name_ja(int role);
const char *header_kind_name(enum header_kind kind);
/*
 * Reads row `i` of `f` as its header.  Decides the kind, maps each column,
 * warns about each column not in the contract, and reports missing
 * required columns, a repeated column or an unknown kind as errors; for a
 * sheet of a workbook the messages name the cell (mic.xlsx:実施状況!C3).
 * Returns 0, or -1 when the file's data rows cannot be read by this
 * header.  Release `h` with header_release().
 */
int header_read_file(struct header *h, const struct csvfile *f, size_t i, struct diag *d);
void header_release(struct header *h);

#define HEADER_SCAN 10 /* rows searched for the header */
/*
 * The header row of `f`: the first of its first HEADER_SCAN rows (empty
 * rows are not counted) whose cells name the columns of a progress or
 * indicators file, so that title rows, notes and blank rows above the
 * header are passed over.  Its index in f->rows, or -1 when none does.
 */
long header_find(const struct csvfile *f);

#endif
