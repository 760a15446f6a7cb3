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

#include "atomicfile.h"
#include "strbuf.h"
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
		if (sb.len)
			text_elem(o, "p", sb.buf);
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
	attr(o, "text", r->indicator->text);
	attr(o, "target", r->target);
	attrl(o, "year", r->year);
	attr(o, "value", r->value);
	attr(o, "written", r->value_written);
	attr(o, "unit", r->unit);
	attr(o, "source", r->source);
	attr(o, "measure", r->measure);
	attr(o, "ministry", r->ministry);
	extras(o, r);
	end(o);
}

static void
diag_entry(struct out *o, const struct diag_entry *e)
{
	const char *slash = strrchr(e->file, '/');

	start(o, "diag");
	attr(o, "severity", e->severity == DIAG_ERROR ? "error" : "warning");
	if (e->file[0])
		attr(o, "file", slash ? slash + 1 : e->file);
	if (e->line > 0)
		attrl(o, "line", e->line);
	attr(o, "column", e->column);
	text_elem(o, "message", e->message);
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

/*
 * The kept rows: those of no area, then one <area> per plan area (empty
 * ones too), each in input order: a stable counting sort by bucket.
 */
static void
rows_by_area(struct out *o, const struct emit_input *in)
{
	const struct rows *rs = in->rs;
	size_t nb = in->refs->nareas + 1, i, k;
	size_t *first = xcalloc(nb + 1, sizeof(*first)); /* bucket k: order[first[k]..first[k+1]) */
	size_t *of = xcalloc(rs->n + 1, sizeof(*of));
	size_t *order = xcalloc(rs->n + 1, sizeof(*order));
	size_t *fill = xcalloc(nb + 1, sizeof(*fill));

	for (i = 0; i < rs->n; i++) {
		if (rs->v[i].rejected || rs->v[i].dropped)
			continue;
		of[i] = bucket(in->refs, &rs->v[i]);
		first[of[i] + 1]++;
	}
	for (k = 0; k < nb; k++)
		first[k + 1] += first[k];
	memcpy(fill, first, nb * sizeof(*fill));
	for (i = 0; i < rs->n; i++)
		if (!rs->v[i].rejected && !rs->v[i].dropped)
			order[fill[of[i]]++] = i;
	for (k = 0; k < nb && !o->bad; k++) {
		if (k > 0) {
			start(o, "area");
			attr(o, "ref", in->refs->areas[k - 1]);
		}
		for (i = first[k]; i < first[k + 1] && !o->bad; i++)
			record(o, &rs->v[order[i]]);
		if (k > 0)
			end(o);
	}
	free(first);
	free(of);
	free(order);
	free(fill);
}

int
emit_write(FILE *fp, const struct emit_input *in)
{
	xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(fp, NULL);
	struct out o = {NULL, 0};
	size_t i;

	if (buf == NULL || (o.w = xmlNewTextWriter(buf)) == NULL) {
		xmlOutputBufferClose(buf);
		errno = ENOMEM;
		return -1;
	}
	errno = 0;
	check(&o, xmlTextWriterSetIndent(o.w, 1));
	check(&o, xmlTextWriterSetIndentString(o.w, BAD_CAST "  "));
	check(&o, xmlTextWriterStartDocument(o.w, NULL, "UTF-8", NULL));
	start(&o, "submissions");
	attrl(&o, "year", in->year);
	attrl(&o, "files", (long)in->nfiles);
	attrl(&o, "rows", (long)in->nrows);
	attrl(&o, "errors", (long)in->d->errors);
	attrl(&o, "warnings", (long)in->d->warnings);
	for (i = 0; i < in->nfiles && !o.bad; i++) {
		const struct emit_file *f = &in->files[i];

		start(&o, "file");
		attr(&o, "path", f->f->path);
		attr(&o, "name", f->f->name);
		attr(&o, "kind", header_kind_name(f->kind));
		attr(&o, "encoding", sjis_name(f->f->enc));
		attr(&o, "eol", f->f->eol);
		attrl(&o, "rows", (long)f->rows);
		end(&o);
	}
	rows_by_area(&o, in);
	for (i = 0; i < in->d->n && !o.bad; i++)
		diag_entry(&o, &in->d->v[i]);
	check(&o, xmlTextWriterEndDocument(o.w));
	xmlFreeTextWriter(o.w); /* flushes; fp stays open */
	if (!o.bad && fflush(fp) != 0)
		o.bad = 1;
	if (o.bad) {
		errno = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

int
emit_save(const struct emit_input *in, const char *path, struct diag *d)
{
	struct atomicfile af;
	int e = 0;

	if (atomicfile_open(&af, path) < 0)
		return diag_error(d, path, 0, "cannot write: %s", strerror(errno));
	if (emit_write(af.fp, in) < 0)
		e = errno;
	if (fclose(af.fp) != 0 && e == 0)
		e = errno ? errno : EIO;
	af.fp = NULL;
	if (e) {
		atomicfile_abort(&af);
		return diag_error(d, path, 0, "cannot write: %s", strerror(e));
	}
	if (atomicfile_rename(af.tmp, af.path) < 0) {
		e = errno;
		diag_error(d, path, 0, "cannot rename %s: %s", af.tmp, strerror(e));
	}
	free(af.path);
	free(af.tmp);
	return e ? -1 : 0;
}
