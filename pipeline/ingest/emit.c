/*
 * Why not xmlTextWriter: the output was promised byte for byte as
 * xmlSave wrote the tree, and xmlTextWriter's indentation is its own.
 * The writer below needs a stack of names and one flag: a start tag stays
 * open until the element's first child (then ">\n") or its end ("/>\n").
 * test_ingest.c test_emit compares it with libxml2's serializer.
 */
#include "emit.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "atomicfile.h"
#include "strbuf.h"
#include "xmem.h"

#define MAX_DEPTH 8 /* submissions > area > progress > results > p */

struct out {
	FILE *fp;
	int level; /* elements open */
	int open;  /* the innermost start tag still lacks its '>' */
	const char *name[MAX_DEPTH];
	int err; /* errno of the first failed write, or 0 */
};

/*
 * `s` escaped as libxml2 2.9 saves it in UTF-8 (xmlEscapeContent for
 * text, xmlBufAttrSerializeTxtContent for attributes).
 */
static void
escape(struct out *o, const char *s, int attr)
{
	const char *run = s, *rep;

	for (; *s; s++) {
		switch (*s) {
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '&':
			rep = "&amp;";
			break;
		case '\r':
			rep = "&#13;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		case '\n':
			rep = attr ? "&#10;" : NULL;
			break;
		case '\t':
			rep = attr ? "&#9;" : NULL;
			break;
		default:
			rep = NULL;
		}
		if (rep) {
			fwrite(run, 1, (size_t)(s - run), o->fp);
			fputs(rep, o->fp);
			run = s + 1;
		}
	}
	fwrite(run, 1, (size_t)(s - run), o->fp);
}

static void
indent(struct out *o)
{
	int i;

	for (i = 0; i < o->level; i++)
		fputs("  ", o->fp);
}

/* A child follows: the parent's start tag gets its '>'. */
static void
close_start(struct out *o)
{
	if (o->open) {
		fputs(">\n", o->fp);
		o->open = 0;
	}
}

static void
start(struct out *o, const char *name)
{
	close_start(o);
	indent(o);
	putc('<', o->fp);
	fputs(name, o->fp);
	o->name[o->level++] = name;
	o->open = 1;
}

static void
end(struct out *o)
{
	const char *name = o->name[--o->level];

	if (o->open) {
		fputs("/>\n", o->fp);
		o->open = 0;
	} else {
		indent(o);
		fprintf(o->fp, "</%s>\n", name);
	}
	if (o->err == 0 && ferror(o->fp))
		o->err = errno ? errno : EIO;
}

/* An attribute of the open start tag; nothing when `value` is NULL. */
static void
attr(struct out *o, const char *name, const char *value)
{
	if (value == NULL)
		return;
	fprintf(o->fp, " %s=\"", name);
	escape(o, value, 1);
	putc('"', o->fp);
}

static void
attrl(struct out *o, const char *name, long v)
{
	fprintf(o->fp, " %s=\"%ld\"", name, v);
}

/* <name>text</name> on one line (an element whose only child is text). */
static void
text_elem(struct out *o, const char *name, const char *text)
{
	close_start(o);
	indent(o);
	fprintf(o->fp, "<%s>", name);
	escape(o, text, 0);
	fprintf(o->fp, "</%s>\n", name);
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
	fputs(" src=\"", o->fp);
	escape(o, r->file->name, 1);
	fprintf(o->fp, ":%ld\"", r->line);
	attr(o, "file", r->file->name);
	attrl(o, "line", r->line);
}

static void
extras(struct out *o, const struct rows_record *r)
{
	size_t i;

	for (i = 0; i < r->nextra; i++) {
		close_start(o);
		indent(o);
		fputs("<extra", o->fp);
		attr(o, "column", r->extra[i].column);
		putc('>', o->fp);
		escape(o, r->extra[i].text, 0);
		fputs("</extra>\n", o->fp);
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
	for (k = 0; k < nb && o->err == 0; k++) {
		if (k > 0) {
			start(o, "area");
			attr(o, "ref", in->refs->areas[k - 1]);
		}
		for (i = first[k]; i < first[k + 1] && o->err == 0; i++)
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
	struct out o = {fp, 0, 0, {NULL}, 0};
	size_t i;

	errno = 0;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
	start(&o, "submissions");
	attrl(&o, "year", in->year);
	attrl(&o, "files", (long)in->nfiles);
	attrl(&o, "rows", (long)in->nrows);
	attrl(&o, "errors", (long)in->d->errors);
	attrl(&o, "warnings", (long)in->d->warnings);
	for (i = 0; i < in->nfiles && o.err == 0; i++) {
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
	for (i = 0; i < in->d->n && o.err == 0; i++)
		diag_entry(&o, &in->d->v[i]);
	end(&o);
	if (o.err == 0 && fflush(fp) != 0)
		o.err = errno ? errno : EIO;
	errno = o.err;
	return o.err ? -1 : 0;
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
