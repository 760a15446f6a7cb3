/* chase: chase.xml → the status and feedback workbooks (chase.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <xlsxwriter.h>

#include "atomicfile.h"
#include "chase.h"
#include "strbuf.h"
#include "xlsxfmt.h"
#include "xmem.h"
#include "xmlio.h"

/* ---- loading ------------------------------------------------------------ */

static long
getl(xmlNodePtr n, const char *name)
{
	char *v = xmlio_attr_dup(n, name);
	long x = strtol(v, NULL, 10);

	free(v);
	return x;
}

static char *
child_text(xmlNodePtr n, const char *name)
{
	xmlNodePtr c;

	for (c = n->children; c; c = c->next)
		if (xmlio_is(c, name)) {
			xmlChar *t = xmlNodeGetContent(c);
			char *s = xstrdup(t ? (const char *)t : "");

			xmlFree(t);
			return s;
		}
	return xstrdup("");
}

static void
load_item(struct chase_item *it, xmlNodePtr n)
{
	if (xmlio_is(n, "pair")) {
		it->kind = xmlio_attr_dup(n, "status");
		it->measure = xmlio_attr_dup(n, "measure");
		it->title = xmlio_attr_dup(n, "title");
		it->file = xstrdup("");
		it->line = 0;
		it->column = xstrdup("");
		it->message = xstrdup("");
		it->row = xstrdup("");
	} else {
		it->kind = xmlio_attr_dup(n, "severity");
		it->measure = xmlio_attr_dup(n, "measure");
		it->title = xstrdup("");
		it->file = xmlio_attr_dup(n, "file");
		it->line = getl(n, "line");
		it->column = xmlio_attr_dup(n, "column");
		/* the message as the ministry reads it (Japanese under make,
		 * MESSAGES=ja), else the English one */
		it->message = child_text(n, "shown");
		if (*it->message == '\0') {
			free(it->message);
			it->message = child_text(n, "message");
		}
		it->row = child_text(n, "row");
	}
}

static size_t
count_items(xmlNodePtr n)
{
	size_t k = 0;
	xmlNodePtr c;

	for (c = n->children; c; c = c->next)
		k += xmlio_is(c, "pair") || xmlio_is(c, "diag");
	return k;
}

static void
load_items(xmlNodePtr n, struct chase_item **v, size_t *nv)
{
	xmlNodePtr c;

	*v = xcalloc(count_items(n) + 1, sizeof(**v));
	*nv = 0;
	for (c = n->children; c; c = c->next)
		if (xmlio_is(c, "pair") || xmlio_is(c, "diag"))
			load_item(&(*v)[(*nv)++], c);
}

int
chase_load(struct chase_set *s, const char *path, struct diag *d)
{
	xmlDocPtr doc;
	xmlNodePtr root, c;
	size_t k = 0;
	char *draft;

	memset(s, 0, sizeof(*s));
	doc = xmlio_load(path, d);
	if (doc == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xmlio_is(root, "chase")) {
		xmlFreeDoc(doc);
		return diag_error(d, path, 0, "not a chase list (stylesheets/chase.xsl makes it)");
	}
	s->year = xmlio_attr_dup(root, "year");
	draft = xmlio_attr_dup(root, "draft");
	s->draft = strcmp(draft, "1") == 0;
	free(draft);
	s->expected = getl(root, "expected");
	s->submitted = getl(root, "submitted");
	s->noeval = getl(root, "noeval");
	s->missing = getl(root, "missing");
	s->refused = getl(root, "refused");
	for (c = root->children; c; c = c->next)
		k += xmlio_is(c, "ministry");
	s->ministries = xcalloc(k + 1, sizeof(*s->ministries));
	for (c = root->children; c; c = c->next) {
		struct chase_ministry *m;

		if (!xmlio_is(c, "ministry"))
			continue;
		m = &s->ministries[s->nministries++];
		m->code = xmlio_attr_dup(c, "code");
		m->name = xmlio_attr_dup(c, "name");
		m->expected = getl(c, "expected");
		m->submitted = getl(c, "submitted");
		m->noeval = getl(c, "noeval");
		m->missing = getl(c, "missing");
		m->refused = getl(c, "refused");
		m->errors = getl(c, "errors");
		m->warnings = getl(c, "warnings");
		load_items(c, &m->items, &m->nitems);
	}
	load_items(root, &s->loose, &s->nloose);
	xmlFreeDoc(doc);
	return 0;
}

static void
release_items(struct chase_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].kind);
		free(v[i].measure);
		free(v[i].title);
		free(v[i].file);
		free(v[i].column);
		free(v[i].message);
		free(v[i].row);
	}
	free(v);
}

void
chase_release(struct chase_set *s)
{
	size_t i;

	for (i = 0; i < s->nministries; i++) {
		free(s->ministries[i].code);
		free(s->ministries[i].name);
		release_items(s->ministries[i].items, s->ministries[i].nitems);
	}
	free(s->ministries);
	release_items(s->loose, s->nloose);
	free(s->year);
	memset(s, 0, sizeof(*s));
}

int
chase_to_fix(const struct chase_ministry *m)
{
	return m->missing > 0 || m->refused > 0 || m->errors > 0;
}

char *
chase_file_base(const struct chase_ministry *m)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p;

	strbuf_addf(&sb, "%s-", m->code);
	for (p = (const unsigned char *)m->name; *p; p++)
		strbuf_addch(&sb, *p < 0x20 || *p == 0x7F || strchr("/\\:*?\"<>|", *p) ? '_' : *p);
	if (strcmp(sb.buf + strlen(m->code) + 1, "") == 0 || sb.buf[sb.len - 1] == '.')
		strbuf_addch(&sb, '_');
	return strbuf_detach(&sb);
}

char *
chase_sheet_name(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)name;
	size_t chars = 0;

	while (*p == '\'')
		p++;
	for (; *p && chars < 31; chars++) {
		size_t len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;

		if (len == 4 && chars >= 30)
			break; /* a character outside the BMP counts twice in Excel */
		if (len == 4)
			chars++;
		if (strchr("[]:*?/\\", *p) && len == 1)
			strbuf_addch(&sb, '_');
		else
			strbuf_add(&sb, p, strnlen((const char *)p, len));
		p += strnlen((const char *)p, len);
	}
	while (sb.len && sb.buf[sb.len - 1] == '\'')
		sb.buf[--sb.len] = '\0';
	if (sb.len == 0)
		strbuf_addstr(&sb, "_");
	return strbuf_detach(&sb);
}

/* ---- writing ------------------------------------------------------------ */

struct formats {
	lxw_format *title, *text, *head, *cell, *num, *total, *missing, *refused, *noeval, *error,
	    *warning;
};

static lxw_format *
boxed(lxw_workbook *wb, uint32_t bg, uint32_t fg)
{
	lxw_format *f = xlsxfmt_new(wb);

	format_set_border(f, LXW_BORDER_THIN);
	format_set_text_wrap(f);
	if (bg)
		format_set_bg_color(f, bg);
	if (fg)
		format_set_font_color(f, fg);
	return f;
}

/* Red: 未提出 and rows refused (to send); orange: 不備 (to send again);
 * yellow: 評価なし and warnings (to look at).  Excel's own 'bad' and
 * 'neutral' fills, which a clerk knows. */
static void
make_formats(lxw_workbook *wb, struct formats *f)
{
	f->title = xlsxfmt_new(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->text = xlsxfmt_new(wb);
	format_set_text_wrap(f->text);
	f->head = boxed(wb, 0xD9D9D9, 0);
	format_set_bold(f->head);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	f->cell = boxed(wb, 0, 0);
	f->num = boxed(wb, 0, 0);
	format_set_num_format(f->num, "#,##0");
	f->total = boxed(wb, 0xF2F2F2, 0);
	format_set_bold(f->total);
	format_set_num_format(f->total, "#,##0");
	f->missing = boxed(wb, 0xFFC7CE, 0x9C0006);
	format_set_num_format(f->missing, "#,##0");
	f->refused = boxed(wb, 0xF8CBAD, 0x833C0B);
	format_set_num_format(f->refused, "#,##0");
	f->error = f->missing;
	f->noeval = boxed(wb, 0xFFEB9C, 0x9C5700);
	format_set_num_format(f->noeval, "#,##0");
	f->warning = f->noeval;
}

const char *
chase_era(long y, int reiwa, char *buf, size_t n)
{
	long e = reiwa ? y - 2018 : y - 1988;

	if (e == 1)
		snprintf(buf, n, "%s元", reiwa ? "令和" : "平成");
	else
		snprintf(buf, n, "%s%ld", reiwa ? "令和" : "平成", e);
	return buf;
}

/* "2014年度（平成26年度）" */
static void
add_fy(struct strbuf *sb, const char *year)
{
	char e[32];
	long y = strtol(year, NULL, 10);

	strbuf_addf(sb, "%ld年度（%s年度）", y, chase_era(y, y >= 2019, e, sizeof(e)));
}

static void
print_setup(lxw_worksheet *ws, lxw_row_t head)
{
	xlsxfmt_landscape(ws, head);
	worksheet_set_margins(ws, 0.6, 0.6, 0.75, 0.75);
	worksheet_set_footer(ws, "&C&P / &N");
}

/* ---- the table of what a ministry owes: the per-ministry sheet of the
 * status workbook and the feedback letter share it. */

static const char *const owe_cols[] = {"区分",     "施策番号", "施策名",
                                       "ファイル", "行",       "お願いすること（内容）"};
static const double owe_widths[] = {12, 11, 40, 22, 6, 64};
#define OWE_NCOLS 6

/* The order items are listed in: what to send, what to send again, what to
 * look at, then 評価なし. */
static int
rank(const struct chase_item *it)
{
	if (strcmp(it->kind, "未提出") == 0)
		return 0;
	if (strcmp(it->kind, "不備") == 0)
		return 1;
	if (strcmp(it->kind, "error") == 0)
		return 2;
	if (strcmp(it->kind, "warning") == 0)
		return 3;
	return 4;
}

static void
item_text(const struct chase_item *it, struct strbuf *label, struct strbuf *what)
{
	strbuf_reset(label);
	strbuf_reset(what);
	switch (rank(it)) {
	case 0:
		strbuf_addstr(label, "未提出");
		strbuf_addstr(what, "この施策の報告がまだ届いていません。実績（必ず記入）、評価、"
		                    "今年度の取組を記入して提出してください。");
		break;
	case 1:
		strbuf_addstr(label, "不備");
		strbuf_addstr(what,
		              "この施策の報告に受け付けられなかった行があります。下の「受付不可」"
		              "の行を直して、もう一度提出してください。");
		break;
	case 2:
	case 3:
		strbuf_addstr(label, rank(it) == 2 ? "受付不可" : "確認");
		strbuf_addstr(what, it->message);
		if (it->column[0])
			strbuf_addf(what, "\n（列：%s）", it->column);
		if (it->row[0])
			strbuf_addf(what, "\n入力内容：%s", it->row);
		break;
	default:
		strbuf_addstr(label, "評価なし");
		strbuf_addstr(what, "実績は受け付けました。評価が空欄です。記入できる場合は評価を"
		                    "記入してください（空欄のままでも報告書には掲載されます）。");
	}
}

static lxw_format *
kind_format(const struct formats *f, const struct chase_item *it)
{
	switch (rank(it)) {
	case 0:
		return f->missing;
	case 1:
		return f->refused;
	case 2:
		return f->error;
	case 3:
		return f->warning;
	default:
		return f->noeval;
	}
}

/* Writes the table from row `r`; returns the row after it. */
static lxw_row_t
owe_table(lxw_worksheet *ws, const struct formats *f, const struct chase_item *items, size_t n,
          lxw_row_t r)
{
	struct strbuf label = STRBUF_INIT, what = STRBUF_INIT;
	lxw_col_t c;
	int k;
	size_t i;

	worksheet_set_row(ws, r, 22, NULL);
	for (c = 0; c < OWE_NCOLS; c++)
		worksheet_write_string(ws, r, c, owe_cols[c], f->head);
	r++;
	for (k = 0; k <= 4; k++)
		for (i = 0; i < n; i++) {
			const struct chase_item *it = &items[i];
			double h;

			if (rank(it) != k)
				continue;
			item_text(it, &label, &what);
			h = fmax(xlsxfmt_row_height(what.buf, owe_widths[5], 16.5),
			         xlsxfmt_row_height(it->title, owe_widths[2], 16.5));
			worksheet_set_row(ws, r, h, NULL);
			worksheet_write_string(ws, r, 0, label.buf, kind_format(f, it));
			worksheet_write_string(ws, r, 1, it->measure, f->cell);
			worksheet_write_string(ws, r, 2, it->title, f->cell);
			worksheet_write_string(ws, r, 3, it->file, f->cell);
			if (it->line > 0)
				worksheet_write_number(ws, r, 4, (double)it->line, f->num);
			else
				worksheet_write_blank(ws, r, 4, f->cell);
			worksheet_write_string(ws, r, 5, what.buf, f->cell);
			r++;
		}
	strbuf_release(&label);
	strbuf_release(&what);
	return r;
}

static void
owe_columns(lxw_worksheet *ws)
{
	lxw_col_t c;

	for (c = 0; c < OWE_NCOLS; c++)
		worksheet_set_column(ws, c, c, owe_widths[c], NULL);
}

/* "未提出 1件、不備 0件、受付不可の行 0件、確認 1件、評価なし 6件" */
static void
add_counts(struct strbuf *sb, const struct chase_ministry *m)
{
	strbuf_addf(sb,
	            "対象 %ld件のうち、提出済 %ld件、評価なし %ld件、未提出 %ld件、不備 %ld件。"
	            "受け付けられなかった行 %ld件、確認事項 %ld件。",
	            m->expected, m->submitted, m->noeval, m->missing, m->refused, m->errors,
	            m->warnings);
}

/* A new workbook for PATH, written to *TMP (atomicfile_tmpname()), with
 * its properties and the formats F; NULL with an error on D. */
static lxw_workbook *
open_book(const char *path, char **tmp, const char *title, const struct chase_set *s,
          struct formats *f, struct diag *d)
{
	lxw_workbook *wb;
	lxw_doc_properties props;
	char *t, *subject;

	*tmp = atomicfile_tmpname(path);
	wb = workbook_new(*tmp);
	if (wb == NULL) {
		free(*tmp);
		diag_error(d, path, 0, "cannot create the workbook");
		return NULL;
	}
	/* workbook_set_properties() copies the strings */
	t = xstrdup(title);
	subject = xstrdup(s->draft ? "提出状況（案）" : "提出状況");
	memset(&props, 0, sizeof(props));
	props.title = t;
	props.subject = subject;
	props.created = s->when;
	workbook_set_properties(wb, &props);
	free(t);
	free(subject);
	make_formats(wb, f);
	return wb;
}

static const char *const sum_cols[] = {"府省庁", "コード", "対象",         "提出済",   "評価なし",
                                       "未提出", "不備",   "受付不可の行", "確認事項", "連絡票"};
static const double sum_widths[] = {26, 8, 8, 8, 9, 8, 8, 13, 10, 40};
#define SUM_NCOLS 10

static void
sum_row(lxw_worksheet *ws, const struct formats *f, lxw_row_t r, const long v[7], int total)
{
	lxw_format *hl[7] = {f->num,     f->num,   f->noeval, f->missing,
	                     f->refused, f->error, f->warning};
	int i;

	for (i = 0; i < 7; i++)
		worksheet_write_number(ws, r, (lxw_col_t)(2 + i), (double)v[i],
		                       total      ? f->total
		                       : v[i] > 0 ? hl[i]
		                                  : f->num);
}

int
chase_write_status(const struct chase_set *s, const char *date, const char *path, struct diag *d)
{
	char *tmp;
	struct strbuf sb = STRBUF_INIT;
	struct formats f;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_row_t r, head;
	lxw_col_t c;
	long tot[7] = {0};
	size_t i;

	add_fy(&sb, s->year);
	strbuf_addf(&sb, " 施策の実施状況の提出状況%s", s->draft ? "（案）" : "");
	wb = open_book(path, &tmp, sb.buf, s, &f, d);
	if (wb == NULL) {
		strbuf_release(&sb);
		return -1;
	}
	ws = workbook_add_worksheet(wb, "集計");
	for (c = 0; c < SUM_NCOLS; c++)
		worksheet_set_column(ws, c, c, sum_widths[c], NULL);
	worksheet_write_string(ws, 0, 0, sb.buf, f.title);
	strbuf_reset(&sb);
	strbuf_addf(&sb,
	            "%s現在。府省庁ごとの、報告をお願いしている施策（対象）の状況です。"
	            "未提出・不備のある府省庁には、シート（府省庁名）と連絡票で内容をお知らせしま"
	            "す。",
	            date);
	worksheet_merge_range(ws, 1, 0, 1, SUM_NCOLS - 1, sb.buf, f.text);
	worksheet_set_row(ws, 1, 36, NULL);
	head = 3;
	worksheet_set_row(ws, head, 36, NULL);
	for (c = 0; c < SUM_NCOLS; c++)
		worksheet_write_string(ws, head, c, sum_cols[c], f.head);
	r = head + 1;
	for (i = 0; i < s->nministries; i++) {
		const struct chase_ministry *m = &s->ministries[i];
		long v[7] = {m->expected, m->submitted, m->noeval,  m->missing,
		             m->refused,  m->errors,    m->warnings};
		int k;

		worksheet_write_string(ws, r, 0, m->name, f.cell);
		worksheet_write_string(ws, r, 1, m->code, f.cell);
		sum_row(ws, &f, r, v, 0);
		if (chase_to_fix(m)) {
			char *base = chase_file_base(m);

			strbuf_reset(&sb);
			strbuf_addf(&sb, "feedback%s/%s.xlsx", s->draft ? "-draft" : "", base);
			worksheet_write_string(ws, r, 9, sb.buf, f.cell);
			free(base);
		} else {
			worksheet_write_blank(ws, r, 9, f.cell);
		}
		for (k = 0; k < 7; k++)
			tot[k] += v[k];
		r++;
	}
	worksheet_write_string(ws, r, 0, "合計", f.total);
	worksheet_write_blank(ws, r, 1, f.total);
	sum_row(ws, &f, r, tot, 1);
	worksheet_write_blank(ws, r, 9, f.total);
	r += 2;
	worksheet_merge_range(
	    ws, r, 0, r, SUM_NCOLS - 1,
	    "提出済＝実績と評価あり　評価なし＝実績のみ（評価は空欄）　未提出＝報告なし"
	    "　不備＝報告の行が受け付けられなかった（直して再提出）。"
	    "提出済・評価なし・未提出・不備の合計が対象です。",
	    f.text);
	worksheet_set_row(ws, r++, 36, NULL);
	if (s->nloose)
		worksheet_write_string(
		    ws, r++, 0,
		    "府省庁の分からない指摘があります。シート「府省庁不明」を事務局"
		    "で確認してください。",
		    f.text);
	worksheet_freeze_panes(ws, head + 1, 1);
	print_setup(ws, head);
	worksheet_activate(ws);

	for (i = 0; i < s->nministries; i++) {
		const struct chase_ministry *m = &s->ministries[i];
		char *name;

		if (m->nitems == 0)
			continue;
		name = chase_sheet_name(m->name);
		if (workbook_get_worksheet_by_name(wb, name) ||
		    workbook_validate_sheet_name(wb, name) != LXW_NO_ERROR) {
			free(name);
			name = chase_sheet_name(m->code);
		}
		ws = workbook_add_worksheet(wb, name);
		free(name);
		owe_columns(ws);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s（%s）", m->name, m->code);
		worksheet_write_string(ws, 0, 0, sb.buf, f.title);
		strbuf_reset(&sb);
		add_counts(&sb, m);
		worksheet_merge_range(ws, 1, 0, 1, OWE_NCOLS - 1, sb.buf, f.text);
		worksheet_set_row(ws, 1, 22, NULL);
		owe_table(ws, &f, m->items, m->nitems, 3);
		worksheet_freeze_panes(ws, 4, 0);
		print_setup(ws, 3);
	}
	if (s->nloose) {
		ws = workbook_add_worksheet(wb, workbook_get_worksheet_by_name(wb, "府省庁不明")
		                                    ? "府省庁不明（事務局）"
		                                    : "府省庁不明");
		owe_columns(ws);
		worksheet_write_string(ws, 0, 0, "府省庁の分からない指摘（事務局で確認）", f.title);
		owe_table(ws, &f, s->loose, s->nloose, 3);
		worksheet_freeze_panes(ws, 4, 0);
		print_setup(ws, 3);
	}
	strbuf_release(&sb);
	return xlsxfmt_close(wb, tmp, path, d);
}

int
chase_write_feedback(const struct chase_set *s, const struct chase_ministry *m, const char *date,
                     const char *path, struct diag *d)
{
	char *tmp;
	struct strbuf sb = STRBUF_INIT, title = STRBUF_INIT;
	struct formats f;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *right;

	add_fy(&title, s->year);
	strbuf_addstr(&title, "の施策の実施状況の報告について（ご確認のお願い）");
	wb = open_book(path, &tmp, title.buf, s, &f, d);
	if (wb == NULL) {
		strbuf_release(&title);
		return -1;
	}
	right = xlsxfmt_new(wb);
	format_set_align(right, LXW_ALIGN_RIGHT);
	ws = workbook_add_worksheet(wb, "ご確認のお願い");
	owe_columns(ws);
	worksheet_merge_range(ws, 0, 0, 0, OWE_NCOLS - 1, date, right);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s　ご担当者様", m->name);
	worksheet_merge_range(ws, 1, 0, 1, 3, sb.buf, f.text);
	worksheet_merge_range(ws, 2, 0, 2, OWE_NCOLS - 1, "取りまとめ事務局", right);
	if (s->draft)
		strbuf_addstr(&title, "（案）");
	worksheet_write_string(ws, 4, 0, title.buf, f.title);
	strbuf_release(&title);
	strbuf_reset(&sb);
	strbuf_addf(&sb,
	            "%sの施策の実施状況について、報告をお寄せいただきありがとうございます。"
	            "%s現在、下の表の点について対応をお願いします。"
	            "「未提出」の施策は報告を記入し、「不備」「受付不可」の行は「お願いすること」"
	            "に沿って直してください。直したファイルは、直した行だけでなく全ての行を含め"
	            "て、前のファイルと差し替える旨を添えて事務局あてにお送りください。",
	            m->name, date);
	worksheet_merge_range(ws, 6, 0, 6, OWE_NCOLS - 1, sb.buf, f.text);
	worksheet_set_row(ws, 6, xlsxfmt_row_height(sb.buf, 150, 16.5), NULL);
	strbuf_reset(&sb);
	add_counts(&sb, m);
	worksheet_merge_range(ws, 7, 0, 7, OWE_NCOLS - 1, sb.buf, f.text);
	owe_table(ws, &f, m->items, m->nitems, 9);
	worksheet_freeze_panes(ws, 10, 0);
	print_setup(ws, 9);
	strbuf_release(&sb);
	return xlsxfmt_close(wb, tmp, path, d);
}
