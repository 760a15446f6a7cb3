#include "header.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "xmem.h"

static const struct {
	const char *ja, *en;
	const char *more[3]; /* other accepted names, folded */
} names[ROLE_N] = {
    [ROLE_MEASURE] = {"施策番号", "measure", {"measure id", "施策id"}},
    [ROLE_MINISTRY] = {"府省庁", "ministry", {"府省庁名", "府省"}},
    [ROLE_RESULTS] = {"実績", "results", {"result"}},
    [ROLE_EVALUATION] = {"評価", "evaluation", {NULL}},
    [ROLE_NEXT] = {"今年度の取組", "next", {NULL}},
    [ROLE_HIGHLIGHT] = {"重点", "highlight", {NULL}},
    [ROLE_NOTE] = {"備考", "note", {"notes"}},
    [ROLE_INDICATOR] = {"指標", "indicator", {NULL}},
    [ROLE_YEAR] = {"年度", "year", {"fiscal year"}},
    [ROLE_VALUE] = {"値", "value", {NULL}},
    [ROLE_UNIT] = {"単位", "unit", {NULL}},
    [ROLE_SOURCE] = {"出典", "source", {NULL}},
    [ROLE_TITLE] = {"施策名", "title", {"measure title", "施策の名称"}},
};

/* Roles of each kind; the required ones first, -1 ends. */
static const int progress_roles[] = {ROLE_MEASURE,    ROLE_MINISTRY, ROLE_RESULTS,
                                     ROLE_EVALUATION, ROLE_NEXT,     ROLE_HIGHLIGHT,
                                     ROLE_NOTE,       ROLE_TITLE,    -1};
static const int progress_required = 3;
static const int indicator_roles[] = {ROLE_INDICATOR, ROLE_YEAR,    ROLE_VALUE,    ROLE_UNIT,
                                      ROLE_SOURCE,    ROLE_MEASURE, ROLE_MINISTRY, -1};
static const int indicator_required = 3;

const char *
header_name_ja(int role)
{
	return role >= 0 && role < ROLE_N ? names[role].ja : "";
}

const char *
header_kind_name(enum header_kind kind)
{
	switch (kind) {
	case KIND_PROGRESS:
		return "progress";
	case KIND_INDICATORS:
		return "indicators";
	default:
		return "unknown";
	}
}

int
header_role_of(const char *name)
{
	char *key = utf8_fold(name);
	int r, i, found = ROLE_EXTRA;

	if (key == NULL) /* not UTF-8 */
		return ROLE_EXTRA;
	for (r = 0; r < ROLE_N && found == ROLE_EXTRA; r++) {
		char *ja = utf8_fold(names[r].ja);

		if (strcmp(key, ja) == 0 || strcmp(key, names[r].en) == 0)
			found = r;
		for (i = 0; i < 3 && names[r].more[i] && found == ROLE_EXTRA; i++)
			if (strcmp(key, names[r].more[i]) == 0)
				found = r;
		free(ja);
	}
	free(key);
	return found;
}

static int
in_list(const int *list, int role)
{
	int i;

	for (i = 0; list[i] >= 0; i++)
		if (list[i] == role)
			return 1;
	return 0;
}

void
header_release(struct header *h)
{
	size_t i;

	for (i = 0; i < h->ncols; i++)
		free(h->name[i]);
	free(h->name);
	free(h->role);
	memset(h, 0, sizeof(*h));
}

/* What a header row names: the kind, or KIND_UNKNOWN (no message). */
static enum header_kind
kind_of(const struct csvrow *row)
{
	enum header_kind kind = KIND_UNKNOWN;
	size_t c;

	for (c = 0; c < row->ncells; c++) {
		int r = row->cells[c][0] ? header_role_of(row->cells[c]) : ROLE_EXTRA;

		if (r == ROLE_INDICATOR || r == ROLE_VALUE || r == ROLE_YEAR)
			return KIND_INDICATORS;
		if (r == ROLE_RESULTS || r == ROLE_MEASURE || r == ROLE_MINISTRY ||
		    r == ROLE_EVALUATION || r == ROLE_NEXT)
			kind = KIND_PROGRESS;
	}
	return kind;
}

long
header_find(const struct csvfile *f)
{
	size_t i;

	for (i = 0; i < f->nrows && i < HEADER_SCAN; i++)
		if (kind_of(&f->rows[i]) != KIND_UNKNOWN)
			return (long)i;
	return -1;
}

/* Where a message about column `c` (-1: the row) of the header points. */
struct where {
	const struct csvfile *f; /* NULL: `path` and the row's line */
	const char *path;
	long line;
	char *at;
	long dline;
};

static const char *
where(struct where *w, int c)
{
	free(w->at);
	if (w->f)
		w->at = csvfile_where(w->f, w->line, c, &w->dline);
	else {
		w->at = xstrdup(w->path);
		w->dline = w->line;
	}
	return w->at;
}

static int
header_read_at(struct header *h, const struct csvrow *row, struct where *w, struct diag *d)
{
	const int *roles;
	int required, i, ret = 0;
	size_t c;
	struct strbuf missing = STRBUF_INIT;
	char *quote = csvrow_quote(row);
	const char *at;

	memset(h, 0, sizeof(*h));
	h->line = row->line;
	h->ncols = row->ncells;
	h->role = xcalloc(h->ncols, sizeof(*h->role));
	h->name = xcalloc(h->ncols, sizeof(*h->name));
	for (i = 0; i < ROLE_N; i++)
		h->col[i] = -1;
	for (c = 0; c < h->ncols; c++) {
		h->name[c] = xstrdup(row->cells[c]);
		h->role[c] = row->cells[c][0] ? header_role_of(row->cells[c]) : ROLE_EXTRA;
	}
	/* The kind is decided by the header: an indicator or value column
	 * makes an indicators file; results, measure or ministry a progress one. */
	h->kind = kind_of(row);
	if (h->kind == KIND_UNKNOWN) {
		at = where(w, -1);
		diag_add(d, DIAG_ERROR, at, w->dline, NULL, quote,
		         "unknown kind of file: the header names neither progress columns "
		         "(施策番号/measure, 府省庁/ministry, 実績/results) nor indicator columns "
		         "(指標/indicator, 年度/year, 値/value)");
		free(quote);
		return -1;
	}
	roles = h->kind == KIND_PROGRESS ? progress_roles : indicator_roles;
	required = h->kind == KIND_PROGRESS ? progress_required : indicator_required;
	for (c = 0; c < h->ncols; c++) {
		int r = h->role[c];

		if (r != ROLE_EXTRA && !in_list(roles, r))
			r = h->role[c] = ROLE_EXTRA;
		at = where(w, (int)c);
		if (r == ROLE_EXTRA) {
			if (h->name[c][0])
				diag_add(d, DIAG_WARNING, at, w->dline, h->name[c], NULL,
				         "column '%s' is not part of the %s format; its cells are "
				         "kept as extra",
				         h->name[c], header_kind_name(h->kind));
			else
				diag_add(d, DIAG_WARNING, at, w->dline, NULL, NULL,
				         "column %zu has no name; its cells are kept as extra",
				         c + 1);
			continue;
		}
		if (h->col[r] >= 0) {
			ret = diag_add(d, DIAG_ERROR, at, w->dline, h->name[c], quote,
			               "column %s/%s appears twice (columns %d and %zu)",
			               names[r].ja, names[r].en, h->col[r] + 1, c + 1);
			continue;
		}
		h->col[r] = (int)c;
	}
	for (i = 0; i < required; i++) {
		if (h->col[roles[i]] >= 0)
			continue;
		if (missing.len)
			strbuf_addstr(&missing, ", ");
		strbuf_addf(&missing, "%s/%s", names[roles[i]].ja, names[roles[i]].en);
	}
	if (missing.len) {
		at = where(w, -1);
		ret = diag_add(d, DIAG_ERROR, at, w->dline, NULL, quote,
		               "%s file lacks required column(s): %s", header_kind_name(h->kind),
		               missing.buf);
	}
	strbuf_release(&missing);
	free(quote);
	return ret;
}

int
header_read_file(struct header *h, const struct csvfile *f, size_t i, struct diag *d)
{
	struct where w = {f, f->path, f->rows[i].line, NULL, 0};
	int ret = header_read_at(h, &f->rows[i], &w, d);

	free(w.at);
	return ret;
}
