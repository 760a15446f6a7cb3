#include "rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ids.h"
#include "numbers.h"
#include "strbuf.h"
#include "utf8.h"
#include "xmem.h"

#define HINT_MAX 60      /* code points of title text used for suggestions */
#define SUGGEST_MAX 1000 /* rows given "nearest" suggestions; then cheaper messages */
#define STR_(x) #x
#define STR(x) STR_(x)
/* The too-many-digits message writes the limit out (xgettext). */
_Static_assert(NUMBERS_MAX_DIGITS == 15, "rows.c: the message says 15 digits");

struct ctx {
	struct rows *rs;
	struct rows_record *rec;
	const struct csvfile *f;
	const struct header *h;
	const struct refs *refs;
	struct diag *d;
};

void
rows_init(struct rows *rs)
{
	memset(rs, 0, sizeof(*rs));
}

static void
record_release(struct rows_record *r)
{
	free(r->measure);
	free(r->at);
	free(r->value);
	free(r->extra);
	free(r->quote);
}

void
rows_release(struct rows *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		record_release(&rs->v[i]);
	free(rs->v);
	if (rs->columns)
		g_hash_table_destroy(rs->columns);
	memset(rs, 0, sizeof(*rs));
}

/* The cell of `role` in `row`, or "" when the column is absent or short. */
static const char *
cell(const struct header *h, const struct csvrow *row, int role)
{
	int c = h->col[role];

	return c >= 0 && (size_t)c < row->ncells ? row->cells[c] : "";
}

static const char *
colname(const struct ctx *x, int role)
{
	int c = x->h->col[role];

	return c >= 0 ? x->h->name[c] : header_name_ja(role);
}

/*
 * The record's row quoted for a diagnostic, made on first use: most rows
 * are never quoted, so ingest no longer holds a copy of every row.
 * Valid until the record is released.
 */
static const char *
rec_quote(struct rows_record *r)
{
	if (r->quote == NULL && r->row)
		r->quote = csvrow_quote(r->row);
	return r->quote;
}

/*
 * Where a message about the row's `role` cell points (-1: the row, named
 * by its id cell): PATH and the line, or for a sheet of a workbook the
 * cell (mic.xlsx:実施状況!C12).  New string; the line to give in *dl.
 */
static char *
cell_at(const struct ctx *x, int role, long *dl)
{
	int c = role >= 0 ? x->h->col[role] : -1;

	if (c < 0)
		c = x->h->col[x->h->kind == KIND_INDICATORS ? ROLE_INDICATOR : ROLE_MEASURE];
	return csvfile_where(x->f, x->rec->line, c, dl);
}

/* Reports an error about the row's `role` cell and rejects the row. */
static int
row_error(struct ctx *x, int role, const char *fmt, const char *a, const char *b)
{
	long dl;
	char *at = cell_at(x, role, &dl);
	int ret;

	x->rec->rejected = 1;
	ret = diag_add(x->d, DIAG_ERROR, at, dl, role >= 0 ? colname(x, role) : NULL,
	               rec_quote(x->rec), fmt, a, b ? b : "");
	free(at);
	return ret;
}

static int
row_warning(struct ctx *x, int role, const char *fmt, const char *a, const char *b)
{
	long dl;
	char *at = cell_at(x, role, &dl);
	int ret;

	ret = diag_add(x->d, DIAG_WARNING, at, dl, role >= 0 ? colname(x, role) : NULL, NULL, fmt,
	               a, b ? b : "");
	free(at);
	return ret;
}

/*
 * Edit distances over the whole plan cost about a million instructions a
 * row; a file of 100 000 wrong ids must still finish quickly, so only the
 * first SUGGEST_MAX rows of a run get suggestions.
 */
static char *
suggest(struct ctx *x, char *(*fn)(const struct refs *, const char *), const char *key)
{
	if (x->rs->suggested++ >= SUGGEST_MAX)
		return xstrdup("no suggestions after " STR(SUGGEST_MAX) " of them");
	return fn(x->refs, key);
}

static char *
suggest_id(struct ctx *x, const char *id, const char *hint)
{
	if (x->rs->suggested++ >= SUGGEST_MAX)
		return xstrdup("no suggestions after " STR(SUGGEST_MAX) " of them");
	return refs_suggest_id(x->refs, id, hint);
}

static int
is_space_cp(unsigned long c)
{
	return c == ' ' || c == '\t' || c == 0x3000;
}

/*
 * Splits "1-1-1-ア 業務で扱う…" into the leading id and the text after
 * the first white space.  Returns the id part (new string) and sets
 * *rest to the text after it, or returns NULL when there is no space.
 */
static char *
split_id(const char *s, const char **rest)
{
	const char *p = s, *q;

	while (*p) {
		q = p;
		if (is_space_cp(utf8_next(&p))) {
			char *id = xstrndup(s, (size_t)(q - s));

			while (*p) {
				q = p;
				if (!is_space_cp(utf8_next(&p))) {
					p = q;
					break;
				}
			}
			*rest = p;
			return id;
		}
	}
	return NULL;
}

/*
 * A measure written as its exact title instead of its id (issue 16): read
 * as that measure, with a warning naming the id.  A title several plan
 * nodes share is not read (the error lists them).  Returns 1 when it
 * reported.
 */
static int
by_title(struct ctx *x, const char *text)
{
	const struct refs_node *v[4];
	size_t n = refs_nodes_by_title(x->refs, text, v, 4), i;
	struct strbuf sb = STRBUF_INIT;

	if (n == 0)
		return 0;
	if (n > 1) {
		for (i = 0; i < n && i < 4; i++)
			strbuf_addf(&sb, "%s%s", i ? ", " : "", v[i]->id);
		row_error(x, ROLE_MEASURE,
		          "'%s' is the title of several plan items (%s): write the id of the one "
		          "meant",
		          text, sb.buf);
		strbuf_release(&sb);
		return 1;
	}
	x->rec->measure = xstrdup(v[0]->id);
	x->rec->level = v[0]->level;
	strbuf_addf(&sb, "%s: write the id %s", v[0]->id, v[0]->id);
	row_warning(x, ROLE_MEASURE, "the title '%s' is read as measure %s instead", text, sb.buf);
	strbuf_release(&sb);
	return 1;
}

/* Checks the measure cell.  `required`: empty is an error. */
static void
check_measure(struct ctx *x, const char *text, int required)
{
	struct rows_record *rec = x->rec;
	const char *hint = NULL, *ref;
	const struct refs_node *node;
	char *id, *sugg, *h;

	if (text[0] == '\0') {
		if (required)
			row_error(x, ROLE_MEASURE, "%s is empty: every row needs a measure id%s",
			          colname(x, ROLE_MEASURE), NULL);
		return;
	}
	rec->written = text;
	id = ids_normalize(text);
	if (id == NULL) {
		char *head = split_id(text, &hint);

		if (head)
			id = ids_normalize(head);
		free(head);
		if (id && (refs_node(x->refs, id) || refs_relist(x->refs, id)))
			row_warning(x, ROLE_MEASURE, "text after the measure id is ignored: '%s'%s",
			            hint, NULL);
	}
	if (id == NULL && by_title(x, text))
		return;
	if (id == NULL) {
		h = utf8_truncate(text, HINT_MAX);
		sugg = suggest_id(x, text, h);
		row_error(x, ROLE_MEASURE,
		          "cannot read measure id '%s' (expected a form like 1-1-1-ア); %s", text,
		          sugg);
		free(sugg);
		free(h);
		return;
	}
	node = refs_node(x->refs, id);
	if (node == NULL && (ref = refs_relist(x->refs, id)) != NULL) {
		/* diag_add, not row_warning: three arguments (one format for
		 * xgettext, po/build.mk). */
		diag_add(x->d, DIAG_WARNING, x->f->path, x->rec->line, colname(x, ROLE_MEASURE),
		         NULL, "%s is a re-listing (再掲) of %s; the row is filed under %s", id,
		         ref, ref);
		rec->at = id;
		id = xstrdup(ref);
		node = refs_node(x->refs, id);
	}
	if (node == NULL) {
		struct strbuf sb = STRBUF_INIT;

		h = hint ? utf8_truncate(hint, HINT_MAX) : NULL;
		sugg = suggest_id(x, id, h);
		if (strcmp(id, text) != 0)
			strbuf_addf(&sb, "'%s' (read as %s)", text, id);
		else
			strbuf_addf(&sb, "'%s'", text);
		row_error(x, ROLE_MEASURE, "unknown measure id %s; %s", sb.buf, sugg);
		strbuf_release(&sb);
		free(sugg);
		free(h);
		free(id);
		return;
	}
	rec->measure = id;
	rec->level = node->level;
}

/*
 * "総務省、経済産業省": a cell naming several known ministries gets its own
 * message.  Returns 1 when it reported so.
 */
static int
several_ministries(struct ctx *x, const char *text)
{
	static const char *const seps[] = {"、", "，", ",", "・", "及び", "／", "/", "\n"};
	struct strbuf codes = STRBUF_INIT, part = STRBUF_INIT;
	const char *p = text;
	size_t n = 0, i;
	int ok = 1;

	while (ok) {
		size_t len = 0, slen = 0;

		for (len = 0; p[len]; len++) {
			for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++)
				if (strncmp(p + len, seps[i], strlen(seps[i])) == 0)
					break;
			if (i < sizeof(seps) / sizeof(seps[0])) {
				slen = strlen(seps[i]);
				break;
			}
		}
		strbuf_reset(&part);
		strbuf_add(&part, p, len);
		strbuf_trim(&part);
		if (part.len) {
			const struct registry_entry *m = refs_ministry(x->refs, part.buf);

			if (m == NULL || m->group)
				ok = 0;
			else
				strbuf_addf(&codes, "%s%s", n++ ? ", " : "", m->code);
		}
		if (p[len] == '\0')
			break;
		p += len + slen;
	}
	if (ok && n >= 2)
		row_error(x, ROLE_MINISTRY,
		          "'%s' names several ministries (%s): one ministry per row", text,
		          codes.buf);
	strbuf_release(&codes);
	strbuf_release(&part);
	return ok && n >= 2;
}

static void
check_ministry(struct ctx *x, const char *text, int required)
{
	const struct registry_entry *m;
	char *sugg;

	if (text[0] == '\0') {
		if (required)
			row_error(x, ROLE_MINISTRY, "%s is empty: name the reporting ministry%s",
			          colname(x, ROLE_MINISTRY), NULL);
		return;
	}
	m = refs_ministry(x->refs, text);
	if (m == NULL && several_ministries(x, text))
		return;
	if (m == NULL) {
		sugg = suggest(x, refs_suggest_ministry, text);
		row_error(x, ROLE_MINISTRY, "unknown ministry '%s'; %s", text, sugg);
		free(sugg);
		return;
	}
	if (m->group) {
		row_error(x, ROLE_MINISTRY,
		          "'%s' is a group of ministries (%s), not a ministry: name the ministry "
		          "that reports",
		          text, m->name);
		return;
	}
	x->rec->ministry = m->code;
}

/* inputs.md "Kind 1": ○, ◯, 1, true, yes mark a row. */
static void
check_highlight(struct ctx *x, const char *text)
{
	/* 〇 (U+3007) is how many Japanese keyboards type the mark */
	static const char *const yes[] = {"○", "◯", "〇", "1", "true", "yes"};
	char *k;
	size_t i;

	if (text[0] == '\0')
		return;
	k = utf8_fold(text);
	for (i = 0; k != NULL && i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(k, yes[i]) == 0)
			x->rec->highlight = 1;
	free(k);
	if (!x->rec->highlight)
		row_warning(x, ROLE_HIGHLIGHT,
		            "highlight mark '%s' is not one of ○ ◯ 〇 1 true yes; the row is not "
		            "highlighted%s",
		            text, NULL);
}

static const char *
opt(const char *s)
{
	return s[0] ? s : NULL;
}

static void
read_progress(struct ctx *x, const struct csvrow *row)
{
	const struct header *h = x->h;
	struct rows_record *rec = x->rec;

	/* 施策番号 left empty beside a 施策名: the title stands for the id */
	if (cell(h, row, ROLE_MEASURE)[0] == '\0' && cell(h, row, ROLE_TITLE)[0] != '\0')
		check_measure(x, cell(h, row, ROLE_TITLE), 1);
	else
		check_measure(x, cell(h, row, ROLE_MEASURE), 1);
	check_ministry(x, cell(h, row, ROLE_MINISTRY), 1);
	rec->results = opt(cell(h, row, ROLE_RESULTS));
	if (rec->results == NULL)
		row_error(x, ROLE_RESULTS, "%s is empty: a progress row needs its results%s",
		          colname(x, ROLE_RESULTS), NULL);
	rec->evaluation = opt(cell(h, row, ROLE_EVALUATION));
	rec->next = opt(cell(h, row, ROLE_NEXT));
	rec->note = opt(cell(h, row, ROLE_NOTE));
	check_highlight(x, cell(h, row, ROLE_HIGHLIGHT));
}

#define MAX_SAME 64 /* entries sharing one indicator text */

/* How well an entry target fits the row's measure: 3 the same, 2 an
 * ancestor (the longer the better), 1 a descendant, 0 unrelated. */
static size_t
fit(const struct rows_record *rec, const char *target)
{
	size_t n = strlen(target);

	if (strcmp(target, rec->measure) == 0 || (rec->at && strcmp(target, rec->at) == 0))
		return 3000;
	if (strncmp(rec->measure, target, n) == 0 && rec->measure[n] == '-')
		return 2000 + n;
	n = strlen(rec->measure);
	if (strncmp(target, rec->measure, n) == 0 && target[n] == '-')
		return 1000;
	return 0;
}

/*
 * Resolves the indicator cell: exact id or text, else a loose match
 * (warning), else an error.  When the text recurs under several matrix
 * entries, the row's measure picks one; without a fitting measure the row
 * keeps no target (join then shows it under each) and a warning says so.
 */
static void
find_indicator(struct ctx *x, const char *ind)
{
	struct rows_record *rec = x->rec;
	const struct refs_indicator *v[MAX_SAME], *loose;
	size_t n = refs_indicators(x->refs, ind, v, MAX_SAME), i, best = 0, score;
	struct strbuf sb = STRBUF_INIT;

	if (n == 0 && (loose = refs_indicator_loose(x->refs, ind)) != NULL) {
		row_warning(x, ROLE_INDICATOR,
		            "indicator '%s' differs from the matrix; read as '%s'", ind,
		            loose->id ? loose->id : loose->text);
		n = refs_indicators(x->refs, loose->id ? loose->id : loose->text, v, MAX_SAME);
	}
	if (n == 0) {
		char *sugg = suggest(x, refs_suggest_indicator, ind);

		row_error(x, ROLE_INDICATOR, "unknown indicator '%s'; %s", ind, sugg);
		free(sugg);
		return;
	}
	if (n > MAX_SAME)
		n = MAX_SAME;
	rec->indicator = v[0];
	if (n == 1) {
		rec->target = v[0]->target[0] ? v[0]->target : NULL;
		return;
	}
	for (i = 0; rec->measure && i < n; i++)
		if ((score = fit(rec, v[i]->target)) > best) {
			best = score;
			rec->indicator = v[i];
		}
	if (best > 0) {
		rec->target = rec->indicator->target;
		return;
	}
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", v[i]->target);
	if (rec->measure)
		row_warning(x, ROLE_INDICATOR,
		            "indicator '%s' is under matrix entries %s, none of them for this "
		            "row's measure",
		            ind, sb.buf);
	else
		row_warning(x, ROLE_INDICATOR,
		            "indicator '%s' is under matrix entries %s; give 施策番号/measure to "
		            "attach the "
		            "value to one of them",
		            ind, sb.buf);
	strbuf_release(&sb);
}

/* "1,234件" with 単位 件: the number before the unit.  0 or a NUMBERS_* code. */
static int
number_with_unit(const char *value, const char *unit, char **canon)
{
	size_t n = strlen(value), u = strlen(unit);
	char *head;
	int pct, r;

	if (u == 0 || n <= u || strcmp(value + n - u, unit) != 0)
		return NUMBERS_NOT_NUMBER;
	head = xstrndup(value, n - u);
	r = numbers_value(head, canon, &pct);
	free(head);
	return r;
}

static void
read_indicator(struct ctx *x, const struct csvrow *row)
{
	const struct header *h = x->h;
	struct rows_record *rec = x->rec;
	const char *ind = cell(h, row, ROLE_INDICATOR);
	const char *year = cell(h, row, ROLE_YEAR);
	const char *value = cell(h, row, ROLE_VALUE);
	int pct = 0, r;

	check_measure(x, cell(h, row, ROLE_MEASURE), 0);
	check_ministry(x, cell(h, row, ROLE_MINISTRY), 0);
	if (ind[0] == '\0')
		row_error(x, ROLE_INDICATOR, "%s is empty: name the indicator by its id or text%s",
		          colname(x, ROLE_INDICATOR), NULL);
	else
		find_indicator(x, ind);
	if (year[0] == '\0')
		row_error(x, ROLE_YEAR, "%s is empty%s", colname(x, ROLE_YEAR), NULL);
	else if (numbers_year(year, &rec->year) < 0)
		row_error(x, ROLE_YEAR,
		          "cannot read year '%s' (expected 2014, 平成26年度, H26 or FY2014)%s",
		          year, NULL);
	else if (x->refs->year && rec->year > x->refs->year) {
		char buf[16];

		snprintf(buf, sizeof(buf), "%d", x->refs->year);
		row_warning(x, ROLE_YEAR, "year '%s' is after the reporting year %s", year, buf);
	}
	if (value[0] == '\0')
		row_error(x, ROLE_VALUE, "%s is empty: an indicator row needs a number%s",
		          colname(x, ROLE_VALUE), NULL);
	else if ((r = numbers_value(value, &rec->value, &pct)) == NUMBERS_NOT_NUMBER &&
	         (r = number_with_unit(value, cell(h, row, ROLE_UNIT), &rec->value)) ==
	             NUMBERS_NOT_NUMBER)
		row_error(x, ROLE_VALUE,
		          "value '%s' is not a number (expected a form like 1,234, 12.5 or 45%%)%s",
		          value, NULL);
	else if (r == NUMBERS_TOO_LONG)
		/* 15 is NUMBERS_MAX_DIGITS, written out so that xgettext sees one
		 * literal (po/build.mk). */
		row_error(x, ROLE_VALUE,
		          "value '%s' has more than 15 significant digits and cannot be kept "
		          "exactly: check the figure, or give it in a larger unit (千件, 億円)%s",
		          value, NULL);
	else if (r == NUMBERS_EXPONENT)
		row_error(x, ROLE_VALUE,
		          "value '%s' is written with an exponent: write the number in full (1200, "
		          "not 1.2E+3)%s",
		          value, NULL);
	else if (r == NUMBERS_NOT_FINITE)
		row_error(x, ROLE_VALUE,
		          "value '%s' is not a finite number: write the figure itself%s", value,
		          NULL);
	else
		rec->value_written = value;
	rec->unit = opt(cell(h, row, ROLE_UNIT));
	if (pct && rec->unit == NULL)
		rec->unit = "%";
	rec->source = opt(cell(h, row, ROLE_SOURCE));
}

/* `sb`'s text kept once in rs (a run has a few extra column names); releases sb. */
static const char *
intern(struct rows *rs, struct strbuf *sb)
{
	char *name;

	if (rs->columns == NULL)
		rs->columns = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	name = g_hash_table_lookup(rs->columns, sb->buf);
	if (name == NULL) {
		name = strbuf_detach(sb);
		g_hash_table_insert(rs->columns, name, name);
	}
	strbuf_release(sb);
	return name;
}

/* Cells in columns outside the contract, or beyond the header. */
static void
read_extra(struct ctx *x, const struct csvrow *row, unsigned char **warned, size_t *nwarned)
{
	struct rows_record *rec = x->rec;
	size_t c;

	for (c = 0; c < row->ncells; c++) {
		struct strbuf sb = STRBUF_INIT;

		if (row->cells[c][0] == '\0' || (c < x->h->ncols && x->h->role[c] != ROLE_EXTRA))
			continue;
		if (c < x->h->ncols && x->h->name[c][0])
			strbuf_addstr(&sb, x->h->name[c]);
		else
			strbuf_addf(&sb, "列%zu", c + 1);
		if (c >= x->h->ncols) {
			if (c >= *nwarned) {
				*warned = xrealloc(*warned, c + 1);
				memset(*warned + *nwarned, 0, c + 1 - *nwarned);
				*nwarned = c + 1;
			}
			if (!(*warned)[c]) {
				long dl;
				char *at = csvfile_where(x->f, rec->line, (int)c, &dl);

				diag_add(x->d, DIAG_WARNING, at, dl, sb.buf, NULL,
				         "cell in column %zu has no header; cells of that column "
				         "are kept as extra",
				         c + 1);
				free(at);
			}
			(*warned)[c] = 1;
		}
		rec->extra = xreallocarray(rec->extra, rec->nextra + 1, sizeof(*rec->extra));
		rec->extra[rec->nextra].column = intern(x->rs, &sb);
		rec->extra[rec->nextra++].text = row->cells[c];
	}
}

int
rows_read(struct rows *rs, const struct csvfile *f, size_t first, const struct header *h,
          const struct refs *refs, struct diag *d)
{
	size_t before = d->errors, i;
	unsigned char *warned = NULL;
	size_t nwarned = 0;

	for (i = first; i < f->nrows; i++) {
		const struct csvrow *row = &f->rows[i];
		struct ctx x;

		if (rs->n == rs->alloc) {
			rs->alloc = rs->alloc ? rs->alloc * 2 : 256;
			rs->v = xreallocarray(rs->v, rs->alloc, sizeof(*rs->v));
		}
		x.rs = rs;
		x.rec = &rs->v[rs->n++];
		memset(x.rec, 0, sizeof(*x.rec));
		x.rec->kind = h->kind;
		x.rec->file = f;
		x.rec->line = row->line;
		x.rec->row = row;
		x.f = f;
		x.h = h;
		x.refs = refs;
		x.d = d;
		if (row->bad) { /* reported by csvread */
			x.rec->rejected = 1;
			continue;
		}
		if (h->kind == KIND_PROGRESS)
			read_progress(&x, row);
		else
			read_indicator(&x, row);
		read_extra(&x, row, &warned, &nwarned);
	}
	free(warned);
	return d->errors > before ? -1 : 0;
}

/* "line 12" in the same file ("row 12" in a sheet), else "other.csv:12". */
static void
where(struct strbuf *sb, const struct rows_record *a, const struct rows_record *b)
{
	if (a->file == b->file)
		strbuf_addf(sb, "%s %ld", b->file->sheet ? "row" : "line", b->line);
	else
		strbuf_addf(sb, "%s:%ld", b->file->name, b->line);
}

/* A record's place for a message about the whole row (new string). */
static char *
rec_at(const struct rows_record *r, long *dl)
{
	return csvfile_where(r->file, r->line, -1, dl);
}

/*
 * The cross-check's key, read from the record (no copy of the 実績 text):
 * progress: measure, ministry, 実績; indicator: the indicator (its id, or
 * its text and the entry it went to), year, ministry.
 */
static const char *
ind_name(const struct rows_record *r)
{
	return r->indicator->id ? r->indicator->id : r->indicator->text;
}

static const char *
ind_scope(const struct rows_record *r)
{
	if (r->indicator->id)
		return "";
	return r->target ? r->target : r->measure ? r->measure : "";
}

static guint
str_hash(guint h, const char *s)
{
	return h * 31 + (s ? g_str_hash(s) : 0);
}

static int
str_same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static guint
key_hash(gconstpointer p)
{
	const struct rows_record *r = p;

	if (r->kind == KIND_PROGRESS)
		return str_hash(str_hash(str_hash(1, r->measure), r->ministry), r->results);
	return str_hash(str_hash(str_hash(2, ind_name(r)), ind_scope(r)), r->ministry) * 31 +
	       (guint)r->year;
}

static gboolean
key_equal(gconstpointer pa, gconstpointer pb)
{
	const struct rows_record *a = pa, *b = pb;

	if (a->kind != b->kind)
		return FALSE;
	if (a->kind == KIND_PROGRESS)
		return str_same(a->measure, b->measure) && str_same(a->ministry, b->ministry) &&
		       str_same(a->results, b->results);
	return strcmp(ind_name(a), ind_name(b)) == 0 && strcmp(ind_scope(a), ind_scope(b)) == 0 &&
	       a->year == b->year &&
	       str_same(a->ministry ? a->ministry : "", b->ministry ? b->ministry : "");
}

/* Progress rows by measure and ministry only: the overlap of two files. */
static guint
mm_hash(gconstpointer p)
{
	const struct rows_record *r = p;

	return str_hash(str_hash(3, r->measure), r->ministry);
}

static gboolean
mm_equal(gconstpointer pa, gconstpointer pb)
{
	const struct rows_record *a = pa, *b = pb;

	return str_same(a->measure, b->measure) && str_same(a->ministry, b->ministry);
}

/* A pair of overlapping files: the later file's first overlapping row
 * `r`, the earlier row `o` it repeats, and how many rows overlap. */
struct overlap {
	struct rows_record *r, *o;
	size_t n;
};

/*
 * Marks progress rows whose measure and ministry another file reports
 * too, and reports each pair of files once, at the later file's first
 * such row.  Linear: one hash lookup a row; pairs are few.
 */
static void
find_overlaps(struct rows *rs, struct diag *d)
{
	GHashTable *first = g_hash_table_new(mm_hash, mm_equal);
	struct overlap *v = NULL;
	size_t nv = 0, i, k;

	for (i = 0; i < rs->n; i++) {
		struct rows_record *r = &rs->v[i], *o;

		if (r->rejected || r->kind != KIND_PROGRESS || !r->measure || !r->ministry)
			continue;
		o = g_hash_table_lookup(first, r);
		if (o == NULL) {
			g_hash_table_insert(first, r, r);
			continue;
		}
		if (o->file == r->file)
			continue;
		if (r->overlap == NULL)
			r->overlap = o->file;
		if (o->overlap == NULL)
			o->overlap = r->file;
		for (k = 0; k < nv; k++)
			if (v[k].r->file == r->file && v[k].o->file == o->file)
				break;
		if (k == nv) {
			v = xreallocarray(v, nv + 1, sizeof(*v));
			v[nv].r = r;
			v[nv].o = o;
			v[nv++].n = 0;
		}
		v[k].n++;
	}
	for (k = 0; k < nv; k++) {
		const struct rows_record *r = v[k].r, *o = v[k].o;

		long dl;
		char *at = rec_at(r, &dl);

		diag_add(d, rs->draft ? DIAG_WARNING : DIAG_ERROR, at, dl, NULL, NULL,
		         "this file and %s both report measure %s for %s (%s:%ld; %zu row%s "
		         "overlap): two versions of one submission? keep the corrected file and "
		         "remove the outdated one",
		         o->file->name, r->measure, r->ministry, o->file->name, o->line, v[k].n,
		         v[k].n == 1 ? "" : "s");
		free(at);
	}
	free(v);
	g_hash_table_destroy(first);
}

int
rows_crosscheck(struct rows *rs, struct diag *d)
{
	GHashTable *seen = g_hash_table_new(key_hash, key_equal);
	unsigned char *conflicted = xcalloc(rs->n + 1, 1);
	size_t before = d->errors, i;

	for (i = 0; i < rs->n; i++) {
		struct rows_record *r = &rs->v[i], *o;
		struct strbuf at = STRBUF_INIT;
		gpointer got;
		char *loc;
		long dl;

		if (r->rejected)
			continue;
		if (!g_hash_table_lookup_extended(seen, r, NULL, &got)) {
			g_hash_table_insert(seen, r, (gpointer)(i + 1));
			continue;
		}
		o = &rs->v[(size_t)got - 1];
		if (r->kind == KIND_PROGRESS && o->file != r->file)
			continue; /* two versions of one submission: find_overlaps() */
		where(&at, r, o);
		loc = rec_at(r, &dl);
		if (r->kind == KIND_PROGRESS || numbers_cmp(r->value, o->value) == 0) {
			r->dropped = 1;
			/* Two literal formats, one per kind (xgettext). */
			if (r->kind == KIND_PROGRESS)
				diag_add(
				    d, DIAG_WARNING, loc, dl, NULL, rec_quote(r),
				    "duplicate of %s (same measure, ministry and 実績/results); "
				    "this row is not used",
				    at.buf);
			else
				diag_add(
				    d, DIAG_WARNING, loc, dl, NULL, rec_quote(r),
				    "duplicate of %s (same indicator, year, ministry and value); "
				    "this row is not used",
				    at.buf);
		} else {
			const char *name = r->indicator->id ? r->indicator->id : r->indicator->text;
			const char *min = r->ministry ? r->ministry : "-";
			struct strbuf back = STRBUF_INIT;

			r->rejected = 1;
			diag_add(d, DIAG_ERROR, loc, dl, NULL, rec_quote(r),
			         "conflicting values for indicator '%s', year %d, ministry %s: "
			         "'%s' here, '%s' at %s",
			         name, r->year, min, r->value_written, o->value_written, at.buf);
			if (!conflicted[(size_t)got - 1]) {
				conflicted[(size_t)got - 1] = 1;
				o->rejected = 1;
				where(&back, o, r);
				free(loc);
				loc = rec_at(o, &dl);
				diag_add(
				    d, DIAG_ERROR, loc, dl, NULL, rec_quote(o),
				    "conflicting values for indicator '%s', year %d, ministry %s: "
				    "'%s' here, '%s' at %s",
				    name, r->year, min, o->value_written, r->value_written,
				    back.buf);
			}
			strbuf_release(&back);
		}
		free(loc);
		strbuf_release(&at);
	}
	free(conflicted);
	g_hash_table_destroy(seen);
	find_overlaps(rs, d);
	return d->errors > before ? -1 : 0;
}
