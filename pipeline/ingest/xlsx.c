#include "xlsx.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/tree.h>
#include <zip.h>

#include "nfc.h"
#include "strbuf.h"
#include "utf8.h"
#include "xmem.h"
#include "xmlio.h"

struct reader {
	struct xlsxbook *b;
	struct diag *d;
	zip_t *zip;
	char **shared; /* shared strings */
	size_t nshared;
	int *xf_fmt; /* cellXfs index → numFmtId */
	size_t nxf;
	struct {
		int id;
		char *code;
	} * fmts; /* custom number formats */
	size_t nfmts;
	int failed;
};

/* Parts: the whole entry, NULL if absent (no message) or unreadable. */
static char *
read_part(struct reader *r, const char *name, size_t *len, int required)
{
	zip_stat_t st;
	zip_file_t *zf;
	char *buf;
	zip_int64_t got;

	if (zip_stat(r->zip, name, 0, &st) < 0) {
		if (required)
			r->failed = diag_error(
			    r->d, r->b->path, 0,
			    "not an Excel workbook: the part %s is missing; "
			    "open the file in Excel and save it as Excel Workbook (.xlsx)",
			    name);
		return NULL;
	}
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > XLSX_MAX_PART) {
		r->failed = diag_error(r->d, r->b->path, 0,
		                       "the part %s is larger than %d bytes uncompressed; "
		                       "split the workbook",
		                       name, XLSX_MAX_PART);
		return NULL;
	}
	zf = zip_fopen(r->zip, name, 0);
	if (zf == NULL) {
		r->failed = diag_error(r->d, r->b->path, 0, "cannot read the part %s: %s", name,
		                       zip_strerror(r->zip));
		return NULL;
	}
	buf = xmalloc((size_t)st.size + 1);
	got = zip_fread(zf, buf, st.size);
	zip_fclose(zf);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(buf);
		r->failed = diag_error(r->d, r->b->path, 0,
		                       "cannot read the part %s: the workbook is damaged", name);
		return NULL;
	}
	buf[st.size] = '\0';
	*len = (size_t)st.size;
	return buf;
}

static xmlDocPtr
load_part(struct reader *r, const char *name, int required)
{
	size_t len = 0;
	char *buf = read_part(r, name, &len, required);
	struct strbuf where = STRBUF_INIT;
	xmlDocPtr doc;

	if (buf == NULL)
		return NULL;
	strbuf_addf(&where, "%s:%s", r->b->path, name);
	doc = xmlio_load_memory(buf, len, where.buf, r->d);
	if (doc == NULL)
		r->failed = -1;
	strbuf_release(&where);
	free(buf);
	return doc;
}

/* Appends the text of <t> children of `n` and of its <r> runs, skipping
 * phonetic guides (<rPh>), with _xHHHH_ escapes decoded. */
static void
add_xstring(struct strbuf *sb, const char *s)
{
	while (*s) {
		unsigned long cp;
		char *end;

		if (s[0] == '_' && s[1] == 'x' && strlen(s) >= 7 && s[6] == '_') {
			char hex[5];

			memcpy(hex, s + 2, 4);
			hex[4] = '\0';
			cp = strtoul(hex, &end, 16);
			if (end == hex + 4) {
				utf8_put(sb, cp);
				s += 7;
				continue;
			}
		}
		strbuf_addch(sb, *s++);
	}
}

static void
rich_text(struct strbuf *sb, xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->children; c; c = c->next) {
		if (xmlio_is(c, "t")) {
			xmlChar *t = xmlNodeGetContent(c);

			add_xstring(sb, t ? (const char *)t : "");
			xmlFree(t);
		} else if (xmlio_is(c, "r")) {
			rich_text(sb, c);
		}
	}
}

static void
load_shared(struct reader *r, const char *name)
{
	xmlDocPtr doc = load_part(r, name, 0);
	xmlNodePtr root, si;
	size_t n = 0;

	if (doc == NULL)
		return;
	root = xmlDocGetRootElement(doc);
	for (si = root ? root->children : NULL; si; si = si->next)
		n += xmlio_is(si, "si");
	r->shared = xcalloc(n ? n : 1, sizeof(*r->shared));
	for (si = root ? root->children : NULL; si; si = si->next) {
		struct strbuf sb = STRBUF_INIT;

		if (!xmlio_is(si, "si"))
			continue;
		strbuf_addstr(&sb, "");
		rich_text(&sb, si);
		r->shared[r->nshared++] = strbuf_detach(&sb);
	}
	xmlFreeDoc(doc);
}

static void
load_styles(struct reader *r, const char *name)
{
	xmlDocPtr doc = load_part(r, name, 0);
	xmlNodePtr root, sec, n;

	if (doc == NULL)
		return;
	root = xmlDocGetRootElement(doc);
	for (sec = root ? root->children : NULL; sec; sec = sec->next) {
		if (xmlio_is(sec, "numFmts")) {
			for (n = sec->children; n; n = n->next) {
				char *id, *code;

				if (!xmlio_is(n, "numFmt"))
					continue;
				id = xmlio_attr(n, "numFmtId");
				code = xmlio_attr(n, "formatCode");
				r->fmts = xreallocarray(r->fmts, r->nfmts + 1, sizeof(*r->fmts));
				r->fmts[r->nfmts].id = id ? (int)strtol(id, NULL, 10) : -1;
				r->fmts[r->nfmts++].code = xstrdup(code ? code : "");
				xmlFree(id);
				xmlFree(code);
			}
		} else if (xmlio_is(sec, "cellXfs")) {
			for (n = sec->children; n; n = n->next) {
				char *id;

				if (!xmlio_is(n, "xf"))
					continue;
				id = xmlio_attr(n, "numFmtId");
				r->xf_fmt =
				    xreallocarray(r->xf_fmt, r->nxf + 1, sizeof(*r->xf_fmt));
				r->xf_fmt[r->nxf++] = id ? (int)strtol(id, NULL, 10) : 0;
				xmlFree(id);
			}
		}
	}
	xmlFreeDoc(doc);
}

/* ---- numbers as displayed ---- */

/* The shortest decimal that reads back as `v`, written without exponent
 * for magnitudes Excel's General shows that way (1E-10 … 1E+15). */
static void
fmt_general(struct strbuf *sb, double v)
{
	char buf[64], digits[32];
	int p, exp, nd = 0, i;
	char *e;

	if (v == 0) {
		strbuf_addch(sb, '0');
		return;
	}
	for (p = 1; p <= 17; p++) {
		snprintf(buf, sizeof(buf), "%.*e", p - 1, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	e = strchr(buf, 'e');
	exp = (int)strtol(e + 1, NULL, 10);
	for (i = 0; buf + i < e; i++)
		if (buf[i] >= '0' && buf[i] <= '9')
			digits[nd++] = buf[i];
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	if (v < 0)
		strbuf_addch(sb, '-');
	if (exp < -10 || exp > 15) {
		strbuf_addch(sb, digits[0]);
		if (nd > 1) {
			strbuf_addch(sb, '.');
			strbuf_add(sb, digits + 1, (size_t)nd - 1);
		}
		strbuf_addf(sb, "E%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
		return;
	}
	if (exp < 0) {
		strbuf_addstr(sb, "0.");
		for (i = -1; i > exp; i--)
			strbuf_addch(sb, '0');
		strbuf_add(sb, digits, (size_t)nd);
		return;
	}
	for (i = 0; i <= exp || i < nd; i++) {
		if (i == exp + 1)
			strbuf_addch(sb, '.');
		strbuf_addch(sb, i < nd ? digits[i] : '0');
	}
}

static void
fmt_date(struct strbuf *sb, double v, int date1904)
{
	long serial = (long)floor(v);
	GDate day;

	if (!date1904 && serial == 60) { /* Lotus's 1900-02-29, kept by Excel */
		strbuf_addstr(sb, "1900-02-29");
		return;
	}
	if (date1904)
		serial += -24107; /* 1904-01-01 is day -24107 */
	else if (serial < 60)
		serial += -25568; /* serial 1 = 1900-01-01 */
	else
		serial += -25569; /* 1899-12-30 + serial */
	g_date_clear(&day, 1);
	/* days since 1970-01-01 → GLib's, whose day 1 is 0001-01-01 */
	g_date_set_julian(&day, (guint32)(serial + 719163));
	strbuf_addf(sb, "%04d-%02d-%02d", g_date_get_year(&day), g_date_get_month(&day),
	            g_date_get_day(&day));
}

/* The format code with quoted text, escapes, [..] and _x *x removed. */
static char *
format_skeleton(const char *code)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	strbuf_addstr(&sb, "");
	for (p = code; *p; p++) {
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (p[1])
				p++;
		} else if (*p == '[') {
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
		} else if (*p == ';') {
			break;
		} else {
			strbuf_addch(&sb, *p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		}
	}
	return strbuf_detach(&sb);
}

static int
is_date_format(int id, const char *code)
{
	char *sk;
	int date;

	if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return 1;
	if (code == NULL || strstr(code, "General") || strstr(code, "general"))
		return 0;
	sk = format_skeleton(code);
	date = strchr(sk, 'y') || strchr(sk, 'd') ||
	       (strchr(sk, 'm') && !strchr(sk, 'h') && !strchr(sk, 's'));
	free(sk);
	return date;
}

static void
group_thousands(struct strbuf *sb, const char *intpart)
{
	size_t n = strlen(intpart), i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			strbuf_addch(sb, ',');
		strbuf_addch(sb, intpart[i]);
	}
}

/*
 * A number through a format code of the common shapes: literals around
 * one run of 0 # ? , . and an optional %.  Returns 0, or -1 when the code
 * is of another shape (the caller falls back on General).  Sets *rounded
 * when the display holds fewer digits than the value.
 */
static int
fmt_code(struct strbuf *sb, double v, const char *code, int *rounded)
{
	const char *sec = code, *p, *semi;
	struct strbuf pre = STRBUF_INIT, post = STRBUF_INIT;
	int percent = 0, group = 0, inrun = 0, after = 0, dot = 0, mind = 0, maxd = 0;
	int ret = 0, neg = v < 0;
	char num[400], *dp;
	double x;

	semi = strchr(code, ';');
	if (neg && semi) { /* a negative section: the sign is in its literals */
		sec = semi + 1;
		v = -v;
		neg = 0;
	}
	strbuf_addstr(&pre, "");
	strbuf_addstr(&post, "");
	for (p = sec; *p && *p != ';'; p++) {
		struct strbuf *lit;

		if (inrun && !strchr("0#?.,", *p)) {
			inrun = 0;
			after = 1;
		}
		lit = after ? &post : &pre;

		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				strbuf_addch(lit, *p);
			if (!*p)
				break;
		} else if (*p == '\\' && p[1]) {
			strbuf_addch(lit, *++p);
		} else if ((*p == '_' || *p == '*') && p[1]) {
			p++;
			if (*p == ')' || *p == ' ')
				strbuf_addch(lit, ' ');
		} else if (*p == '[') {
			const char *end = strchr(p, ']');

			if (!end)
				break;
			if (p[1] == '$') { /* [$¥-411]: the currency sign */
				const char *dash = memchr(p + 2, '-', (size_t)(end - p - 2));

				strbuf_add(lit, p + 2, (size_t)((dash ? dash : end) - p - 2));
			}
			p = end;
		} else if (strchr("0#?", *p)) {
			if (after) {
				ret = -1; /* two runs of digits: fractions, phone numbers… */
				break;
			}
			inrun = 1;
			if (dot) {
				maxd++;
				mind += *p == '0';
			}
		} else if (*p == '.' && inrun) {
			dot = 1;
		} else if (*p == ',' && inrun) {
			group = 1;
		} else if (*p == '%') {
			percent = 1;
			strbuf_addch(lit, '%');
		} else if (*p == 'E' || *p == 'e' || *p == '@' || *p == '/') {
			ret = -1;
			break;
		} else {
			strbuf_addch(lit, *p);
		}
	}
	if (ret == 0 && !inrun && !after) /* no digits at all */
		ret = -1;
	if (ret < 0)
		goto out;
	x = percent ? v * 100 : v;
	snprintf(num, sizeof(num), "%.*f", maxd, fabs(x));
	/* optional decimals (#) that are zero are not shown */
	if ((dp = strchr(num, '.')) != NULL) {
		size_t keep = strlen(num);

		while (keep > (size_t)(dp - num) + 1 + (size_t)mind && num[keep - 1] == '0')
			keep--;
		if (num[keep - 1] == '.')
			keep--;
		num[keep] = '\0';
	}
	if (fabs(strtod(num, NULL) - fabs(x)) > fabs(x) * 1e-12)
		*rounded = 1;
	if (neg && strtod(num, NULL) != 0)
		strbuf_addch(sb, '-');
	strbuf_addstr(sb, pre.buf);
	if (group) {
		dp = strchr(num, '.');
		if (dp)
			*dp = '\0';
		group_thousands(sb, num);
		if (dp) {
			strbuf_addch(sb, '.');
			strbuf_addstr(sb, dp + 1);
		}
	} else {
		strbuf_addstr(sb, num);
	}
	strbuf_addstr(sb, post.buf);
out:
	strbuf_release(&pre);
	strbuf_release(&post);
	return ret;
}

static const char *
builtin_code(int id)
{
	switch (id) {
	case 1:
		return "0";
	case 2:
		return "0.00";
	case 3:
	case 37:
	case 38:
		return "#,##0";
	case 4:
	case 39:
	case 40:
		return "#,##0.00";
	case 9:
		return "0%";
	case 10:
		return "0.00%";
	default:
		return NULL;
	}
}

static void
format_number(struct strbuf *sb, double v, int id, const char *custom, int date1904,
              unsigned *flags)
{
	const char *code = custom ? custom : builtin_code(id);
	int rounded = 0;

	if (is_date_format(id, custom) && v >= 0 && v < 2958466) {
		fmt_date(sb, v, date1904);
		*flags |= XLSX_DATE;
		return;
	}
	if (code && fmt_code(sb, v, code, &rounded) == 0) {
		if (rounded)
			*flags |= XLSX_ROUNDED;
		return;
	}
	fmt_general(sb, v);
}

char *
xlsx_format_number(double v, int id, const char *code, int date1904, unsigned *flags)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "");
	format_number(&sb, v, id, code, date1904, flags);
	return strbuf_detach(&sb);
}

static void
fmt_number(struct reader *r, struct strbuf *sb, double v, long xf, unsigned *flags)
{
	int id = xf >= 0 && (size_t)xf < r->nxf ? r->xf_fmt[xf] : 0;
	const char *custom = NULL;
	size_t i;

	for (i = 0; i < r->nfmts && custom == NULL; i++)
		if (r->fmts[i].id == id)
			custom = r->fmts[i].code;
	format_number(sb, v, id, custom, r->b->date1904, flags);
}

/* ---- sheets ---- */

/* "C12" → column 2, row 12.  0, or -1 when not a cell reference. */
static int
parse_ref(const char *s, size_t *col, long *row)
{
	size_t c = 0;
	long r = 0;
	int letters = 0;

	for (; *s >= 'A' && *s <= 'Z' && letters < 3; s++, letters++)
		c = c * 26 + (size_t)(*s - 'A' + 1);
	if (letters == 0 || c > 16384)
		return -1;
	for (; *s >= '0' && *s <= '9' && r <= 1048576; s++)
		r = r * 10 + (*s - '0');
	if (*s || r < 1 || r > 1048576)
		return -1;
	*col = c - 1;
	*row = r;
	return 0;
}

void
xlsx_cellref(char buf[16], size_t col, long row)
{
	char letters[4];
	int n = 0, i;

	col++;
	while (col > 0 && n < 3) {
		letters[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = letters[n - 1 - i];
	snprintf(buf + n, 16 - (size_t)n, "%ld", row);
}

char *
xlsx_location(const struct xlsxbook *b, const struct xlsxsheet *s, long row, size_t col)
{
	struct strbuf sb = STRBUF_INIT;
	char ref[16];

	xlsx_cellref(ref, col, row);
	strbuf_addf(&sb, "%s:%s!%s", b->path, s->name, ref);
	return strbuf_detach(&sb);
}

static int
truthy(xmlNodePtr n, const char *name)
{
	char *v = xmlio_attr(n, name);
	int t = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);

	xmlFree(v);
	return t;
}

static void
read_cell(struct reader *r, struct xlsxsheet *sh, struct xlsxrow *row, xmlNodePtr c, size_t col)
{
	char *t = xmlio_attr(c, "t"), *s = xmlio_attr(c, "s");
	xmlNodePtr k, v = NULL, is_ = NULL;
	struct strbuf sb = STRBUF_INIT;
	unsigned flags = 0;
	xmlChar *vtext = NULL;
	const char *type = t ? t : "n";

	strbuf_addstr(&sb, "");
	for (k = c->children; k; k = k->next) {
		if (xmlio_is(k, "f"))
			flags |= XLSX_FORMULA;
		else if (xmlio_is(k, "v"))
			v = k;
		else if (xmlio_is(k, "is"))
			is_ = k;
	}
	if (v)
		vtext = xmlNodeGetContent(v);
	if (strcmp(type, "inlineStr") == 0) {
		if (is_)
			rich_text(&sb, is_);
	} else if (vtext == NULL) {
		/* no value: an empty cell, or a formula never calculated */
	} else if (strcmp(type, "s") == 0) {
		char *end;
		long i = strtol((const char *)vtext, &end, 10);

		if (*end || i < 0 || (size_t)i >= r->nshared) {
			char *loc = xlsx_location(r->b, sh, row->row, col);

			r->failed = diag_error(r->d, loc, 0,
			                       "shared string %s does not exist: the workbook is "
			                       "damaged; open it in Excel and save it again",
			                       (const char *)vtext);
			free(loc);
		} else {
			strbuf_addstr(&sb, r->shared[i]);
		}
	} else if (strcmp(type, "str") == 0) {
		add_xstring(&sb, (const char *)vtext);
	} else if (strcmp(type, "b") == 0) {
		strbuf_addstr(&sb, strcmp((const char *)vtext, "1") == 0 ? "TRUE" : "FALSE");
	} else if (strcmp(type, "e") == 0) {
		strbuf_addstr(&sb, (const char *)vtext);
		flags |= XLSX_ERROR;
	} else if (strcmp(type, "d") == 0) { /* ISO 8601 (strict OOXML) */
		strbuf_add(&sb, vtext, strnlen((const char *)vtext, 10));
		flags |= XLSX_DATE;
	} else {
		char *end;
		double d = strtod((const char *)vtext, &end);

		if (*end || !isfinite(d) || end == (char *)vtext)
			strbuf_addstr(&sb, (const char *)vtext);
		else
			fmt_number(r, &sb, d, s ? strtol(s, NULL, 10) : 0, &flags);
	}
	xmlFree(vtext);
	xmlFree(t);
	xmlFree(s);
	if (sb.len == 0 && flags == 0) {
		strbuf_release(&sb);
		return;
	}
	if (col >= row->ncells) {
		row->cells = xreallocarray(row->cells, col + 1, sizeof(*row->cells));
		memset(row->cells + row->ncells, 0, (col + 1 - row->ncells) * sizeof(*row->cells));
		row->ncells = col + 1;
	}
	free(row->cells[col].text);
	row->cells[col].text = strbuf_detach(&sb);
	row->cells[col].flags = flags;
}

static void
read_sheet(struct reader *r, struct xlsxsheet *sh, const char *part)
{
	xmlDocPtr doc = load_part(r, part, 1);
	xmlNodePtr root, sec, rn, c;
	long lastrow = 0;
	size_t i, j;

	if (doc == NULL)
		return;
	root = xmlDocGetRootElement(doc);
	for (sec = root ? root->children : NULL; sec; sec = sec->next) {
		if (xmlio_is(sec, "sheetData")) {
			for (rn = sec->children; rn; rn = rn->next) {
				struct xlsxrow row;
				char *rs;
				size_t col = 0;

				if (!xmlio_is(rn, "row"))
					continue;
				memset(&row, 0, sizeof(row));
				rs = xmlio_attr(rn, "r");
				row.row = rs ? strtol(rs, NULL, 10) : lastrow + 1;
				xmlFree(rs);
				if (row.row <= lastrow || row.row > 1048576)
					row.row = lastrow + 1;
				lastrow = row.row;
				row.hidden = truthy(rn, "hidden");
				for (c = rn->children; c; c = c->next) {
					char *ref;
					long rr;

					if (!xmlio_is(c, "c"))
						continue;
					ref = xmlio_attr(c, "r");
					if (ref == NULL || parse_ref(ref, &col, &rr) < 0)
						col = row.ncells; /* r omitted: the next column */
					xmlFree(ref);
					read_cell(r, sh, &row, c, col);
					col++;
				}
				if (row.ncells == 0 && !row.hidden)
					continue;
				sh->rows =
				    xreallocarray(sh->rows, sh->nrows + 1, sizeof(*sh->rows));
				sh->rows[sh->nrows++] = row;
			}
		} else if (xmlio_is(sec, "mergeCells")) {
			for (c = sec->children; c; c = c->next) {
				char *ref;

				if (!xmlio_is(c, "mergeCell") ||
				    (ref = xmlio_attr(c, "ref")) == NULL)
					continue;
				sh->merged =
				    xreallocarray(sh->merged, sh->nmerged + 1, sizeof(*sh->merged));
				sh->merged[sh->nmerged++] = xstrdup(ref);
				xmlFree(ref);
			}
		}
	}
	xmlFreeDoc(doc);
	/* flag every cell of a merged range */
	for (i = 0; i < sh->nmerged; i++) {
		char a[16] = "", *colon = strchr(sh->merged[i], ':');
		size_t c1, c2;
		long r1, r2;

		if (!colon || (size_t)(colon - sh->merged[i]) >= sizeof(a))
			continue;
		memcpy(a, sh->merged[i], (size_t)(colon - sh->merged[i]));
		if (parse_ref(a, &c1, &r1) < 0 || parse_ref(colon + 1, &c2, &r2) < 0)
			continue;
		for (j = 0; j < sh->nrows; j++) {
			struct xlsxrow *row = &sh->rows[j];
			size_t k;

			if (row->row < r1 || row->row > r2)
				continue;
			for (k = c1; k <= c2 && k < row->ncells; k++)
				row->cells[k].flags |= XLSX_MERGED;
		}
	}
}

/* A relationship target → the zip entry name (targets are relative to xl/). */
static char *
part_name(const char *target)
{
	struct strbuf sb = STRBUF_INIT;

	if (target[0] == '/')
		strbuf_addstr(&sb, target + 1);
	else
		strbuf_addf(&sb, "xl/%s", target);
	return strbuf_detach(&sb);
}

static char *
rel_target(xmlDocPtr rels, const char *id, const char *type_suffix)
{
	xmlNodePtr n, root = rels ? xmlDocGetRootElement(rels) : NULL;
	char *found = NULL;

	for (n = root ? root->children : NULL; n && !found; n = n->next) {
		char *rid, *type, *target;
		size_t tl = type_suffix ? strlen(type_suffix) : 0;

		if (!xmlio_is(n, "Relationship"))
			continue;
		rid = xmlio_attr(n, "Id");
		type = xmlio_attr(n, "Type");
		target = xmlio_attr(n, "Target");
		if (target && ((id && rid && strcmp(rid, id) == 0) ||
		               (type_suffix && type && strlen(type) >= tl &&
		                strcmp(type + strlen(type) - tl, type_suffix) == 0)))
			found = part_name(target);
		xmlFree(rid);
		xmlFree(type);
		xmlFree(target);
	}
	return found;
}

static int
read_book(struct reader *r)
{
	xmlDocPtr wb = load_part(r, "xl/workbook.xml", 1);
	xmlDocPtr rels = wb ? load_part(r, "xl/_rels/workbook.xml.rels", 1) : NULL;
	xmlNodePtr root, sec, n;
	char *p;

	if (wb == NULL || rels == NULL) {
		xmlFreeDoc(wb);
		xmlFreeDoc(rels);
		return -1;
	}
	p = rel_target(rels, NULL, "/sharedStrings");
	load_shared(r, p ? p : "xl/sharedStrings.xml");
	free(p);
	p = rel_target(rels, NULL, "/styles");
	load_styles(r, p ? p : "xl/styles.xml");
	free(p);
	root = xmlDocGetRootElement(wb);
	for (sec = root ? root->children : NULL; sec; sec = sec->next) {
		if (xmlio_is(sec, "workbookPr"))
			r->b->date1904 = truthy(sec, "date1904");
		if (!xmlio_is(sec, "sheets"))
			continue;
		for (n = sec->children; n; n = n->next) {
			struct xlsxsheet *sh;
			char *name, *state, *rid;

			if (!xmlio_is(n, "sheet"))
				continue;
			name = xmlio_attr(n, "name");
			state = xmlio_attr(n, "state");
			rid = (char *)xmlGetNsProp(
			    n, (const xmlChar *)"id",
			    (const xmlChar *)"http://schemas.openxmlformats.org/officeDocument/"
			                     "2006/relationships");
			r->b->sheets =
			    xreallocarray(r->b->sheets, r->b->nsheets + 1, sizeof(*r->b->sheets));
			sh = &r->b->sheets[r->b->nsheets++];
			memset(sh, 0, sizeof(*sh));
			sh->name = xstrdup(name ? name : "");
			sh->hidden = state && strcmp(state, "visible") != 0;
			p = rid ? rel_target(rels, rid, NULL) : NULL;
			if (p && strstr(p, "worksheets/"))
				read_sheet(r, sh, p);
			free(p);
			xmlFree(name);
			xmlFree(state);
			xmlFree(rid);
		}
	}
	xmlFreeDoc(wb);
	xmlFreeDoc(rels);
	return r->failed;
}

static void
reader_release(struct reader *r)
{
	size_t i;

	for (i = 0; i < r->nshared; i++)
		free(r->shared[i]);
	free(r->shared);
	for (i = 0; i < r->nfmts; i++)
		free(r->fmts[i].code);
	free(r->fmts);
	free(r->xf_fmt);
}

static void
book_init(struct xlsxbook *b, const char *path)
{
	memset(b, 0, sizeof(*b));
	b->path = xstrdup(path);
	b->name = path_base(b->path);
}

int
xlsx_read_buffer(struct xlsxbook *b, const char *path, const void *raw, size_t len, struct diag *d)
{
	static const unsigned char ole2[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	struct reader r;
	zip_source_t *src;
	zip_error_t zerr;
	int ret;

	book_init(b, path);
	if (len >= 8 && memcmp(raw, ole2, 8) == 0)
		return diag_error(d, b->path, 0,
		                  "an Excel 97-2003 workbook (.xls) or a workbook protected by a "
		                  "password: it cannot be read; open it in Excel, remove the "
		                  "password if any, and save it as Excel Workbook (.xlsx)");
	if (len < 4 || memcmp(raw, "PK\x03\x04", 4) != 0)
		return diag_error(d, b->path, 0,
		                  "not an Excel workbook (.xlsx): open the file in Excel and save "
		                  "it as Excel Workbook (.xlsx) or as CSV UTF-8");
	memset(&r, 0, sizeof(r));
	r.b = b;
	r.d = d;
	zip_error_init(&zerr);
	src = zip_source_buffer_create(raw, len, 0, &zerr);
	if (src)
		r.zip = zip_open_from_source(src, ZIP_RDONLY, &zerr);
	if (r.zip == NULL) {
		ret = diag_error(d, b->path, 0,
		                 "the workbook is damaged (%s): open it in Excel and save it again",
		                 zip_error_strerror(&zerr));
		zip_source_free(src);
		zip_error_fini(&zerr);
		return ret;
	}
	zip_error_fini(&zerr);
	ret = read_book(&r);
	zip_discard(r.zip);
	reader_release(&r);
	return ret;
}

int
xlsx_read_file(struct xlsxbook *b, const char *path, struct diag *d)
{
	FILE *fp = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;
	int ret;

	if (fp == NULL) {
		book_init(b, path);
		return diag_error(d, path, 0, "cannot open: %s", strerror(errno));
	}
	strbuf_init(&sb, 0);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		if (n > CSVREAD_MAX_FILE - sb.len)
			break;
		strbuf_add(&sb, buf, n);
	}
	if (ferror(fp) || !feof(fp)) {
		int e = ferror(fp) ? errno : EFBIG;

		fclose(fp);
		strbuf_release(&sb);
		book_init(b, path);
		return e == EFBIG
		           ? diag_error(d, path, 0, "file larger than %d bytes", CSVREAD_MAX_FILE)
		           : diag_error(d, path, 0, "cannot read: %s", strerror(e));
	}
	fclose(fp);
	ret = xlsx_read_buffer(b, path, sb.buf ? sb.buf : "", sb.len, d);
	strbuf_release(&sb);
	return ret;
}

void
xlsxbook_release(struct xlsxbook *b)
{
	size_t i, j, k;

	for (i = 0; i < b->nsheets; i++) {
		struct xlsxsheet *s = &b->sheets[i];

		for (j = 0; j < s->nrows; j++) {
			for (k = 0; k < s->rows[j].ncells; k++)
				free(s->rows[j].cells[k].text);
			free(s->rows[j].cells);
		}
		for (j = 0; j < s->nmerged; j++)
			free(s->merged[j]);
		free(s->rows);
		free(s->merged);
		free(s->name);
	}
	free(b->sheets);
	free(b->path);
	memset(b, 0, sizeof(*b));
}

/* ---- one sheet as ingest's input ---- */

/* As csvread cleans a CSV cell: line ends → "\n", other control
 * characters → 〓 (counted in *ctrl), NFC, trimmed.  New string. */
static char *
clean(const char *s, size_t *ctrl)
{
	struct strbuf sb = STRBUF_INIT;
	char *nfc, *out;

	strbuf_addstr(&sb, "");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\r') {
			strbuf_addch(&sb, '\n');
			if (s[1] == '\n')
				s++;
		} else if (c == '\n' || c == '\t') {
			strbuf_addch(&sb, (char)c);
		} else if (c < 0x20 || c == 0x7F) {
			strbuf_addstr(&sb, "\xE3\x80\x93"); /* 〓 U+3013 */
			(*ctrl)++;
		} else {
			strbuf_addch(&sb, (char)c);
		}
	}
	nfc = nfc_dup(sb.buf);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, nfc ? nfc : "");
	free(nfc);
	strbuf_trim(&sb);
	out = strbuf_detach(&sb);
	return out ? out : xstrdup("");
}

static void
warn_at(struct diag *d, const struct xlsxbook *b, const struct xlsxsheet *s, long row, size_t col,
        const char *fmt, const char *arg)
{
	char *loc = xlsx_location(b, s, row, col);

	diag_add(d, DIAG_WARNING, loc, 0, NULL, NULL, fmt, arg);
	free(loc);
}

int
xlsx_sheet_csvfile(const struct xlsxbook *b, const struct xlsxsheet *s, struct csvfile *f,
                   struct diag *d)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, j, errors = d->errors;

	memset(f, 0, sizeof(*f));
	strbuf_addf(&sb, "%s:%s", b->path, s->name);
	f->path = strbuf_detach(&sb);
	f->name = f->path + (b->name - b->path);
	f->enc = SJIS_UTF8;
	f->eol = "LF";
	f->readable = 1;
	f->sheet = 1;
	for (i = 0; i < s->nmerged; i++) {
		char a[16] = "";
		const char *colon = strchr(s->merged[i], ':');
		size_t n = colon ? (size_t)(colon - s->merged[i]) : strlen(s->merged[i]);
		size_t col = 0;
		long row = 1;

		memcpy(a, s->merged[i], n < sizeof(a) ? n : sizeof(a) - 1);
		if (parse_ref(a, &col, &row) < 0)
			col = 0, row = 1;
		warn_at(d, b, s, row, col,
		        "cells %s are merged; only the first cell's text is read: unmerge them "
		        "and fill in each cell",
		        s->merged[i]);
	}
	for (i = 0; i < s->nrows; i++) {
		const struct xlsxrow *xr = &s->rows[i];
		struct csvrow row;
		size_t ctrl = 0, first = SIZE_MAX;

		memset(&row, 0, sizeof(row));
		row.line = xr->row;
		row.cells = xcalloc(xr->ncells ? xr->ncells : 1, sizeof(*row.cells));
		for (j = 0; j < xr->ncells; j++) {
			const struct xlsxcell *c = &xr->cells[j];

			row.cells[j] = clean(c->text ? c->text : "", &ctrl);
			if (row.cells[j][0]) {
				row.ncells = j + 1;
				if (first == SIZE_MAX)
					first = j;
			}
			if ((c->flags & XLSX_FORMULA) && row.cells[j][0])
				warn_at(
				    d, b, s, xr->row, j,
				    "the cell holds a formula; the value Excel last saved is read "
				    "('%s'): type the value itself if it may have changed",
				    row.cells[j]);
			if (c->flags & XLSX_ERROR)
				warn_at(d, b, s, xr->row, j,
				        "the cell shows the error value %s: correct the formula or "
				        "type the value",
				        row.cells[j]);
			if (c->flags & XLSX_ROUNDED)
				warn_at(d, b, s, xr->row, j,
				        "the number is read as displayed ('%s'), with fewer digits "
				        "than "
				        "the cell holds: widen the cell's number format if more "
				        "digits are meant",
				        row.cells[j]);
		}
		for (j = row.ncells; j < xr->ncells; j++)
			free(row.cells[j]);
		if (row.ncells == 0) {
			free(row.cells);
			continue;
		}
		if (xr->hidden) {
			char num[32];

			snprintf(num, sizeof(num), "%ld", xr->row);
			warn_at(d, b, s, xr->row, first,
			        "row %s is hidden in Excel but read like the others: delete it if "
			        "it does not belong in the submission",
			        num);
		}
		if (ctrl) {
			char count[32];

			snprintf(count, sizeof(count), "%zu", ctrl);
			warn_at(d, b, s, xr->row, first,
			        "%s control character(s) replaced by 〓 (U+3013)", count);
		}
		f->rows = xreallocarray(f->rows, f->nrows + 1, sizeof(*f->rows));
		f->rows[f->nrows++] = row;
	}
	f->alloc = f->nrows;
	f->errors = d->errors - errors;
	return f->errors ? -1 : 0;
}
