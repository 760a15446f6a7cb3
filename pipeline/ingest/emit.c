#include "emit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xmem.h"

#define X(s) ((const xmlChar *)(s))

static void
set(xmlNodePtr n, const char *name, const char *value)
{
	if (value)
		xmlNewProp(n, X(name), X(value));
}

static void
setl(xmlNodePtr n, const char *name, long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	xmlNewProp(n, X(name), X(buf));
}

void
emit_paragraphs(xmlNodePtr parent, const char *text)
{
	const char *p = text;

	while (*p) {
		const char *e = strchr(p, '\n');
		struct strbuf sb = STRBUF_INIT;

		if (e == NULL)
			e = p + strlen(p);
		strbuf_add(&sb, p, (size_t)(e - p));
		strbuf_trim(&sb);
		if (sb.len)
			xmlNewTextChild(parent, NULL, X("p"), X(sb.buf));
		strbuf_release(&sb);
		p = *e ? e + 1 : e;
	}
}

static void
text_child(xmlNodePtr parent, const char *name, const char *text)
{
	if (text)
		emit_paragraphs(xmlNewChild(parent, NULL, X(name), NULL), text);
}

static void
common_attrs(xmlNodePtr n, const struct rows_record *r)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s:%ld", r->file->name, r->line);
	set(n, "src", sb.buf);
	set(n, "file", r->file->name);
	setl(n, "line", r->line);
	strbuf_release(&sb);
}

static void
emit_extra(xmlNodePtr n, const struct rows_record *r)
{
	size_t i;

	for (i = 0; i < r->nextra; i++) {
		xmlNodePtr e = xmlNewTextChild(n, NULL, X("extra"), X(r->extra[i].text));

		set(e, "column", r->extra[i].column);
	}
}

static void
emit_progress(xmlNodePtr root, const struct rows_record *r)
{
	xmlNodePtr n = xmlNewChild(root, NULL, X("progress"), NULL);

	common_attrs(n, r);
	set(n, "measure", r->measure);
	set(n, "written", r->written);
	set(n, "level", r->level);
	set(n, "ministry", r->ministry);
	if (r->highlight)
		set(n, "highlight", "1");
	text_child(n, "results", r->results);
	text_child(n, "evaluation", r->evaluation);
	text_child(n, "next", r->next);
	text_child(n, "note", r->note);
	emit_extra(n, r);
}

static void
emit_indicator(xmlNodePtr root, const struct rows_record *r)
{
	xmlNodePtr n = xmlNewChild(root, NULL, X("indicator"), NULL);

	common_attrs(n, r);
	set(n, "ref", r->indicator->id);
	set(n, "text", r->indicator->text);
	set(n, "target", r->target);
	setl(n, "year", r->year);
	set(n, "value", r->value);
	set(n, "written", r->value_written);
	set(n, "unit", r->unit);
	set(n, "source", r->source);
	set(n, "measure", r->measure);
	set(n, "ministry", r->ministry);
	emit_extra(n, r);
}

xmlDocPtr
emit_doc(int year, const struct emit_file *files, size_t nfiles, size_t nrows,
         const struct rows *rs, const struct diag *d)
{
	xmlDocPtr doc = xmlNewDoc(X("1.0"));
	xmlNodePtr root = xmlNewNode(NULL, X("submissions"));
	size_t i;

	xmlDocSetRootElement(doc, root);
	setl(root, "year", year);
	setl(root, "files", (long)nfiles);
	setl(root, "rows", (long)nrows);
	setl(root, "errors", (long)d->errors);
	setl(root, "warnings", (long)d->warnings);
	for (i = 0; i < nfiles; i++) {
		xmlNodePtr n = xmlNewChild(root, NULL, X("file"), NULL);

		set(n, "path", files[i].f->path);
		set(n, "name", files[i].f->name);
		set(n, "kind", header_kind_name(files[i].kind));
		set(n, "encoding", sjis_name(files[i].f->enc));
		set(n, "eol", files[i].f->eol);
		setl(n, "rows", (long)files[i].rows);
	}
	for (i = 0; i < rs->n; i++) {
		const struct rows_record *r = &rs->v[i];

		if (r->rejected || r->dropped)
			continue;
		if (r->kind == KIND_PROGRESS)
			emit_progress(root, r);
		else
			emit_indicator(root, r);
	}
	for (i = 0; i < d->n; i++) {
		const struct diag_entry *e = &d->v[i];
		xmlNodePtr n = xmlNewChild(root, NULL, X("diag"), NULL);
		const char *slash = strrchr(e->file, '/');

		set(n, "severity", e->severity == DIAG_ERROR ? "error" : "warning");
		if (e->file[0])
			set(n, "file", slash ? slash + 1 : e->file);
		if (e->line > 0)
			setl(n, "line", e->line);
		set(n, "column", e->column);
		xmlNewTextChild(n, NULL, X("message"), X(e->message));
		if (e->row)
			xmlNewTextChild(n, NULL, X("row"), X(e->row));
	}
	return doc;
}
