/*
 * check: validation of one fiscal year's inputs (issue 2 item 4,
 * `make validate`).  Each input XML is checked against its RELAX NG schema,
 * then the cross-file rules no schema can say: unique ids, matrix targets
 * and 再掲 references that exist in the plan, ministries and groups that
 * resolve in the registry.  The ingest output (submissions XML) adds its
 * rows, ministries, errors and warnings to the summary.
 *
 * Every problem goes to the caller's diag as FILE:LINE: error: MESSAGE; the
 * functions go on after a problem so one run lists them all.
 */
#ifndef CHECK_H
#define CHECK_H
#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"
#include "registry.h"

struct fonts;

struct check {
	struct diag *d;                   /* not owned */
	const char *year;                 /* expected year attribute, or NULL */
	xmlDocPtr registry, plan, matrix; /* owned; NULL when unread */
	const char *registry_path, *plan_path, *matrix_path;
	struct registry reg; /* common/registry: names, codes, aliases */
	void *planids;       /* xmlHashTable: plan node id -> node */
	size_t measures;     /* <measure> elements in the plan */
	size_t entries;      /* <entry> elements in the matrix */
	size_t rows;         /* submission rows (ingest's count) */
	size_t submitters;   /* distinct ministries in submission rows (registry_find) */
	size_t sub_errors;   /* <diag severity="error"> in submissions */
	size_t sub_warnings; /* <diag severity="warning"> in submissions */
	int internal;        /* a schema or system failure: exit 3 */
	struct fonts *fonts; /* check_fonts(): the pinned fonts, or NULL */
	const char *fonts_path;
	void *chars_seen; /* xmlHashTable: "FILE:LINE:U+X" reported */
	void *csv_paths;  /* xmlHashTable: CSV name -> path (<file>), or NULL */
};

/* Prepares `c` to report to `d`; `year` (may be NULL) is the fiscal year the
 * plan, matrix and submissions must declare.  Release with check_release(). */
void check_init(struct check *c, struct diag *d, const char *year);
/* Frees the documents and tables; `c` may be initialised again. */
void check_release(struct check *c);

/*
 * Validates `doc` (read from `path`) against the RELAX NG schema at `rng`.
 * Returns 0 when it validates, -1 after reporting each violation at the
 * line of the offending element.  A schema that cannot be read or compiled
 * is reported and sets c->internal.
 */
int check_schema(struct check *c, const char *rng, xmlDocPtr doc, const char *path);

/*
 * Loads the registry, plan and matrix (common/xmlio: no network, no DTD,
 * no entities), validates each against SCHEMAS/{registry,plan,matrix}.rng,
 * then checks ids and references across them.  Returns 0 when no error was
 * reported, -1 otherwise.
 */
int check_inputs(struct check *c, const char *schemas, const char *registry, const char *plan,
                 const char *matrix);

/*
 * Reads the ingest output at `path` (docs/design.md "build/Y/submissions.xml")
 * and adds its row count, its distinct ministries and its <diag> errors and
 * warnings to the counts.  A file that does not exist counts zero rows and is
 * not an error (ingest may not have run).  Returns 0, or -1 when the file
 * exists but cannot be read.
 */
int check_submissions(struct check *c, const char *path);

/*
 * Checks input/Y/report.xml at `path` (issue 14) against
 * SCHEMAS/report.rng, then: the publication date (`report_date`, the
 * REPORT_DATE setting, when not empty, else <date>) is a real day after
 * the fiscal year ended and before the next one ended; no block still says
 * review="required"; every <ref to> is a node of the plan (call after
 * check_inputs()); the logo is a PNG, JPEG or SVG file beside it; every
 * character is in the fonts.  With `draft`, the date and review findings
 * are warnings.  Returns 0 when no error was reported, -1 otherwise.
 */
int check_report(struct check *c, const char *schemas, const char *path, const char *report_date,
                 int draft);
/* "YYYY-MM-DD" naming a real day: 0 with *y, *m, *d set; else -1. */
int check_parse_date(const char *s, int *y, int *m, int *d);

/*
 * Writes the summary line (issue 2):
 * `plan: N measures, matrix: M entries, submissions: K rows from J ministries,
 * E errors, W warnings`, with E and W including the submissions' own.
 */
void check_summary(const struct check *c, FILE *out);

/*
 * Loads the pinned fonts (`conf`, fonts/fonts.conf) with render's font
 * code (render/fonts.h); from then on check_inputs() and check_submissions()
 * report every character that none of the pinned faces can draw (issue 12:
 * found before anything is rendered), at the line of the registry, plan or
 * matrix, or at the CSV file and line of the submission row (src), once per
 * character and line.  Returns 0, or -1 after reporting (sets c->internal).
 */
int check_fonts(struct check *c, const char *conf);

/* Total errors: those reported to the diag plus the submissions' own. */
size_t check_errors(const struct check *c);

#endif
