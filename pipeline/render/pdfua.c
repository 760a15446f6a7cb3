/*
 * pdfua: cairo's PDF finished for PDF/UA-1 (pdfua.h), one object at a time.
 *
 * Pass 1 reads cairo's cross-reference table and each object once, keeping
 * only small facts: the type of each structure element and the objects it
 * holds, each page's content streams and annotations, the page tree, the
 * objects that are a stream's /Length.  From them it decides every edit
 * (what pdfua.h lists) by walking the structure tree and the page tree as
 * numbers.  Pass 2 reads each object again, writes it with its edits
 * (objects renumbered densely, the Private elements and the separate
 * /Length objects left out), then the XMP metadata, the cross-reference
 * table and the trailer.  Memory is that of the facts (a few machine words
 * per object) and of the largest object, not of the document.
 *
 * cairo's PDF is one revision with a classic xref table (cairo 1.16 writes
 * no object streams); anything else is refused with a message.
 */
#include "pdfua.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <zlib.h>

#include "strbuf.h"
#include "xmem.h"

/* ---- one object, parsed ---- */

enum ntype { N_NULL, N_KEYWORD, N_NUM, N_NAME, N_STR, N_ARR, N_DICT, N_REF };

struct node {
	enum ntype t;
	const char *s; /* its text in the object's bytes (scalars) */
	size_t len;
	long num; /* N_REF: object number */
	int kid;  /* N_ARR, N_DICT: first item (a dict: key, value, key, …) */
	int next; /* the next item of the array or dict holding it, or -1 */
};

struct parser {
	const char *p, *end;
	GArray *nodes; /* struct node */
	const char *err;
	int depth; /* arrays and dictionaries open */
};

#define NODE(ps, i) (&g_array_index((ps)->nodes, struct node, (i)))

static int
is_space(int c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static int
is_delim(int c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
	       c == '}' || c == '/' || c == '%';
}

static void
skip_space(struct parser *ps)
{
	while (ps->p < ps->end) {
		if (is_space((unsigned char)*ps->p))
			ps->p++;
		else if (*ps->p == '%')
			while (ps->p < ps->end && *ps->p != '\n' && *ps->p != '\r')
				ps->p++;
		else
			break;
	}
}

static const char *
token_end(const char *p, const char *end)
{
	while (p < end && !is_space((unsigned char)*p) && !is_delim((unsigned char)*p))
		p++;
	return p;
}

static int
new_node(struct parser *ps, enum ntype t, const char *s, size_t len)
{
	struct node n = {t, s, len, 0, -1, -1};

	g_array_append_val(ps->nodes, n);
	return (int)ps->nodes->len - 1;
}

/* An unsigned integer token at p, followed by space: its value, p moved. */
static int
read_uint(const char **pp, const char *end, long *v)
{
	const char *p = *pp;
	long n = 0;

	if (p >= end || *p < '0' || *p > '9')
		return -1;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		if (n > (LONG_MAX - 9) / 10)
			return -1; /* no object number */
		n = n * 10 + (*p - '0');
	}
	if (p < end && !is_space((unsigned char)*p) && !is_delim((unsigned char)*p))
		return -1;
	*v = n;
	*pp = p;
	return 0;
}

static int parse_value(struct parser *ps);

/* Items up to `close` (']' or '>>'), linked from node `n`. */
static int
parse_items(struct parser *ps, int n, const char *close)
{
	int last = -1;

	for (;;) {
		int k;

		skip_space(ps);
		if (ps->p >= ps->end) {
			ps->err = "unterminated array or dictionary";
			return -1;
		}
		if (strncmp(ps->p, close, strlen(close)) == 0) {
			ps->p += strlen(close);
			return n;
		}
		if ((k = parse_value(ps)) < 0)
			return -1;
		if (last < 0)
			NODE(ps, n)->kid = k;
		else
			NODE(ps, last)->next = k;
		last = k;
	}
}

static int
parse_value(struct parser *ps)
{
	const char *s = ps->p, *e;
	int depth = 0, r;
	long num, gen;

	skip_space(ps);
	s = ps->p;
	if (s >= ps->end) {
		ps->err = "unexpected end of object";
		return -1;
	}
	if ((*s == '[' || (ps->end - s >= 2 && s[0] == '<' && s[1] == '<')) && ps->depth >= 256) {
		ps->err = "arrays or dictionaries nested too deep";
		return -1;
	}
	if (ps->end - s >= 2 && s[0] == '<' && s[1] == '<') {
		ps->p += 2;
		ps->depth++;
		r = parse_items(ps, new_node(ps, N_DICT, s, 0), ">>");
		ps->depth--;
		return r;
	}
	if (*s == '[') {
		ps->p++;
		ps->depth++;
		r = parse_items(ps, new_node(ps, N_ARR, s, 0), "]");
		ps->depth--;
		return r;
	}
	if (*s == '<') {
		e = memchr(s, '>', (size_t)(ps->end - s));
		if (e == NULL) {
			ps->err = "unterminated hexadecimal string";
			return -1;
		}
		ps->p = e + 1;
		return new_node(ps, N_STR, s, (size_t)(ps->p - s));
	}
	if (*s == '(') {
		for (e = s; e < ps->end; e++) {
			if (*e == '\\')
				e++;
			else if (*e == '(')
				depth++;
			else if (*e == ')' && --depth == 0)
				break;
		}
		if (e >= ps->end) {
			ps->err = "unterminated string";
			return -1;
		}
		ps->p = e + 1;
		return new_node(ps, N_STR, s, (size_t)(ps->p - s));
	}
	if (*s == '/') {
		ps->p = token_end(s + 1, ps->end);
		return new_node(ps, N_NAME, s, (size_t)(ps->p - s));
	}
	e = token_end(s, ps->end);
	if (e == s) {
		ps->err = "unexpected delimiter";
		return -1;
	}
	/* "N G R" is one value */
	if (read_uint(&s, e, &num) == 0) {
		const char *q = e;

		while (q < ps->end && is_space((unsigned char)*q))
			q++;
		if (read_uint(&q, ps->end, &gen) == 0) {
			while (q < ps->end && is_space((unsigned char)*q))
				q++;
			if (q < ps->end && *q == 'R' && token_end(q, ps->end) == q + 1) {
				int n = new_node(ps, N_REF, ps->p, (size_t)(q + 1 - ps->p));

				NODE(ps, n)->num = num;
				ps->p = q + 1;
				return n;
			}
		}
		s = ps->p;
	}
	ps->p = e;
	if (*s == '+' || *s == '-' || *s == '.' || (*s >= '0' && *s <= '9')) {
		int n = new_node(ps, N_NUM, s, (size_t)(e - s));

		NODE(ps, n)->num = strtol(s, NULL, 10);
		return n;
	}
	if (e - s == 4 && memcmp(s, "null", 4) == 0)
		return new_node(ps, N_NULL, s, 4);
	return new_node(ps, N_KEYWORD, s, (size_t)(e - s));
}

/* The value of `key` in dict `d`, or -1. */
static int
dict_get(struct parser *ps, int d, const char *key)
{
	size_t kl = strlen(key);
	int k;

	if (d < 0 || NODE(ps, d)->t != N_DICT)
		return -1;
	for (k = NODE(ps, d)->kid; k >= 0 && NODE(ps, k)->next >= 0;
	     k = NODE(ps, NODE(ps, k)->next)->next)
		if (NODE(ps, k)->len == kl && memcmp(NODE(ps, k)->s, key, kl) == 0)
			return NODE(ps, k)->next;
	return -1;
}

static int
name_is(struct parser *ps, int n, const char *name)
{
	return n >= 0 && NODE(ps, n)->t == N_NAME && NODE(ps, n)->len == strlen(name) &&
	       memcmp(NODE(ps, n)->s, name, NODE(ps, n)->len) == 0;
}

/* ---- facts of pass 1 ---- */

enum kind { O_OTHER, O_ELEM, O_PAGE, O_PAGES, O_LINK, O_ROOT, O_DROP };

struct obj {
	long off; /* in cairo's file, 0: no object */
	union {
		long ival;     /* an integer object's value */
		long contents; /* O_PAGE: its /Contents, one stream; the catalogue: /Pages */
	};
	long newnum;          /* pass 2's number, 0: left out */
	uint32_t len;         /* bytes up to the next object or the xref table */
	int stype;            /* O_ELEM: index in f->types */
	unsigned refs, nrefs; /* O_ELEM, O_ROOT: /K; O_PAGE: /Annots; O_PAGES: /Kids */
	/* pass 1's decisions (an object per 30 bytes of cairo's PDF: kept
	 * small, 64 bytes, as 557,000 of them are held at once at 100×) */
	int lang;              /* O_ELEM: 1 + its index in info->elangs, 0: none */
	int alt;               /* a Figure: 1 + its index in info->alts, 0: none */
	int note;              /* a Note: its number */
	int link;              /* link annotation: 1 + its index */
	unsigned char kind;    /* enum kind */
	unsigned char scope;   /* TH: 1 column, 2 row */
	unsigned char tabs;    /* page with annotations */
	unsigned char content; /* a page's content stream */
	unsigned char seen;    /* walked: 1 the structure tree, 2 the page tree */
};

struct fix {
	FILE *in;
	const struct pdfua_info *info;
	struct obj *o;
	long nobj;
	GArray *refs;     /* long: object numbers, ranges of struct obj */
	GPtrArray *types; /* structure types met ("P", "Private", …) */
	GHashTable *type_ix;
	long root, info_obj, xref;
	long *order; /* object numbers in file order */
	char *buf;   /* one object's bytes */
	size_t bufcap;
	long pos; /* where `in` reads next if the last read was read_object's, or -1 */
	size_t elem, alt, note, link;
	int elems_ok;
	char err[256];
};

static int fail(struct fix *f, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static int
fail(struct fix *f, const char *fmt, ...)
{
	va_list ap;

	if (!*f->err) {
		va_start(ap, fmt);
		vsnprintf(f->err, sizeof(f->err), fmt, ap);
		va_end(ap);
	}
	return -1;
}

static struct obj *
obj_at(struct fix *f, long n)
{
	return n > 0 && n < f->nobj && f->o[n].off > 0 ? &f->o[n] : NULL;
}

static int
type_is(struct fix *f, long n, const char *t)
{
	struct obj *o = obj_at(f, n);

	return o && o->kind == O_ELEM && strcmp(g_ptr_array_index(f->types, o->stype), t) == 0;
}

/* cairo's xref table: each object's offset, and the trailer's /Root, /Info. */
static int
read_xref(struct fix *f)
{
	char tail[64], *p;
	long first, count, i, off, gen, size;
	char type;
	size_t n;

	if (fseek(f->in, -(long)sizeof(tail) + 1, SEEK_END) != 0)
		return fail(f, "cairo's PDF is too short");
	n = fread(tail, 1, sizeof(tail) - 1, f->in);
	tail[n] = '\0';
	size = ftell(f->in);
	if ((p = strstr(tail, "startxref")) == NULL)
		return fail(f, "cairo's PDF has no startxref");
	f->xref = strtol(p + 9, NULL, 10);
	if (f->xref <= 0 || fseek(f->in, f->xref, SEEK_SET) != 0 ||
	    fscanf(f->in, " xref %ld %ld", &first, &count) != 2 || first != 0 || count <= 0 ||
	    count > (size - f->xref) / 20) /* an entry is 20 bytes */
		return fail(f, "cairo's PDF has no xref table where startxref says");
	f->nobj = count;
	f->o = xcalloc((size_t)count, sizeof(*f->o));
	for (i = 0; i < count; i++) {
		if (fscanf(f->in, " %ld %ld %c", &off, &gen, &type) != 3)
			return fail(f, "cairo's xref table is cut short");
		if (type == 'n')
			f->o[i].off = off;
	}
	for (;;) {
		char word[32];

		if (fscanf(f->in, " %31s", word) != 1)
			return fail(f, "cairo's PDF has no trailer /Root");
		if (strcmp(word, "/Root") == 0 && fscanf(f->in, " %ld", &f->root) != 1)
			return fail(f, "cairo's trailer /Root is not a reference");
		if (strcmp(word, "/Info") == 0 && fscanf(f->in, " %ld", &f->info_obj) != 1)
			return fail(f, "cairo's trailer /Info is not a reference");
		if (strcmp(word, ">>") == 0)
			break;
	}
	if (!obj_at(f, f->root))
		return fail(f, "cairo's trailer has no /Root");
	return 0;
}

static int
by_offset(const void *a, const void *b, void *data)
{
	const struct obj *o = data;
	long x = o[*(const long *)a].off, y = o[*(const long *)b].off;

	return (x > y) - (x < y);
}

/* The objects in file order, each one's length up to the next. */
static int
order_objects(struct fix *f)
{
	long i, n = 0;

	f->order = xcalloc((size_t)f->nobj, sizeof(*f->order));
	for (i = 1; i < f->nobj; i++)
		if (f->o[i].off > 0) {
			if (f->o[i].off >= f->xref) /* its length would be negative */
				return fail(f, "object %ld of cairo's PDF is not before its xref",
				            i);
			f->order[n++] = i;
		}
	g_qsort_with_data(f->order, (gint)n, sizeof(*f->order), by_offset, f->o);
	for (i = 0; i < n; i++) {
		long len =
		    (i + 1 < n ? f->o[f->order[i + 1]].off : f->xref) - f->o[f->order[i]].off;

		if (len > (long)UINT32_MAX)
			return fail(f, "object %ld of cairo's PDF is larger than 4 GiB",
			            f->order[i]);
		f->o[f->order[i]].len = (uint32_t)len;
	}
	return 0;
}

/* Reads object `n` and parses its value (a stream: its dictionary) into ps;
 * *data, *dlen: where a stream's bytes begin in f->buf, and how many the
 * object holds after "stream" (its /Length decides). Returns the root node. */
static int
read_object(struct fix *f, long n, struct parser *ps, const char **data)
{
	struct obj *o = &f->o[n];
	long num, gen;
	int v;

	if (o->len + 1 > f->bufcap) {
		f->bufcap = o->len + 1;
		f->buf = xrealloc(f->buf, f->bufcap);
	}
	/* the passes read the objects in file order, each one's bytes up to
	 * the next: no fseek (a system call each) between two of them */
	if ((o->off != f->pos && fseek(f->in, o->off, SEEK_SET) != 0) ||
	    fread(f->buf, 1, o->len, f->in) != o->len) {
		f->pos = -1;
		return fail(f, "cannot read object %ld of cairo's PDF", n);
	}
	f->pos = o->off + (long)o->len;
	f->buf[o->len] = '\0';
	g_array_set_size(ps->nodes, 0);
	ps->p = f->buf;
	ps->end = f->buf + o->len;
	ps->err = NULL;
	ps->depth = 0;
	skip_space(ps);
	if (read_uint(&ps->p, ps->end, &num) < 0 || num != n ||
	    (skip_space(ps), read_uint(&ps->p, ps->end, &gen)) < 0 ||
	    (skip_space(ps), strncmp(ps->p, "obj", 3)) != 0)
		return fail(f, "object %ld of cairo's PDF is not where its xref says", n);
	ps->p += 3;
	if ((v = parse_value(ps)) < 0)
		return fail(f, "object %ld of cairo's PDF: %s", n, ps->err);
	skip_space(ps);
	*data = NULL;
	if (ps->end - ps->p >= 6 && memcmp(ps->p, "stream", 6) == 0) {
		ps->p += 6;
		if (*ps->p == '\r')
			ps->p++;
		if (*ps->p == '\n')
			ps->p++;
		*data = ps->p;
	}
	return v;
}

/* The object numbers in array `a` (or the one reference `a`), appended. */
static void
add_refs(struct fix *f, struct parser *ps, int a, unsigned *start, unsigned *count)
{
	int k;

	*start = f->refs->len;
	if (a >= 0 && NODE(ps, a)->t == N_REF)
		g_array_append_val(f->refs, NODE(ps, a)->num);
	if (a >= 0 && NODE(ps, a)->t == N_ARR)
		for (k = NODE(ps, a)->kid; k >= 0; k = NODE(ps, k)->next)
			if (NODE(ps, k)->t == N_REF)
				g_array_append_val(f->refs, NODE(ps, k)->num);
	*count = f->refs->len - *start;
}

static int
intern_type(struct fix *f, struct parser *ps, int s)
{
	char *t = g_strndup(NODE(ps, s)->s + 1, NODE(ps, s)->len - 1);
	gpointer ix;

	if (g_hash_table_lookup_extended(f->type_ix, t, NULL, &ix)) {
		g_free(t);
		return GPOINTER_TO_INT(ix);
	}
	g_ptr_array_add(f->types, t);
	g_hash_table_insert(f->type_ix, t, GINT_TO_POINTER(f->types->len - 1));
	return (int)f->types->len - 1;
}

/* Pass 1: the facts of object n. */
static int
learn(struct fix *f, long n, struct parser *ps)
{
	struct obj *o = &f->o[n];
	const char *data;
	int v = read_object(f, n, ps, &data), t, x;

	if (v < 0)
		return -1;
	if (NODE(ps, v)->t == N_NUM)
		o->ival = NODE(ps, v)->num;
	if (NODE(ps, v)->t != N_DICT)
		return 0;
	if (data && (x = dict_get(ps, v, "/Length")) >= 0 && NODE(ps, x)->t == N_REF &&
	    obj_at(f, NODE(ps, x)->num))
		f->o[NODE(ps, x)->num].kind = O_DROP; /* written direct */
	t = dict_get(ps, v, "/Type");
	if (n == f->root && (x = dict_get(ps, v, "/Pages")) >= 0 && NODE(ps, x)->t == N_REF)
		o->contents = NODE(ps, x)->num; /* the page tree */
	if (name_is(ps, t, "/StructElem") && (x = dict_get(ps, v, "/S")) >= 0 &&
	    NODE(ps, x)->t == N_NAME) {
		o->kind = O_ELEM;
		o->stype = intern_type(f, ps, x);
		add_refs(f, ps, dict_get(ps, v, "/K"), &o->refs, &o->nrefs);
	} else if (name_is(ps, t, "/StructTreeRoot")) {
		o->kind = O_ROOT;
		add_refs(f, ps, dict_get(ps, v, "/K"), &o->refs, &o->nrefs);
	} else if (name_is(ps, t, "/Page")) {
		o->kind = O_PAGE;
		add_refs(f, ps, dict_get(ps, v, "/Annots"), &o->refs, &o->nrefs);
		if ((x = dict_get(ps, v, "/Contents")) >= 0 && NODE(ps, x)->t == N_REF)
			o->contents = NODE(ps, x)->num;
		else if (x >= 0)
			return fail(f, "page object %ld: /Contents is not one stream", n);
	} else if (name_is(ps, t, "/Pages")) {
		o->kind = O_PAGES;
		add_refs(f, ps, dict_get(ps, v, "/Kids"), &o->refs, &o->nrefs);
	} else if (name_is(ps, dict_get(ps, v, "/Subtype"), "/Link")) {
		o->kind = O_LINK;
	}
	return 0;
}

static long
ref_at(struct fix *f, unsigned i)
{
	return g_array_index(f->refs, long, i);
}

/* The structure tree depth first, in the order of /K (that of cairo's
 * tags): draw.c's element types, so each /Lang, /Alt, /ID, /Scope. */
static void
walk(struct fix *f, long n, int depth)
{
	const struct pdfua_info *in = f->info;
	struct obj *o = obj_at(f, n);
	const char *s;
	unsigned i;
	int all_th = 1;

	if (o == NULL || depth > 1000 || (o->seen & 1))
		return; /* a node met twice (a corrupt file) is walked once */
	o->seen |= 1;
	if (o->kind == O_ELEM) {
		size_t k = f->elem++;

		s = g_ptr_array_index(f->types, o->stype);
		/* draw.c's elements in begin order: the same type at the same place */
		if (k >= in->nelems || strcmp(s, in->etags[k]) != 0)
			f->elems_ok = 0;
		else if (f->elems_ok && in->elangs && in->elangs[k])
			o->lang = (int)k + 1;
		if (strcmp(s, "Figure") == 0 && f->alt < in->nalts)
			o->alt = (int)++f->alt;
		if (strcmp(s, "Note") == 0)
			o->note = (int)++f->note;
		if (strcmp(s, "Private") == 0)
			o->kind = O_DROP;
	}
	for (i = 0; i < o->nrefs; i++)
		if (obj_at(f, ref_at(f, o->refs + i)) &&
		    f->o[ref_at(f, o->refs + i)].kind == O_ELEM)
			walk(f, ref_at(f, o->refs + i), depth + 1);
	if (o->kind != O_ELEM || strcmp(g_ptr_array_index(f->types, o->stype), "TR") != 0)
		return;
	/* a row of headers heads columns; a header beside data heads its row */
	for (i = 0; i < o->nrefs; i++)
		if (!type_is(f, ref_at(f, o->refs + i), "TH") &&
		    !type_is(f, ref_at(f, o->refs + i), "Private") &&
		    !(obj_at(f, ref_at(f, o->refs + i)) &&
		      f->o[ref_at(f, o->refs + i)].kind == O_DROP))
			all_th = 0;
	for (i = 0; i < o->nrefs; i++)
		if (type_is(f, ref_at(f, o->refs + i), "TH"))
			f->o[ref_at(f, o->refs + i)].scope = all_th ? 1 : 2;
}

/* The page tree in order: contents, /Tabs, each link's text. */
static void
walk_pages(struct fix *f, long n, int depth)
{
	struct obj *o = obj_at(f, n);
	unsigned i;

	if (o == NULL || depth > 100 || (o->seen & 2))
		return;
	o->seen |= 2;
	if (o->kind == O_PAGES)
		for (i = 0; i < o->nrefs; i++)
			walk_pages(f, ref_at(f, o->refs + i), depth + 1);
	if (o->kind != O_PAGE)
		return;
	if (obj_at(f, o->contents))
		f->o[o->contents].content = 1;
	o->tabs = o->nrefs > 0;
	for (i = 0; i < o->nrefs; i++) {
		struct obj *a = obj_at(f, ref_at(f, o->refs + i));

		if (a && a->kind == O_LINK)
			a->link = (int)++f->link;
	}
}

/* ---- pass 2: writing ---- */

struct out {
	FILE *fp;
	long pos;
	GChecksum *md5;
	int err; /* errno of the first failed write */
};

static void
put(struct out *w, const void *s, size_t len)
{
	if (len == 0)
		return;
	if (fwrite(s, 1, len, w->fp) != len && !w->err)
		w->err = errno ? errno : EIO;
	if (w->md5)
		g_checksum_update(w->md5, s, (gssize)len); /* for /ID */
	w->pos += (long)len;
}

static void
puts_(struct out *w, const char *s)
{
	put(w, s, strlen(s));
}

static void G_GNUC_PRINTF(2, 3) putf(struct out *w, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	put(w, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* A text string: (ASCII) as it is, else UTF-16BE in hex, as PDF wants. */
static char *
text_string(const char *s)
{
	struct strbuf sb;
	const char *p;
	gunichar2 *u;
	glong i, n;

	strbuf_init(&sb, 64);
	for (p = s; *p && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f; p++)
		;
	if (!*p) {
		strbuf_addch(&sb, '(');
		for (p = s; *p; p++) {
			if (*p == '(' || *p == ')' || *p == '\\')
				strbuf_addch(&sb, '\\');
			strbuf_addch(&sb, *p);
		}
		strbuf_addch(&sb, ')');
		return strbuf_detach(&sb);
	}
	u = g_utf8_to_utf16(s, -1, NULL, &n, NULL);
	strbuf_addstr(&sb, "<FEFF");
	for (i = 0; u && i < n; i++)
		strbuf_addf(&sb, "%04X", (unsigned)u[i]);
	strbuf_addch(&sb, '>');
	g_free(u);
	return strbuf_detach(&sb);
}

/* Keys set anew on one dictionary. */
struct edits {
	const char *key[6];
	char *val[6];
	int n;
	int elem; /* a structure element: /K without Private kids */
};

static void
edit(struct edits *e, const char *key, char *val)
{
	e->key[e->n] = key;
	e->val[e->n++] = val;
}

static void write_value(struct fix *f, struct out *w, struct parser *ps, int v, int kids);

static int
dropped(struct fix *f, long n)
{
	struct obj *o = obj_at(f, n);

	return o == NULL || o->newnum == 0;
}

static void
write_dict(struct fix *f, struct out *w, struct parser *ps, int v, const struct edits *e)
{
	int k, i;

	puts_(w, "<<");
	for (k = NODE(ps, v)->kid; k >= 0 && NODE(ps, k)->next >= 0;
	     k = NODE(ps, NODE(ps, k)->next)->next) {
		const struct node *key = NODE(ps, k);
		int val = key->next, skip = 0;

		for (i = 0; e && i < e->n; i++)
			skip |= key->len == strlen(e->key[i]) &&
			        memcmp(key->s, e->key[i], key->len) == 0;
		if (skip)
			continue;
		puts_(w, " ");
		put(w, key->s, key->len);
		puts_(w, " ");
		if (e && e->elem && key->len == 2 && memcmp(key->s, "/K", 2) == 0 &&
		    NODE(ps, val)->t == N_REF && dropped(f, NODE(ps, val)->num)) {
			puts_(w, "[ ]"); /* its one kid left out: none */
		} else if (e && e->elem && key->len == 2 && memcmp(key->s, "/K", 2) == 0 &&
		           NODE(ps, val)->t == N_DICT) {
			puts_(w, "[ "); /* one kid: an array of one */
			write_value(f, w, ps, val, 0);
			puts_(w, " ]");
		} else {
			write_value(f, w, ps, val,
			            e && e->elem && key->len == 2 && memcmp(key->s, "/K", 2) == 0);
		}
	}
	for (i = 0; e && i < e->n; i++) {
		puts_(w, " ");
		puts_(w, e->key[i]);
		puts_(w, " ");
		puts_(w, e->val[i]);
	}
	puts_(w, " >>");
}

/* Value v; kids: it is an element's /K, whose left-out elements go (a
 * reference to one anywhere else becomes null, as in the parent tree). */
static void
write_value(struct fix *f, struct out *w, struct parser *ps, int v, int kids)
{
	const struct node *n = NODE(ps, v);
	int k;

	switch (n->t) {
	case N_DICT:
		write_dict(f, w, ps, v, NULL);
		break;
	case N_ARR:
		puts_(w, "[");
		for (k = n->kid; k >= 0; k = NODE(ps, k)->next) {
			if (kids && NODE(ps, k)->t == N_REF && dropped(f, NODE(ps, k)->num))
				continue;
			puts_(w, " ");
			write_value(f, w, ps, k, 0);
		}
		puts_(w, " ]");
		break;
	case N_REF:
		if (dropped(f, n->num))
			puts_(w, "null");
		else
			putf(w, "%ld 0 R", f->o[n->num].newnum);
		break;
	default:
		put(w, n->s, n->len);
	}
}

/* "/Private << /MCID n >> BDC" → "/Artifact BMC" in a page's content. */
static int
artifacts(struct fix *f, long n, const unsigned char *z, size_t zlen, struct strbuf *out)
{
	static const char pat[] = "/Private << /MCID ";
	struct strbuf raw, sb;
	z_stream zs = {0};
	unsigned char chunk[16384];
	uLongf clen;
	size_t i = 0;
	int r = Z_OK;

	if (inflateInit(&zs) != Z_OK)
		return fail(f, "zlib: %s", zs.msg ? zs.msg : "inflateInit");
	strbuf_init(&raw, zlen * 4 + 64);
	zs.next_in = (Bytef *)z;
	zs.avail_in = (uInt)zlen;
	do {
		zs.next_out = chunk;
		zs.avail_out = sizeof(chunk);
		r = inflate(&zs, Z_NO_FLUSH);
		strbuf_add(&raw, chunk, sizeof(chunk) - zs.avail_out);
	} while (r == Z_OK && zs.avail_out == 0);
	inflateEnd(&zs);
	if (r != Z_STREAM_END) { /* Z_OK: the input ended first, cut short */
		strbuf_release(&raw);
		return fail(f, "content stream %ld of cairo's PDF does not inflate", n);
	}
	/* the bytes up to the next '/' are copied whole, not one by one */
	strbuf_init(&sb, raw.len + 64);
	while (i < raw.len) {
		const char *b = raw.buf, *slash = memchr(b + i, '/', raw.len - i);
		size_t j, at = slash ? (size_t)(slash - b) : raw.len;

		strbuf_add(&sb, b + i, at - i);
		i = at;
		if (i == raw.len)
			break;
		if (raw.len - i > sizeof(pat) - 1 && memcmp(b + i, pat, sizeof(pat) - 1) == 0) {
			j = i + sizeof(pat) - 1;
			while (j < raw.len && b[j] >= '0' && b[j] <= '9')
				j++;
			if (raw.len - j >= 7 && memcmp(b + j, " >> BDC", 7) == 0) {
				strbuf_addstr(&sb, "/Artifact BMC");
				i = j + 7;
				continue;
			}
		}
		strbuf_addch(&sb, b[i++]);
	}
	strbuf_release(&raw);
	clen = compressBound((uLong)sb.len);
	strbuf_release(out);
	strbuf_init(out, clen + 1);
	if (compress2((Bytef *)out->buf, &clen, (const Bytef *)sb.buf, (uLong)sb.len,
	              Z_DEFAULT_COMPRESSION) != Z_OK) {
		strbuf_release(&sb);
		return fail(f, "zlib cannot compress page content %ld", n);
	}
	out->len = clen;
	strbuf_release(&sb);
	return 0;
}

/* Pass 2: object n with its edits. */
static int
write_object(struct fix *f, struct out *w, long n, struct parser *ps, long *offs, long meta)
{
	struct obj *o = &f->o[n];
	struct edits e = {{0}, {0}, 0, o->kind == O_ELEM};
	const char *data;
	struct strbuf content;
	int v = read_object(f, n, ps, &data), x, i, ret = 0;
	long dlen = 0;

	if (v < 0)
		return -1;
	strbuf_init(&content, 0);
	offs[o->newnum] = w->pos;
	putf(w, "%ld 0 obj\n", o->newnum);
	if (data) {
		x = dict_get(ps, v, "/Length");
		dlen = x < 0 ? -1
		       : NODE(ps, x)->t == N_REF && obj_at(f, NODE(ps, x)->num)
		           ? f->o[NODE(ps, x)->num].ival
		           : NODE(ps, x)->num;
		if (dlen < 0 || dlen > f->buf + o->len - data) {
			ret = fail(f, "stream %ld of cairo's PDF: bad /Length", n);
			goto done;
		}
		if (o->content && name_is(ps, dict_get(ps, v, "/Filter"), "/FlateDecode")) {
			if (artifacts(f, n, (const unsigned char *)data, (size_t)dlen, &content) <
			    0) {
				ret = -1;
				goto done;
			}
			data = content.buf;
			dlen = (long)content.len;
		}
		edit(&e, "/Length", g_strdup_printf("%ld", dlen));
	}
	if (n == f->root) {
		char ref[32];

		snprintf(ref, sizeof(ref), "%ld 0 R", meta);
		edit(&e, "/Lang", text_string(f->info->lang));
		edit(&e, "/MarkInfo", g_strdup("<< /Marked true >>"));
		edit(&e, "/ViewerPreferences", g_strdup("<< /DisplayDocTitle true >>"));
		edit(&e, "/Metadata", g_strdup(ref));
	}
	if (o->lang)
		edit(&e, "/Lang", text_string(f->info->elangs[o->lang - 1]));
	if (o->alt)
		edit(&e, "/Alt", text_string(f->info->alts[o->alt - 1]));
	if (o->note)
		edit(&e, "/ID", g_strdup_printf("(note.%d)", o->note));
	if (o->scope)
		edit(&e, "/A",
		     g_strdup(o->scope == 1 ? "<< /O /Table /Scope /Column >>"
		                            : "<< /O /Table /Scope /Row >>"));
	if (o->tabs)
		edit(&e, "/Tabs", g_strdup("/S"));
	if (o->link)
		edit(&e, "/Contents",
		     text_string((size_t)o->link <= f->info->nlinks ? f->info->links[o->link - 1]
		                                                    : "リンク"));
	if (NODE(ps, v)->t == N_DICT)
		write_dict(f, w, ps, v, &e);
	else
		write_value(f, w, ps, v, 0);
	if (data) {
		puts_(w, "\nstream\n");
		put(w, data, (size_t)dlen);
		puts_(w, "\nendstream");
	}
	puts_(w, "\nendobj\n");
done:
	for (i = 0; i < e.n; i++)
		g_free(e.val[i]);
	strbuf_release(&content);
	return ret;
}

static void
add_xml(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&':
			strbuf_addstr(sb, "&amp;");
			break;
		case '<':
			strbuf_addstr(sb, "&lt;");
			break;
		case '>':
			strbuf_addstr(sb, "&gt;");
			break;
		default:
			strbuf_addch(sb, *s);
		}
}

static void
write_metadata(struct fix *f, struct out *w, long meta, long *offs)
{
	const struct pdfua_info *in = f->info;
	struct strbuf sb;

	strbuf_init(&sb, 1024);
	strbuf_addstr(&sb, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	                   "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	                   "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	                   "<rdf:Description rdf:about=\"\"\n"
	                   " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	                   " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	                   " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	                   "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	add_xml(&sb, in->title && *in->title ? in->title : "-");
	strbuf_addstr(&sb, "</rdf:li></rdf:Alt></dc:title>\n");
	if (in->author && *in->author) {
		strbuf_addstr(&sb, "<dc:creator><rdf:Seq><rdf:li>");
		add_xml(&sb, in->author);
		strbuf_addstr(&sb, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	strbuf_addstr(&sb, "<dc:language><rdf:Bag><rdf:li>");
	add_xml(&sb, in->lang);
	strbuf_addstr(&sb, "</rdf:li></rdf:Bag></dc:language>\n"
	                   "<dc:format>application/pdf</dc:format>\n"
	                   "<pdfuaid:part>1</pdfuaid:part>\n"
	                   "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	                   "<?xpacket end=\"w\"?>\n");
	offs[meta] = w->pos;
	putf(w, "%ld 0 obj\n<< /Type /Metadata /Subtype /XML /Length %zu >>\nstream\n", meta,
	     sb.len);
	put(w, sb.buf, sb.len);
	puts_(w, "\nendstream\nendobj\n");
	strbuf_release(&sb);
}

int
pdfua_fix(FILE *in, const struct pdfua_info *info, FILE *fp, char *err, size_t errlen)
{
	struct fix f = {0};
	struct parser ps = {0};
	GChecksum *md5 = g_checksum_new(G_CHECKSUM_MD5);
	struct out w = {fp, 0, md5, 0};
	char head[16] = "";
	long i, n, next = 1, *offs = NULL;
	int ret = -1;

	f.in = in;
	f.pos = -1;
	f.info = info;
	f.elems_ok = 1;
	f.refs = g_array_new(FALSE, FALSE, sizeof(long));
	f.types = g_ptr_array_new_with_free_func(g_free);
	f.type_ix = g_hash_table_new(g_str_hash, g_str_equal);
	ps.nodes = g_array_new(FALSE, FALSE, sizeof(struct node));
	if (read_xref(&f) < 0)
		goto done;
	if (order_objects(&f) < 0)
		goto done;
	for (i = 0; i < f.nobj && f.order[i]; i++)
		if (learn(&f, f.order[i], &ps) < 0)
			goto done;
	for (i = 1; i < f.nobj; i++)
		if (f.o[i].kind == O_ROOT)
			walk(&f, i, 0);
	walk_pages(&f, f.o[f.root].contents, 0);
	/* numbers anew, in file order, for what is written */
	for (i = 0; i < f.nobj && (n = f.order[i]); i++)
		if (f.o[n].kind != O_DROP)
			f.o[n].newnum = next++;
	offs = xcalloc((size_t)next + 1, sizeof(*offs));
	if (fseek(in, 0, SEEK_SET) != 0 || fgets(head, sizeof(head), in) == NULL ||
	    strncmp(head, "%PDF-", 5) != 0) {
		fail(&f, "cairo's PDF has no %%PDF header");
		goto done;
	}
	f.pos = -1; /* fgets() moved it */
	puts_(&w, head);
	puts_(&w, "%\xbf\xf7\xa2\xfe\n");
	for (i = 0; i < f.nobj && (n = f.order[i]); i++)
		if (f.o[n].kind != O_DROP && write_object(&f, &w, n, &ps, offs, next) < 0)
			goto done;
	write_metadata(&f, &w, next, offs);
	{
		long xref = w.pos;
		char id[64];

		g_strlcpy(id, g_checksum_get_string(md5), sizeof(id));
		w.md5 = NULL; /* the ID: of the bytes before the xref table */
		putf(&w, "xref\n0 %ld\n0000000000 65535 f \n", next + 1);
		for (i = 1; i <= next; i++)
			putf(&w, "%010ld 00000 n \n", offs[i]);
		putf(&w, "trailer\n<< /Size %ld /Root %ld 0 R", next + 1, f.o[f.root].newnum);
		if (obj_at(&f, f.info_obj))
			putf(&w, " /Info %ld 0 R", f.o[f.info_obj].newnum);
		putf(&w, " /ID [ <%s> <%s> ] >>\n", id, id);
		putf(&w, "startxref\n%ld\n%%%%EOF\n", xref);
	}
	if (w.err) {
		fail(&f, "%s", strerror(w.err));
		goto done;
	}
	ret = 0;
done:
	snprintf(err, errlen, "%s", ret < 0 ? f.err : "");
	g_checksum_free(md5);
	g_array_free(ps.nodes, TRUE);
	g_array_free(f.refs, TRUE);
	g_ptr_array_free(f.types, TRUE);
	g_hash_table_destroy(f.type_ix);
	free(f.o);
	free(f.order);
	free(f.buf);
	free(offs);
	return ret;
}
