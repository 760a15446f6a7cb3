/*
 * tmpl: what each ministry is asked to fill in for one year (issue 16
 * "Templates").  From the registry, the plan and the matrix it works out,
 * per ministry of the registry, the measures it is expected to report on
 * and the matrix indicators it is expected to give figures for.
 *
 * "Expected" follows <resp> exactly as join.xsl does (docs/design.md):
 * each <ministry ref>; a <group ref> whose registry group has
 * expect="all" → every ministry; expect="members" → its members;
 * expect="none" → nobody.  Only <measure>s count (a <relist> is reported
 * under the measure it re-lists).  An indicator is expected from every
 * ministry expected for a measure its entry's target covers: the target
 * measure itself, every measure below a target area/field/section/group,
 * or the re-listed measure of a target relist position.  Each text is
 * asked once per ministry (struct tmpl_ask).
 *
 * The writers (tmpl_write_xlsx, tmpl_write_csv) each write one file
 * through PATH.tmp and rename.
 */
#ifndef TEMPLATES_TMPL_H
#define TEMPLATES_TMPL_H
#include <stddef.h>

#include "diag.h"

struct tmpl_measure {
	char *id;    /* canonical plan id, e.g. 1-1-1-ア */
	char *title; /* the plan's title */
};

struct tmpl_indicator {
	char *text;   /* the matrix text (what the 指標 column holds) */
	char *source; /* matrix source, or "" */
	char *target; /* the entry's target id (施策番号) */
};

/*
 * One indicator row a ministry is asked for.  Ingest keys a figure by
 * (indicator, year, ministry), so an indicator text that stands under
 * several entries the ministry answers for is asked once, without
 * 施策番号: the figure then shows under each of those entries.
 */
struct tmpl_ask {
	const struct tmpl_indicator *ind;
	const char *target; /* the entry's target, or "" (several) */
};

struct tmpl_ministry {
	char *code, *name;
	const struct tmpl_measure **measures; /* plan order */
	size_t nmeasures;
	struct tmpl_ask *indicators; /* matrix order, one per text */
	size_t nindicators;
};

struct tmpl_set {
	char *year;
	struct tmpl_measure *measures; /* every plan measure, plan order */
	size_t nmeasures;
	struct tmpl_indicator *indicators; /* every matrix indicator */
	size_t nindicators;
	struct tmpl_ministry *ministries; /* registry order */
	size_t nministries;
};

/*
 * Loads the three files and fills `s`.  Problems (unreadable file, an
 * unknown ministry or group ref, a matrix target that is no plan id) are
 * reported to `d`.  Returns 0, or -1 when an error was reported.
 * Release `s` with tmpl_release() either way.
 */
int tmpl_load(struct tmpl_set *s, const char *year, const char *registry, const char *plan,
              const char *matrix, struct diag *d);
void tmpl_release(struct tmpl_set *s);

/* The base file name of a ministry's templates: "<code>-<name>".  New string. */
char *tmpl_basename(const struct tmpl_ministry *m);

/* The workbook: sheets 実施状況, 評価指標 and 記入要領.  0, or -1 after reporting. */
int tmpl_write_xlsx(const struct tmpl_set *s, const struct tmpl_ministry *m, const char *path,
                    struct diag *d);
/* The CSV forms (UTF-8 with BOM, CRLF).  0, or -1 after reporting. */
int tmpl_write_progress_csv(const struct tmpl_set *s, const struct tmpl_ministry *m,
                            const char *path, struct diag *d);
int tmpl_write_indicators_csv(const struct tmpl_set *s, const struct tmpl_ministry *m,
                              const char *path, struct diag *d);

/* Column headers, the names ingest accepts (ingest/header.c). */
extern const char *const tmpl_progress_cols[8];
extern const char *const tmpl_indicator_cols[7];

#endif
