/*
 * emit: ingest's records and diagnostics as XML, written with libxml2's
 * xmlTextWriter (two spaces of indentation a level, an element holding
 * only text on one line) straight to the file: no tree of the output is
 * built, so ingest's memory does not grow with its output.
 */
#include "emit.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "atomicfile.h"
#include "orth.h"
#include "strbuf.h"
#include "xmlio.h"
#include "xmem.h"

/* Every call below returns < 0 on a failed write; `bad` keeps the first. */
struct out {
	xmlTextWriterPtr w;
	int bad;
};

static void
check(struct out *o, int rc)
{
	if (rc < 0)
		o->bad = 1;
}

static void
start(struct out *o, const char *name)
{
	check(o, xmlTextWriterStartElement(o->w, BAD_CAST name));
}

static void
end(struct out *o)
{
	check(o, xmlTextWriterEndElement(o->w));
}

/* An attribute of the open start tag; nothing when `value` is NULL. */
static void
attr(struct out *o, const char *name, const char *value)
{
	if (value != NULL)
		check(o, xmlTextWriterWriteAttribute(o->w, BAD_CAST name, BAD_CAST value));
}

/* attr() of text a reader sees, its widths decided like the cells' (issue
 * 15): an indicator's name must stay the matrix's, which is normalised too. */
static void
attr_text(struct out *o, const char *name, const char *value)
{
	char *w;

	if (value == NULL)
		return;
	w = orth_text(value);
	attr(o, name, w);
	free(w);
}

static void
attrl(struct out *o, const char *name, long v)
{
	check(o, xmlTextWriterWriteFormatAttribute(o->w, BAD_CAST name, "%ld", v));
}

/* <name>text</name> on one line (an element whose only child is text). */
static void
text_elem(struct out *o, const char *name, const char *text)
{
	check(o, xmlTextWriterWriteElement(o->w, BAD_CAST name, BAD_CAST text));
}

/* <name> with one <p> per non-empty line of `text`, trimmed. */
static void
paragraphs(struct out *o, const char *name, const char *text)
{
	const char *p = text;

	if (text == NULL)
		return;
	start(o, name);
	while (*p) {
		const char *e = strchr(p, '\n');
		struct strbuf sb = STRBUF_INIT;

		if (e == NULL)
			e = p + strlen(p);
		strbuf_add(&sb, p, (size_t)(e - p));
		strbuf_trim(&sb);
		if (sb.len) {
			char *w = orth_text(sb.buf); /* widths decided once (issue 15) */

			text_elem(o, "p", w);
			free(w);
		}
		strbuf_release(&sb);
		p = *e ? e + 1 : e;
	}
	end(o);
}

static void
common_attrs(struct out *o, const struct rows_record *r)
{
	check(o, xmlTextWriterWriteFormatAttribute(o->w, BAD_CAST "src", "%s:%ld", r->file->name,
	                                           r->line));
	attr(o, "file", r->file->name);
	attrl(o, "line", r->line);
}

static void
extras(struct out *o, const struct rows_record *r)
{
	size_t i;

	for (i = 0; i < r->nextra; i++) {
		start(o, "extra");
		attr(o, "column", r->extra[i].column);
		check(o, xmlTextWriterWriteString(o->w, BAD_CAST r->extra[i].text));
		end(o);
	}
}
static void
progress(struct out *o, const struct rows_record *r)
{
	start(o, "progress");
	common_attrs(o, r);
	attr(o, "measure", r->measure);
	attr(o, "written", r->written);
	attr(o, "level", r->level);
	attr(o, "ministry", r->ministry);
	if (r->highlight)
		attr(o, "highlight", "1");
	attr(o, "overlap", r->overlap ? r->overlap->name : NULL); /* issue 12 */
	paragraphs(o, "results", r->results);
	paragraphs(o, "evaluation", r->evaluation);
	paragraphs(o, "next", r->next);
	paragraphs(o, "note", r->note);
	extras(o, r);
	end(o);
}

static void
indicator(struct out *o, const struct rows_record *r)
{
	start(o, "indicator");
	common_attrs(o, r);
	attr(o, "ref", r->indicator->id);
	attr_text(o, "text", r->indicator->text);
	attr(o, "target", r->target);
	attrl(o, "year", r->year);
	attr(o, "value", r->value);
	attr(o, "written", r->value_written);
	attr_text(o, "unit", r->unit);
	attr_text(o, "source", r->source);
	attr(o, "measure", r->measure);
	attr(o, "ministry", r->ministry);
	extras(o, r);
	end(o);
}

/* The records by "LINE:PATH", for diag_entry() (NULL when there are none). */
static GHashTable *
records_by_line(const struct emit_input *in)
{
	GHashTable *h;
	size_t i;

	if (!in->rs || in->rs->n == 0)
		return NULL;
	h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (i = 0; i < in->rs->n; i++) {
		const struct rows_record *r = &in->rs->v[i];

		if (r->file)
			g_hash_table_insert(h, g_strdup_printf("%ld:%s", r->line, r->file->path),
			                    (gpointer)r);
	}
	return h;
}

/* The record a diagnostic is about (same file and line), or NULL: its
 * ministry and (progress) measure go on the <diag>, so the chase list
 * can tell a refused row from a row never sent (issue 16). */
static const struct rows_record *
diag_record(GHashTable *h, const struct diag_entry *e)
{
	const struct rows_record *r;
	char *key;

	if (h == NULL || e->line <= 0)
		return NULL;
	key = g_strdup_printf("%ld:%s", e->line, e->file);
	r = g_hash_table_lookup(h, key);
	g_free(key);
	return r;
}

static void
diag_entry(struct out *o, GHashTable *h, const struct diag_entry *e)
{
	const struct rows_record *r = diag_record(h, e);

	start(o, "diag");
	attr(o, "severity", e->severity == DIAG_ERROR ? "error" : "warning");
	if (e->file[0])
		attr(o, "file", path_base(e->file));
	if (e->line > 0)
		attrl(o, "line", e->line);
	attr(o, "column", e->column);
	if (r && r->kind == KIND_PROGRESS)
		attr(o, "measure", r->measure);
	if (r)
		attr(o, "ministry", r->ministry);
	text_elem(o, "message", e->message);
	/* (the ministries' workbooks give it in their language: pipeline/chase) */
	if (e->shown)
		text_elem(o, "shown", e->shown);
	if (e->row)
		text_elem(o, "row", e->row);
	end(o);
}

static void
record(struct out *o, const struct rows_record *r)
{
	if (r->kind == KIND_PROGRESS)
		progress(o, r);
	else
		indicator(o, r);
}

/*
 * design.md "build/Y/submissions.xml": the area of a row is that of its
 * indicator's matrix target if the plan has it, else that of its measure.
 * Bucket 0 is no area, bucket k + 1 the plan's k-th <area>.
 */
static size_t
bucket(const struct refs *refs, const struct rows_record *r)
{
	size_t a = REFS_NO_AREA;

	if (r->target)
		a = refs_area(refs, r->target);
	if (a == REFS_NO_AREA && r->measure)
		a = refs_area(refs, r->measure);
	return a == REFS_NO_AREA ? 0 : a + 1;
}

/* The kept rows sorted by bucket, stable: bucket k is order[first[k]..first[k+1]);
 * likewise the diagnostics about a progress row (in->d->v), by its row's
 * bucket, in dorder[dfirst[k]..dfirst[k+1]) (an area's file holds its own:
 * status.xsl finds the area's refused pairs there).  byline: the records by
 * "LINE:PATH" (records_by_line(), or NULL). */
struct sorted {
	size_t *first, *order;
	size_t *dfirst, *dorder;
	GHashTable *byline;
};

#define NO_BUCKET ((size_t)-1)

/* A stable counting sort of the i < n by of[i] < nb (NO_BUCKET: left out). */
static void
bucket_sort(size_t **first, size_t **order, const size_t *of, size_t n, size_t nb)
{
	size_t *fill = xcalloc(nb + 1, sizeof(*fill)), i, k;

	*first = xcalloc(nb + 1, sizeof(**first));
	*order = xcalloc(n + 1, sizeof(**order));
	for (i = 0; i < n; i++)
		if (of[i] != NO_BUCKET)
			(*first)[of[i] + 1]++;
	for (k = 0; k < nb; k++)
		(*first)[k + 1] += (*first)[k];
	memcpy(fill, *first, nb * sizeof(*fill));
	for (i = 0; i < n; i++)
		if (of[i] != NO_BUCKET)
			(*order)[fill[of[i]]++] = i;
	free(fill);
}

static void
sort_rows(struct sorted *so, const struct emit_input *in)
{
	const struct rows *rs = in->rs;
	size_t nb = in->refs->nareas + 1, nd = in->d->n, i;
	size_t *of = xcalloc(rs->n + nd + 1, sizeof(*of));

	for (i = 0; i < rs->n; i++)
		of[i] =
		    rs->v[i].rejected || rs->v[i].dropped ? NO_BUCKET : bucket(in->refs, &rs->v[i]);
	bucket_sort(&so->first, &so->order, of, rs->n, nb);
	so->byline = records_by_line(in);
	for (i = 0; i < nd; i++) {
		const struct rows_record *r = diag_record(so->byline, &in->d->v[i]);

		of[i] = r && r->kind == KIND_PROGRESS ? bucket(in->refs, r) : NO_BUCKET;
	}
	bucket_sort(&so->dfirst, &so->dorder, of, nd, nb);
	free(of);
}

static void
release_sorted(struct sorted *so)
{
	free(so->first);
	free(so->order);
	free(so->dfirst);
	free(so->dorder);
	if (so->byline)
		g_hash_table_destroy(so->byline);
}

static void
bucket_rows(struct out *o, const struct emit_input *in, const struct sorted *so, size_t k)
{
	size_t i;

	for (i = so->first[k]; i < so->first[k + 1] && !o->bad; i++)
		record(o, &in->rs->v[so->order[i]]);
}

static int
open_doc(struct out *o, FILE *fp)
{
	xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(fp, NULL);

	o->w = buf ? xmlNewTextWriter(buf) : NULL;
	o->bad = 0;
	if (o->w == NULL) {
		xmlOutputBufferClose(buf);
		errno = ENOMEM;
		return -1;
	}
	errno = 0;
	check(o, xmlTextWriterSetIndent(o->w, 1));
	check(o, xmlTextWriterSetIndentString(o->w, BAD_CAST "  "));
	check(o, xmlTextWriterStartDocument(o->w, NULL, "UTF-8", NULL));
	return 0;
}

static int
close_doc(struct out *o, FILE *fp)
{
	check(o, xmlTextWriterEndDocument(o->w));
	xmlFreeTextWriter(o->w); /* flushes; fp stays open */
	if (!o->bad && fflush(fp) != 0)
		o->bad = 1;
	if (o->bad) {
		errno = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

static void
file_elem(struct out *o, const struct emit_file *f)
{
	start(o, "file");
	attr(o, "path", f->f->path);
	attr(o, "name", f->f->name);
	attr(o, "kind", header_kind_name(f->kind));
	attr(o, "encoding", sjis_name(f->f->enc));
	attr(o, "eol", f->f->eol);
	attrl(o, "rows", (long)f->rows);
	end(o);
}

/* The <file>s with rows in buckets 0 and k + 1, in input order. */
static void
area_files(struct out *o, const struct emit_input *in, const struct sorted *so, size_t k)
{
	GHashTable *used = g_hash_table_new(NULL, NULL);
	size_t b, i;

	for (b = 0; b < 2; b++) {
		size_t bk = b ? k + 1 : 0;

		for (i = so->first[bk]; i < so->first[bk + 1]; i++)
			g_hash_table_add(used, (gpointer)in->rs->v[so->order[i]].file);
	}
	for (i = 0; i < in->nfiles && !o->bad; i++)
		if (g_hash_table_contains(used, in->files[i].f))
			file_elem(o, &in->files[i]);
	g_hash_table_destroy(used);
}

struct trees;
static void outline(struct out *o, const struct trees *t);

/*
 * The year's document: without `t`, every area's rows in its <area>
 * (submissions.xml); with it (year.xml), an empty <area rows=""> each,
 * and the plan and matrix outside their areas (outline()).
 */
static void
year_doc(struct out *o, const struct emit_input *in, const struct sorted *so, const struct trees *t)
{
	size_t i, k;
	int whole = t == NULL;

	start(o, "submissions");
	attrl(o, "year", in->year);
	attrl(o, "files", (long)in->nfiles);
	attrl(o, "rows", (long)in->nrows);
	attrl(o, "errors", (long)in->d->errors);
	attrl(o, "warnings", (long)in->d->warnings);
	for (i = 0; i < in->nfiles && !o->bad; i++)
		file_elem(o, &in->files[i]);
	if (t)
		outline(o, t);
	bucket_rows(o, in, so, 0);
	for (k = 1; k <= in->refs->nareas && !o->bad; k++) {
		start(o, "area");
		attr(o, "ref", in->refs->areas[k - 1]);
		if (whole)
			bucket_rows(o, in, so, k);
		else
			attrl(o, "rows", (long)(so->first[k + 1] - so->first[k]));
		end(o);
	}
	for (i = 0; i < in->d->n && !o->bad; i++)
		diag_entry(o, so->byline, &in->d->v[i]);
	end(o);
}

static int
write_doc(FILE *fp, const struct emit_input *in, const struct sorted *so, const struct trees *t)
{
	struct out o;

	if (open_doc(&o, fp) < 0)
		return -1;
	year_doc(&o, in, so, t);
	return close_doc(&o, fp);
}

int
emit_write(FILE *fp, const struct emit_input *in)
{
	struct sorted so;
	int rc;

	sort_rows(&so, in);
	rc = write_doc(fp, in, &so, NULL);
	release_sorted(&so);
	return rc;
}

/*
 * The plan and the matrix as trees, for the area files: each holds its
 * area's part of both, so join on one area reads no more than its area.
 */
struct trees {
	xmlDocPtr plan, matrix;
	GHashTable *node; /* id → the plan element (area … measure) with it */
	GHashTable *fn;   /* footnote id → the first <footnote> with it */
};

static void
index_plan(struct trees *t, xmlNodePtr n)
{
	for (; n; n = n->next) {
		xmlChar *id;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		id = xmlGetProp(n, BAD_CAST "id");
		if (id && xmlStrEqual(n->name, BAD_CAST "footnote")) {
			if (!g_hash_table_contains(t->fn, id))
				g_hash_table_insert(t->fn, g_strdup((char *)id), n);
		} else if (id && !xmlStrEqual(n->name, BAD_CAST "relist")) {
			if (!g_hash_table_contains(t->node, id))
				g_hash_table_insert(t->node, g_strdup((char *)id), n);
		}
		xmlFree(id);
		index_plan(t, n->children);
	}
}

/* The plan's <area> holding `n` (or `n` itself), NULL if none. */
static xmlNodePtr
area_of(xmlNodePtr n)
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (xmlStrEqual(n->name, BAD_CAST "area") && n->parent &&
		    n->parent->type == XML_ELEMENT_NODE && n->parent->parent &&
		    n->parent->parent->type == XML_DOCUMENT_NODE)
			return n;
	return NULL;
}

static void
copy_attrs(struct out *o, xmlNodePtr n)
{
	xmlAttrPtr a;

	for (a = n->properties; a; a = a->next) {
		xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);

		attr(o, (const char *)a->name, v ? (const char *)v : "");
		xmlFree(v);
	}
}

/* `n` as it is in its document, children and all.  Copied into a
 * document of its own first, so that a namespace declared above it (an
 * xi:include the plan should not have: check reports it) is declared in
 * what is written. */
static void
copy_node(struct out *o, xmlNodePtr n)
{
	xmlBufferPtr b = xmlBufferCreate();
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr c = doc ? xmlDocCopyNode(n, doc, 1) : NULL;

	if (doc)
		doc->encoding = xmlStrdup(BAD_CAST "UTF-8"); /* text as it is, not &#x…; */
	if (c)
		xmlDocSetRootElement(doc, c);
	if (b == NULL || c == NULL || xmlNodeDump(b, doc, c, 0, 0) < 0)
		o->bad = 1;
	else
		check(o, xmlTextWriterWriteRaw(o->w, xmlBufferContent(b)));
	xmlBufferFree(b);
	xmlFreeDoc(doc);
}

/*
 * For year.xml: the plan's root attributes and its children other than
 * the areas (はじめに…), the matrix's root attributes and its children
 * other than the entries and the texts aimed at a plan node.
 */
static void
outline(struct out *o, const struct trees *t)
{
	xmlNodePtr root, n;

	root = xmlDocGetRootElement(t->plan);
	start(o, "plan");
	copy_attrs(o, root);
	for (n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && !xmlStrEqual(n->name, BAD_CAST "area"))
			copy_node(o, n);
	end(o);
	root = xmlDocGetRootElement(t->matrix);
	start(o, "matrix");
	copy_attrs(o, root);
	for (n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && !xmlStrEqual(n->name, BAD_CAST "entry") &&
		    !(xmlStrEqual(n->name, BAD_CAST "text") && xmlHasProp(n, BAD_CAST "target")))
			copy_node(o, n);
	end(o);
}

/* `n` with its ancestors below the root, attributes only (for a relist). */
static void
copy_shell(struct out *o, xmlNodePtr n)
{
	if (n->parent && n->parent->type == XML_ELEMENT_NODE && n->parent->parent &&
	    n->parent->parent->type == XML_ELEMENT_NODE)
		copy_shell(o, n->parent);
	start(o, (const char *)n->name);
	copy_attrs(o, n);
}

static void
end_shell(struct out *o, xmlNodePtr n)
{
	for (; n && n->parent && n->parent->type == XML_ELEMENT_NODE; n = n->parent)
		end(o);
}

/*
 * What area `a` names in other areas: the footnote of an <fnref> whose
 * first <footnote> in the plan is elsewhere (whole), and the node a
 * <relist> re-lists (its attributes, inside its ancestors' attributes).
 */
static void
elsewhere(struct out *o, struct trees *t, xmlNodePtr a, xmlNodePtr n, GHashTable *done)
{
	for (; n; n = n->next) {
		int fnref, relist;
		xmlChar *ref;
		xmlNodePtr to = NULL;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		fnref = xmlStrEqual(n->name, BAD_CAST "fnref");
		relist = xmlStrEqual(n->name, BAD_CAST "relist");
		ref = (fnref || relist) ? xmlGetProp(n, BAD_CAST "ref") : NULL;
		if (ref)
			to = g_hash_table_lookup(fnref ? t->fn : t->node, ref);
		if (to && area_of(to) != a && !g_hash_table_contains(done, to)) {
			g_hash_table_add(done, to);
			if (fnref) {
				copy_node(o, to);
			} else {
				copy_shell(o, to);
				end_shell(o, to);
			}
		}
		xmlFree(ref);
		elsewhere(o, t, a, n->children, done);
	}
}

/*
 * An area file: <submissions year area> holding the plan's root
 * attributes with what the area names elsewhere (<elsewhere>, first) and
 * the area itself; the matrix's root attributes with the entries and
 * texts whose target is in the area; the <file>s its rows come from;
 * the rows of no area (<unplaced>,
 * an indicator row of no area joins every area's matrix indicators);
 * then the area's rows, and the <diag>s about progress rows of the area
 * (status.xsl: its refused pairs, from the area's own file).
 */
static void
area_doc(struct out *o, const struct emit_input *in, const struct sorted *so, struct trees *t,
         xmlNodePtr a, size_t k)
{
	xmlNodePtr n;
	size_t i;
	GHashTable *done = g_hash_table_new(NULL, NULL);

	start(o, "submissions");
	attrl(o, "year", in->year);
	attr(o, "area", in->refs->areas[k]);
	start(o, "plan");
	copy_attrs(o, xmlDocGetRootElement(t->plan));
	start(o, "elsewhere");
	elsewhere(o, t, a, a->children, done);
	end(o);
	copy_node(o, a);
	end(o);
	start(o, "matrix");
	n = xmlDocGetRootElement(t->matrix);
	copy_attrs(o, n);
	for (n = n->children; n; n = n->next) {
		xmlChar *target =
		    n->type == XML_ELEMENT_NODE ? xmlGetProp(n, BAD_CAST "target") : NULL;

		if (target && refs_area(in->refs, (const char *)target) == k)
			copy_node(o, n);
		xmlFree(target);
	}
	end(o);
	area_files(o, in, so, k);
	start(o, "unplaced");
	bucket_rows(o, in, so, 0);
	end(o);
	bucket_rows(o, in, so, k + 1);
	for (i = so->dfirst[k + 1]; i < so->dfirst[k + 2] && !o->bad; i++)
		diag_entry(o, so->byline, &in->d->v[so->dorder[i]]);
	end(o);
	g_hash_table_destroy(done);
}

/* An area id that is a safe file name and make word. */
static int
safe_id(const char *id)
{
	const char *p;

	if (id == NULL || *id == '\0' || *id == '-')
		return 0;
	for (p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return 0;
	return 1;
}

/* libxml2's own "I/O error : …" lines: the failure is reported once, by save(). */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
quiet_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

/*
 * Writes `path` with write_fn; 0, or -1 after reporting to `d`.  With
 * `keep`, a file that already holds the same bytes is left as it is (its
 * mtime too: make rebuilds nothing from a per-area file that did not
 * change); without, the file is always replaced, so make sees the target
 * of the ingest rule made.
 */
static int
save(const char *path, int keep, struct diag *d, int (*write_fn)(FILE *, void *), void *arg)
{
	struct atomicfile af;
	int e = 0;

	xmlGenericErrorFunc generic = xmlGenericError;
	void *generic_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc structured = xmlStructuredError;
	void *structured_ctx = xmlStructuredErrorContext;

	if (atomicfile_open(&af, path) < 0)
		return diag_error(d, path, 0, "cannot write: %s", strerror(errno));
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	if (write_fn(af.fp, arg) < 0)
		e = errno ? errno : EIO;
	xmlSetGenericErrorFunc(generic_ctx, generic);
	xmlSetStructuredErrorFunc(structured_ctx, structured);
	if (fclose(af.fp) != 0 && e == 0)
		e = errno ? errno : EIO;
	af.fp = NULL;
	if (e) {
		atomicfile_abort(&af);
		return diag_error(d, path, 0, "cannot write: %s", strerror(e));
	}
	if ((keep ? atomicfile_replace(af.tmp, af.path) : atomicfile_rename(af.tmp, af.path)) < 0) {
		e = errno;
		diag_error(d, path, 0, "cannot rename %s: %s", af.tmp, strerror(e));
	}
	free(af.path);
	free(af.tmp);
	return e ? -1 : 0;
}

struct area_job {
	const struct emit_input *in;
	const struct sorted *so;
	struct trees *t;
	xmlNodePtr a;
	size_t k;
};

static int
write_area(FILE *fp, void *arg)
{
	struct area_job *j = arg;
	struct out o;

	if (open_doc(&o, fp) < 0)
		return -1;
	area_doc(&o, j->in, j->so, j->t, j->a, j->k);
	return close_doc(&o, fp);
}

/* year.xml (with t) or submissions.xml (t NULL) */
struct year_job {
	const struct emit_input *in;
	const struct sorted *so;
	const struct trees *t;
};

static int
write_year(FILE *fp, void *arg)
{
	struct year_job *j = arg;

	return write_doc(fp, j->in, j->so, j->t);
}

int
emit_save(const struct emit_input *in, const char *path, struct diag *d)
{
	struct trees t = {NULL, NULL, NULL, NULL};
	struct sorted so = {NULL, NULL, NULL, NULL, NULL};
	char *dir =
	    g_strndup(path, g_str_has_suffix(path, ".xml") ? strlen(path) - 4 : strlen(path));
	xmlNodePtr a;
	size_t k = 0;
	int rc = -1;

	t.plan = xmlio_load(in->plan, d);
	t.matrix = t.plan ? xmlio_load(in->matrix, d) : NULL;
	if (t.matrix == NULL)
		goto out;
	orth_tree(xmlDocGetRootElement(t.plan)); /* widths decided once (issue 15) */
	orth_tree(xmlDocGetRootElement(t.matrix));
	if (g_mkdir(dir, 0777) < 0 && errno != EEXIST) {
		diag_error(d, dir, 0, "cannot write: %s", strerror(errno));
		goto out;
	}
	t.node = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	t.fn = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	index_plan(&t, xmlDocGetRootElement(t.plan));
	sort_rows(&so, in);
	rc = 0;
	for (a = xmlDocGetRootElement(t.plan)->children; a && rc == 0; a = a->next) {
		struct area_job j = {in, &so, &t, a, k};
		char *file;

		if (a->type != XML_ELEMENT_NODE || !xmlStrEqual(a->name, BAD_CAST "area"))
			continue;
		if (k >= in->refs->nareas || !safe_id(in->refs->areas[k])) {
			rc = diag_error(
			    d, in->plan, (long)xmlGetLineNo(a),
			    "plan area id '%s' cannot name a file: use letters, digits, "
			    "'-' and '_' only",
			    k < in->refs->nareas && in->refs->areas[k] ? in->refs->areas[k] : "");
			break;
		}
		file = g_strdup_printf("%s/area-%s.xml", dir, in->refs->areas[k]);
		rc = save(file, 1, d, write_area, &j);
		g_free(file);
		k++;
	}
	if (rc == 0) {
		char *file = g_strdup_printf("%s/year.xml", dir);
		struct year_job j = {in, &so, &t};

		rc = save(file, 1, d, write_year, &j);
		g_free(file);
	}
	if (rc == 0) {
		struct year_job j = {in, &so, NULL};

		rc = save(path, 0, d, write_year, &j);
	}
out:
	release_sorted(&so);
	if (t.node)
		g_hash_table_destroy(t.node);
	if (t.fn)
		g_hash_table_destroy(t.fn);
	xmlFreeDoc(t.plan);
	xmlFreeDoc(t.matrix);
	g_free(dir);
	return rc < 0 ? -1 : 0;
}
