/*
 * chase: what each ministry still owes, as workbooks (issue 16, "A chase
 * list").  Reads build/Y/chase.xml (stylesheets/chase.xsl: per ministry
 * its counts by status, the pairs not 提出済 and the diagnostics about its
 * files) and writes
 *   - the status workbook: a sheet 集計 (ministry × 対象 / 提出済 /
 *     評価なし / 未提出 / 不備 / rows refused / warnings, coloured) and one
 *     sheet per ministry with anything listed;
 *   - one feedback workbook per ministry with something to fix (a pair
 *     未提出 or 不備, or an error about its rows), a letter ready to mail.
 */
#ifndef CHASE_CHASE_H
#define CHASE_CHASE_H
#include <stddef.h>
#include <time.h>

#include "diag.h"

struct chase_item {
	char *kind;    /* 未提出, 不備, 評価なし (a pair); error, warning (a diagnostic) */
	char *measure; /* "" when none */
	char *title;   /* the measure's title, "" when none */
	char *file;    /* a diagnostic's file, "" */
	long line;     /* 0 when none */
	char *column;  /* "" */
	char *message; /* a diagnostic's message, "" */
	char *row;     /* the refused row's cells, "" */
};

struct chase_ministry {
	char *code, *name;
	long expected, submitted, noeval, missing, refused, errors, warnings;
	struct chase_item *items; /* pairs (plan order), then diagnostics */
	size_t nitems;
};

struct chase_set {
	char *year;
	int draft;
	long expected, submitted, noeval, missing, refused;
	struct chase_ministry *ministries; /* registry order */
	size_t nministries;
	struct chase_item *loose; /* diagnostics of no ministry */
	size_t nloose;
	time_t when; /* the workbooks' creation time; 0: now (set by the caller) */
};

/* Loads chase.xml.  0, or -1 after reporting to `d`; release either way. */
int chase_load(struct chase_set *s, const char *path, struct diag *d);
void chase_release(struct chase_set *s);

/* 1 when the ministry has something to fix (a feedback workbook). */
int chase_to_fix(const struct chase_ministry *m);

/* "<code>-<name>" with the characters a file name cannot hold (/ \ : * ?
 * " < > | and controls) replaced by "_".  New string. */
char *chase_file_base(const struct chase_ministry *m);

/* A valid Excel sheet name from `name`: [ ] : * ? / \ replaced by "_", a
 * leading or trailing ' dropped, at most 31 characters.  New string. */
char *chase_sheet_name(const char *name);
/* "令和元", "平成26": Gregorian year `y` in the 令和 era when `reiwa`, else
 * in 平成; written to `buf`, which is returned. */
const char *chase_era(long y, int reiwa, char *buf, size_t n);

/* The workbooks, each through PATH.tmp and rename.  `date` is the date
 * printed (e.g. 令和8年12月4日).  0, or -1 after reporting. */
int chase_write_status(const struct chase_set *s, const char *date, const char *path,
                       struct diag *d);
int chase_write_feedback(const struct chase_set *s, const struct chase_ministry *m,
                         const char *date, const char *path, struct diag *d);

#endif
