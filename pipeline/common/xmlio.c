#include "xmlio.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "strbuf.h"
#include "xmem.h"

/* Shown for any entity declaration (docs/errors.md; tests/schema expects it). */
#define MSG_ENTITY "entity declarations are not allowed in pipeline inputs; remove the DOCTYPE"

int
xmlio_options(void)
{
	/* No XML_PARSE_NOENT (no substitution), no XML_PARSE_DTDLOAD, no
	 * XML_PARSE_HUGE: libxml2 then bounds depth and entity amplification. */
	return XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING;
}

/* What a parse reports to: the diag and the name to print. */
struct load {
	struct diag *d;
	const char *name;
	int refused; /* an entity declaration stopped the parser */
	/* xmlio_load_each(): called on each element of depth 1 or 2 at its end */
	int (*each)(xmlNodePtr n, int depth, void *arg);
	void *arg;
	size_t each_errors; /* reported by `each`: about rows, not the file */
};

static void
structured_error(void *ctx, xmlErrorPtr err)
{
	struct load *l = ctx;
	const char *file;
	struct strbuf msg = STRBUF_INIT;

	if (err == NULL || err->level == XML_ERR_WARNING)
		return;
	/* After our own refusal the halted parser may add noise: keep one line. */
	if (l->refused)
		return;
	file = err->file ? err->file : l->name;
	if (err->code == XML_ERR_INTERNAL_ERROR && err->message &&
	    strncmp(err->message, "Excessive depth", 15) == 0) {
		diag_error(l->d, file, err->line,
		           "elements nested deeper than %d levels; pipeline inputs never need that",
		           (int)xmlParserMaxDepth);
		return;
	}
	strbuf_addstr(&msg, err->message ? err->message : "XML error");
	strbuf_trim(&msg);
	/* libxml2's own words, in English: said so in the user's language */
	diag_error(l->d, file, err->line, "cannot be read as XML: %s", msg.buf);
	strbuf_release(&msg);
}

/*
 * SAX entityDecl, for general and parameter entities alike: the first
 * declaration stops the parser, before any reference to it is read, so
 * neither an external entity (XXE) nor an expansion bomb gets anywhere.
 */
static void
refuse_entity(void *ctx, const xmlChar *name, int type, const xmlChar *publicId,
              const xmlChar *systemId, xmlChar *content)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct load *l = ctxt->_private;

	(void)name;
	(void)type;
	(void)publicId;
	(void)systemId;
	(void)content;
	if (!l->refused) {
		/* Line 1: the DOCTYPE is the file's prolog; the message says what to remove. */
		diag_error(l->d, l->name, 1, MSG_ENTITY);
		l->refused = 1;
	}
	xmlStopParser(ctxt);
}

static xmlParserCtxtPtr
new_ctxt(struct load *l, xmlDictPtr dict)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();

	if (ctxt == NULL)
		return NULL;
	if (dict != NULL) {
		if (ctxt->dict != NULL)
			xmlDictFree(ctxt->dict);
		ctxt->dict = dict;
		xmlDictReference(dict);
	}
	ctxt->_private = l;
	ctxt->sax->entityDecl = refuse_entity;
	/* libxml2 2.9 has no per-context structured handler: the callers set
	 * it around each read and restore the caller's (struct handler). */
	return ctxt;
}

/* The process's structured error handler, saved around a parse so that a
 * caller's own (xform's) survives a load made from inside libxslt. */
struct handler {
	xmlStructuredErrorFunc fn;
	void *ctx;
};

static void
handler_push(struct handler *h, void *ctx, xmlStructuredErrorFunc fn)
{
	h->fn = xmlStructuredError;
	h->ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(ctx, fn);
}

static void
handler_pop(const struct handler *h)
{
	xmlSetStructuredErrorFunc(h->ctx, h->fn);
}

/* Common tail: a document with any error the parse reported is freed
 * (not for those of xmlio_load_each()'s function, about its rows). */
static xmlDocPtr
finish(xmlParserCtxtPtr ctxt, xmlDocPtr doc, struct load *l, size_t before)
{
	before += l->each_errors;
	if (doc != NULL && (l->refused || !ctxt->wellFormed || l->d->errors > before)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && l->d->errors == before)
		diag_error(l->d, l->name, 0, "not a well-formed XML document");
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/*
 * SAX endElementNs of xmlio_load_each(): libxml2's own (which builds the
 * tree and pops the node), then the caller's function on an element of
 * depth 1 or 2; the element is freed when it returns 1.
 */
static void
end_each(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct load *l = ctxt->_private;
	xmlNodePtr n = ctxt->node;
	int depth, drop;
	size_t before;

	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
	depth = ctxt->nodeNr; /* after the pop: 0 for the root */
	if (n == NULL || n->type != XML_ELEMENT_NODE || (depth != 1 && depth != 2) || l->refused ||
	    ctxt->disableSAX)
		return;
	before = l->d->errors;
	drop = l->each(n, depth, l->arg);
	l->each_errors += l->d->errors - before;
	if (drop) {
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		/* The text before n is now the last child: SAX2 must append the
		 * next text to it with xmlTextConcat(), not by its own buffer
		 * arithmetic (nodelen, nodemem), which was about another node. */
		ctxt->nodelen = 0;
		ctxt->nodemem = 0;
	}
}

static xmlDocPtr
load_file(const char *path, xmlDictPtr dict, struct diag *d,
          int (*each)(xmlNodePtr n, int depth, void *arg), void *arg)
{
	struct load l = {d, path, 0, each, arg, 0};
	struct handler h;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	size_t before = d->errors;
	struct stat st;

	/* Say plainly why a file cannot be read (libxml2 only warns). */
	if (stat(path, &st) < 0)
		return diag_error(d, path, 0, "cannot read: %s", strerror(errno)), NULL;
	if (S_ISDIR(st.st_mode))
		return diag_error(d, path, 0, "cannot read: %s", strerror(EISDIR)), NULL;
	ctxt = new_ctxt(&l, dict);
	if (ctxt == NULL)
		return diag_error(d, path, 0, "cannot create XML parser"), NULL;
	if (each != NULL)
		ctxt->sax->endElementNs = end_each;
	handler_push(&h, &l, structured_error);
	doc = xmlCtxtReadFile(ctxt, path, NULL, xmlio_options());
	handler_pop(&h);
	return finish(ctxt, doc, &l, before);
}

xmlDocPtr
xmlio_load_dict(const char *path, xmlDictPtr dict, struct diag *d)
{
	return load_file(path, dict, d, NULL, NULL);
}

xmlDocPtr
xmlio_load_each(const char *path, struct diag *d, int (*each)(xmlNodePtr n, int depth, void *arg),
                void *arg)
{
	return load_file(path, NULL, d, each, arg);
}

xmlDocPtr
xmlio_load(const char *path, struct diag *d)
{
	return xmlio_load_dict(path, NULL, d);
}

xmlDocPtr
xmlio_load_memory(const char *buf, size_t len, const char *name, struct diag *d)
{
	struct load l = {d, name, 0, NULL, NULL, 0};
	struct handler h;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	size_t before = d->errors;

	if (len > (size_t)INT32_MAX)
		return diag_error(d, name, 0, "document too large"), NULL;
	ctxt = new_ctxt(&l, NULL);
	if (ctxt == NULL)
		return diag_error(d, name, 0, "cannot create XML parser"), NULL;
	handler_push(&h, &l, structured_error);
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL, xmlio_options());
	handler_pop(&h);
	return finish(ctxt, doc, &l, before);
}

char *
xmlio_attr(xmlNodePtr n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

char *
xmlio_attr_dup(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *r = xstrdup(v ? (const char *)v : "");

	xmlFree(v);
	return r;
}

int
xmlio_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}
