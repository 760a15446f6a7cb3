#include "xform.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/hash.h>
#include <libxml/xmlreader.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "atomicfile.h"
#include "strbuf.h"
#include "xmem.h"
#include "xmlio.h"

/*
 * libxml2 and libxslt report through process-wide callbacks with no user
 * data of ours, so the run's diag and the error state live here.  One
 * run at a time (xform is a one-shot stage).
 */
static struct {
	struct diag *d;
	struct strbuf line; /* generic-error text up to a newline */
	char *where_file;   /* pending "runtime error: file F line L" */
	long where_line;
	int where_pending;
	size_t errors;      /* errors reported by the libraries */
	size_t refused;     /* security refusals */
	char *last_message; /* last free-standing line (xsl:message) */
	const char *file;   /* named by a library message without a file */
	size_t loaded;      /* errors the document loader reported */
} run;

static xsltSecurityPrefsPtr sec_prefs;

/* "runtime error: file F line L element E", "compilation error: …", or a
 * bare "error": libxslt's context line; the next line is the message. */
static int
parse_context(const char *s)
{
	const char *p, *q;
	char *end;
	long l;

	if (strncmp(s, "runtime error", 13) == 0)
		p = s + 13;
	else if (strncmp(s, "compilation error", 17) == 0)
		p = s + 17;
	else if (strcmp(s, "error") == 0 || strncmp(s, "error: file ", 12) == 0 ||
	         strncmp(s, "error: element ", 15) == 0)
		p = s + 5; /* libxslt's context line with neither stylesheet nor transform */
	else
		return 0;
	free(run.where_file);
	run.where_file = NULL;
	run.where_line = 0;
	run.where_pending = 1;
	if (strncmp(p, ": file ", 7) != 0)
		return 1;
	p += 7;
	/* "F line L element E", "F element E", "F line L" or "F". */
	q = strstr(p, " line ");
	if (q == NULL)
		q = strstr(p, " element ");
	if (q == NULL)
		q = p + strlen(p);
	run.where_file = xstrndup(p, (size_t)(q - p));
	if (strncmp(q, " line ", 6) != 0)
		return 1;
	errno = 0;
	l = strtol(q + 6, &end, 10);
	if (errno == 0 && end != q + 6)
		run.where_line = l;
	return 1;
}

static void
flush_line(const char *s)
{
	if (parse_context(s))
		return;
	if (run.where_pending) {
		run.where_pending = 0;
		/* The loader has said why a stylesheet could not be parsed. */
		if (run.loaded > 0 && strncmp(s, "xsltParseStylesheetFile : cannot parse ", 39) == 0)
			return;
		run.errors++;
		/* No file in the context: the message is about the stylesheet. */
		if (run.where_file == NULL)
			diag_error(run.d, run.file, 0, "%s", s);
		else
			diag_error(run.d, run.where_file, run.where_line, "%s", s);
		return;
	}
	if (*s == '\0')
		return;
	/* Free-standing text: xsl:message output, or a library message
	 * without context.  Printed as it is; the stylesheet formats its
	 * own GNU-style lines. */
	if (run.d->out)
		fprintf(run.d->out, "%s\n", s);
	free(run.last_message);
	run.last_message = xstrdup(s);
}

static void
generic_error(void *ctx, const char *fmt, ...)
{
	va_list ap;
	char *nl;

	(void)ctx;
	va_start(ap, fmt);
	strbuf_vaddf(&run.line, fmt, ap);
	va_end(ap);
	while (run.line.buf && (nl = strchr(run.line.buf, '\n')) != NULL) {
		size_t n = (size_t)(nl - run.line.buf);
		char *one = xstrndup(run.line.buf, n);

		memmove(run.line.buf, nl + 1, run.line.len - n);
		run.line.len -= n + 1;
		flush_line(one);
		free(one);
	}
}

static void
generic_flush(void)
{
	if (run.line.len > 0) {
		char *rest = strbuf_detach(&run.line);

		flush_line(rest);
		free(rest);
	}
}

/* XML parse errors of any document: FILE:LINE: error: MESSAGE. */
static void
structured_error(void *ctx, xmlErrorPtr err)
{
	char msg[1024];
	size_t n;

	(void)ctx;
	if (err == NULL || err->level == XML_ERR_WARNING || run.d == NULL)
		return;
	snprintf(msg, sizeof(msg), "%s", err->message ? err->message : "XML error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	run.errors++;
	diag_error(run.d, err->file ? err->file : run.file, err->line, "%s", msg);
}

/*
 * The loader for every document libxslt opens: the stylesheet, its
 * includes and imports, and document().  The caller's options (which for
 * stylesheets ask for DTD loading and entity substitution) are replaced
 * by the pipeline's: common/xmlio refuses any entity declaration (general
 * or parameter) with its one clear message.  The dictionary is shared as
 * libxslt expects.
 */
static xmlDocPtr
sandbox_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type)
{
	xmlDocPtr doc;
	size_t before;

	(void)options;
	(void)ctxt;
	(void)type;
	if (uri == NULL)
		return NULL;
	before = run.d->errors;
	doc = xmlio_load_dict((const char *)uri, dict, run.d);
	run.loaded += run.d->errors - before;
	run.errors += run.d->errors - before;
	return doc;
}

static int
refuse(const char *what, const char *value)
{
	/* libxslt reports the refusal with the stylesheet's file and line;
	 * counting it is enough to fail the run. */
	(void)what;
	(void)value;
	run.refused++;
	return 0;
}

static int
refuse_write_file(xsltSecurityPrefsPtr s, xsltTransformContextPtr c, const char *v)
{
	(void)s;
	(void)c;
	return refuse("write the file", v);
}

static int
refuse_create_dir(xsltSecurityPrefsPtr s, xsltTransformContextPtr c, const char *v)
{
	(void)s;
	(void)c;
	return refuse("create the directory", v);
}

static int
refuse_write_net(xsltSecurityPrefsPtr s, xsltTransformContextPtr c, const char *v)
{
	(void)s;
	(void)c;
	return refuse("write to the network address", v);
}

static int
refuse_read_net(xsltSecurityPrefsPtr s, xsltTransformContextPtr c, const char *v)
{
	(void)s;
	(void)c;
	return refuse("read the network address", v);
}

void
xform_global_init(void)
{
	xmlInitParser();
	xmlLineNumbersDefault(1);
	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	/* Any entity or DTD the parser would still fetch: local files only. */
	xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
	xsltSetLoaderFunc(sandbox_loader);
	xsltSetGenericErrorFunc(NULL, generic_error);
	xmlSetGenericErrorFunc(NULL, generic_error);
	xmlSetStructuredErrorFunc(NULL, structured_error);
	exsltRegisterAll();

	sec_prefs = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(sec_prefs, XSLT_SECPREF_WRITE_FILE, refuse_write_file);
	xsltSetSecurityPrefs(sec_prefs, XSLT_SECPREF_CREATE_DIRECTORY, refuse_create_dir);
	xsltSetSecurityPrefs(sec_prefs, XSLT_SECPREF_WRITE_NETWORK, refuse_write_net);
	xsltSetSecurityPrefs(sec_prefs, XSLT_SECPREF_READ_NETWORK, refuse_read_net);
	xsltSetDefaultSecurityPrefs(sec_prefs);
}

void
xform_global_release(void)
{
	xsltSetDefaultSecurityPrefs(NULL);
	xsltFreeSecurityPrefs(sec_prefs);
	sec_prefs = NULL;
	xsltSetLoaderFunc(NULL);
	xsltCleanupGlobals();
	xmlCleanupParser();
}

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static size_t
count_elements(xmlNodePtr n)
{
	size_t c = 0;

	for (; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			c += 1 + count_elements(n->children);
	return c;
}

static enum xform_status
save(xsltStylesheetPtr style, xmlDocPtr res, const char *out, struct diag *d)
{
	struct atomicfile af;

	if (atomicfile_open(&af, out) < 0) {
		diag_error(d, out, 0, "cannot write: %s", strerror(errno));
		return XFORM_SYSTEM;
	}
	if (xsltSaveResultToFile(af.fp, res, style) < 0 || ferror(af.fp)) {
		diag_error(d, out, 0, "cannot write the result: %s", strerror(errno));
		atomicfile_abort(&af);
		return XFORM_SYSTEM;
	}
	if (atomicfile_commit(&af) < 0) {
		diag_error(d, out, 0, "cannot write: %s", strerror(errno));
		return XFORM_SYSTEM;
	}
	return XFORM_OK;
}

/*
 * One transformation of `doc` (which stays the caller's): the
 * parameters, plus part=PART when PART is not NULL (streaming, below).
 * On success *res is the result document.
 */
static enum xform_status
apply_once(xsltStylesheetPtr style, xmlDocPtr doc, const struct xform_opts *o,
           const char *part, xmlDocPtr *res)
{
	xsltTransformContextPtr ctxt;
	enum xform_status st = XFORM_INPUT;
	size_t i;

	*res = NULL;
	ctxt = xsltNewTransformContext(style, doc);
	if (ctxt == NULL) {
		diag_error(run.d, NULL, 0, "cannot create the transformation context");
		return XFORM_SYSTEM;
	}
	if (xsltSetCtxtSecurityPrefs(sec_prefs, ctxt) != 0) {
		diag_error(run.d, NULL, 0, "cannot install the XSLT security preferences");
		st = XFORM_SYSTEM;
		goto out;
	}
	for (i = 0; i < o->nparams; i++) {
		if (part != NULL && strcmp(o->params[i].name, "part") == 0)
			continue;
		if (xsltQuoteOneUserParam(ctxt, (const xmlChar *)o->params[i].name,
		                          (const xmlChar *)o->params[i].value) != 0) {
			diag_error(run.d, NULL, 0, "cannot pass parameter '%s'", o->params[i].name);
			goto out;
		}
	}
	if (part != NULL && xsltQuoteOneUserParam(ctxt, (const xmlChar *)"part",
	                                          (const xmlChar *)part) != 0) {
		diag_error(run.d, NULL, 0, "cannot pass parameter 'part'");
		goto out;
	}
	*res = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, ctxt);
	generic_flush();

	if (ctxt->state == XSLT_STATE_STOPPED) {
		if (run.errors == 0 && run.last_message != NULL)
			diag_error(run.d, o->stylesheet, 0, "transformation stopped by xsl:message: %s",
			           run.last_message);
		else
			diag_error(run.d, o->stylesheet, 0, "transformation stopped after errors");
		goto out;
	}
	if (run.refused > 0) {
		diag_error(run.d, o->stylesheet, 0,
		           "the stylesheet attempted a forbidden access; nothing written");
		goto out;
	}
	if (*res == NULL || ctxt->state == XSLT_STATE_ERROR) {
		diag_error(run.d, o->stylesheet, 0, "transformation failed");
		goto out;
	}
	if (run.errors > 0 && !o->draft) {
		diag_error(run.d, o->stylesheet, 0,
		           "%zu error%s during the transformation; nothing written", run.errors,
		           run.errors == 1 ? "" : "s");
		goto out;
	}
	st = XFORM_OK;
out:
	if (st != XFORM_OK && *res != NULL) {
		xmlFreeDoc(*res);
		*res = NULL;
	}
	xsltFreeTransformContext(ctxt);
	return st;
}

/* "xform: join.xsl -> OUT, 118 measures, …, <model> with N elements". */
static char *
describe(const char *sname, const char *out, xmlNodePtr root, size_t elements)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s -> %s", sname, out);
	if (root != NULL) {
		/* join.xsl's model counts what it joined: say so. */
		static const char *const counted[] = {"measures", "rows", "missing"};
		size_t k;

		for (k = 0; k < sizeof(counted) / sizeof(counted[0]); k++) {
			char *v = xmlio_attr(root, counted[k]);

			if (v != NULL)
				strbuf_addf(&sb, ", %s %s", v, counted[k]);
			xmlFree(v);
		}
		strbuf_addf(&sb, ", <%s> with %zu elements", (const char *)root->name, elements);
	} else
		strbuf_addstr(&sb, ", text");
	return strbuf_detach(&sb);
}

/* ------------------------------------------------------------------ */
/*
 * Streaming: a stylesheet that declares
 *
 *   <xf:stream chunk="area" key="ref"/>           xmlns:xf="urn:pipeline:xform"
 *   <xf:merge param="plan" chunk="area" key="id"/>
 *   <xf:merge param="registry"/>
 *   <xf:merge param="matrix" by="target"/>
 *
 * is run once per chunk and once more at the end, never on the whole
 * year at once, so a stage's memory is one chunk plus what the
 * stylesheet carries (issue 7: the 100x year under 150 MiB).  The input
 * and each merged document (the file named by that parameter) are read
 * with xmlTextReader.  One working document is kept:
 *
 *   <INPUT-ROOT attrs>                 the input's root, attributes only
 *     …the input's top-level elements before its first chunk…
 *     <MERGE-ROOT attrs>               one per xf:merge, in order: the
 *       …its top-level elements…       whole document, or (chunk=) the
 *     </MERGE-ROOT>                    elements before its first chunk
 *     <xf:carry>…</xf:carry>…          what earlier runs carried
 *     CHUNK                            this run's chunk(s)
 *   </INPUT-ROOT>
 *
 * Chunk runs (part='chunk'): the chunk is the input's next CHUNK element
 * or, when a merge declares chunk=, the merge's next chunk element (added
 * inside MERGE-ROOT) together with the input's next chunk if its key
 * attribute equals the merge chunk's key (else the input has none for
 * it).  The children of the result's root go to the output in order,
 * except <xf:carry> elements, which are added to the working document
 * for every later run (<xf:carry to="final"> only for the final run).
 * A merge with by="target" is read whole but not added whole: its
 * top-level elements with a target attribute join the chunk run whose
 * driving chunk has an element with that id (the other elements are
 * there for every run; those whose target no chunk has, for the final
 * run only).  Elements after the last chunk are added before
 * the final run (part='final'), whose result gives the output's root and
 * what surrounds the chunks' output: it goes where the final result has
 * an <xf:body/> element, or before the root's end tag (text output:
 * after the final text).  With indent="no" the file is the same bytes a
 * single run over the whole year would write.
 */
#define XF_NS ((const xmlChar *)"urn:pipeline:xform")
#define MAX_MERGES 8

struct src {
	const char *path;
	xmlTextReaderPtr r;
	char *chunk;      /* chunk element name, or NULL: read whole */
	char *key;        /* key attribute of a chunk */
	xmlNodePtr root;  /* its root's copy in the working document */
	int at;           /* 1: positioned on a top-level element */
	xmlDocPtr whole;  /* a small file parsed at once: its top-level elements */
	xmlNodePtr cur;   /* whole: the next one */
	char *by;         /* xf:merge by=: top-level elements sent to chunks */
	xmlDocPtr hold;   /* by=: the elements not yet sent */
	xmlHashTablePtr index; /* by=: attribute value → struct nodes */
};

struct nodes {
	xmlNodePtr *v;
	size_t n, cap;
};

struct plan {
	struct src in;
	struct src merge[MAX_MERGES];
	size_t nmerge;
	char *param[MAX_MERGES];
};

static int
is_xf(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, XF_NS) && xmlStrEqual(n->name, (const xmlChar *)name);
}

static char *
xf_attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? xstrdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

/* Reads the stylesheet's declarations.  1 streaming, 0 not, -1 error. */
static int
read_decls(xsltStylesheetPtr style, struct plan *p, const char *sheet)
{
	xmlNodePtr root = style->doc ? xmlDocGetRootElement(style->doc) : NULL, n;
	int streaming = 0;

	for (n = root ? root->children : NULL; n != NULL; n = n->next) {
		if (is_xf(n, "stream")) {
			p->in.chunk = xf_attr(n, "chunk");
			p->in.key = xf_attr(n, "key");
			streaming = 1;
		} else if (is_xf(n, "merge")) {
			if (p->nmerge == MAX_MERGES)
				return diag_error(run.d, sheet, xmlGetLineNo(n), "more than %d xf:merge",
				                  MAX_MERGES);
			p->param[p->nmerge] = xf_attr(n, "param");
			p->merge[p->nmerge].chunk = xf_attr(n, "chunk");
			p->merge[p->nmerge].key = xf_attr(n, "key");
			p->merge[p->nmerge].by = xf_attr(n, "by");
			if (p->param[p->nmerge] == NULL)
				return diag_error(run.d, sheet, xmlGetLineNo(n), "xf:merge needs param=");
			p->nmerge++;
		}
	}
	if (!streaming)
		return p->nmerge ? diag_error(run.d, sheet, 0, "xf:merge without xf:stream") : 0;
	if (p->in.chunk == NULL)
		return diag_error(run.d, sheet, 0, "xf:stream needs chunk=");
	return 1;
}

static void
quiet(void *arg, xmlErrorPtr err)
{
	(void)arg;
	(void)err;
}

/* xmlio_load_dict() from inside a run: its errors counted as the run's,
 * xform's structured handler back in place. */
static xmlDocPtr
load_counted(const char *path, xmlDictPtr dict)
{
	size_t before = run.d->errors;
	xmlDocPtr doc = xmlio_load_dict(path, dict, run.d);

	xmlSetStructuredErrorFunc(NULL, structured_error);
	run.errors += run.d->errors - before;
	return doc;
}

/*
 * The reader stopped on an error or a DOCTYPE: xmlio parses the file once
 * more to say what is wrong in the pipeline's words (entities refused
 * with one message, FILE:LINE for the rest).  A DOCTYPE xmlio accepts
 * (no declarations) lets the stream go on: returns 0; else -1.
 */
static int
reader_trouble(struct src *s)
{
	xmlDocPtr doc = load_counted(s->path, NULL);

	if (doc != NULL) {
		xmlFreeDoc(doc);
		return 0;
	}
	return -1;
}

static int
reader_read(struct src *s, int (*step)(xmlTextReaderPtr))
{
	int ret = step(s->r);

	if (ret < 0) {
		if (reader_trouble(s) == 0)
			diag_error(run.d, s->path, 0, "cannot read as a stream");
		return -1;
	}
	return ret;
}

/* From the current node on, to the next top-level element (s->at = 1) or
 * the root's end (s->at = 0).  0, or -1 after reporting. */
static int
seek_top(struct src *s)
{
	for (;;) {
		int type = xmlTextReaderNodeType(s->r), depth = xmlTextReaderDepth(s->r), ret;

		if (type == XML_READER_TYPE_ELEMENT && depth == 1) {
			s->at = 1;
			return 0;
		}
		if (depth <= 0 && type != XML_READER_TYPE_ELEMENT) {
			s->at = 0;
			return 0;
		}
		ret = reader_read(s, xmlTextReaderRead);
		if (ret < 0)
			return -1;
		if (ret == 0) {
			s->at = 0;
			return 0;
		}
	}
}

static void
push(struct nodes *ns, xmlNodePtr n)
{
	if (n == NULL)
		return;
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? 2 * ns->cap : 16;
		ns->v = xrealloc(ns->v, ns->cap * sizeof(*ns->v));
	}
	ns->v[ns->n++] = n;
}

static void
nodes_free(void *payload, const xmlChar *name)
{
	struct nodes *ns = payload;

	(void)name;
	free(ns->v);
	free(ns);
}

/*
 * xf:merge by=ATTR: the document `n` is kept aside (s->hold); its root's
 * copy (attributes only) goes into the working document with the
 * top-level elements that have no ATTR; the others are indexed by ATTR.
 */
static int
hold_open(struct src *s, xmlDocPtr work, xmlNodePtr parent)
{
	xmlNodePtr root = xmlDocGetRootElement(s->hold), c, next;

	s->index = xmlHashCreate(1024);
	if (root == NULL)
		return diag_error(run.d, s->path, 0, "no root element"), -1;
	s->root = xmlDocCopyNode(root, work, 2);
	if (s->root == NULL || s->index == NULL)
		return diag_error(run.d, s->path, 0, "out of memory"), -1;
	xmlAddChild(parent, s->root);
	for (c = root->children; c != NULL; c = next) {
		xmlChar *v;
		struct nodes *ns;

		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		v = xmlGetProp(c, (const xmlChar *)s->by);
		if (v == NULL) {
			xmlUnlinkNode(c);
			xmlAddChild(s->root, c);
			continue;
		}
		ns = xmlHashLookup(s->index, v);
		if (ns == NULL) {
			ns = xcalloc(1, sizeof(*ns));
			xmlHashAddEntry(s->index, v, ns);
		}
		if (ns->n == ns->cap) {
			ns->cap = ns->cap ? 2 * ns->cap : 2;
			ns->v = xrealloc(ns->v, ns->cap * sizeof(*ns->v));
		}
		ns->v[ns->n++] = c;
		xmlFree(v);
	}
	return 0;
}

/*
 * Sends the held elements whose by= value is the id of an element of
 * `chunk` (or of `chunk` itself) into s->root, recording them in `sent`
 * so that they are dropped after the run.
 */
static void
hold_send(struct src *s, xmlNodePtr chunk, struct nodes *sent)
{
	xmlNodePtr c;
	xmlChar *id;

	if (chunk == NULL || chunk->type != XML_ELEMENT_NODE)
		return;
	id = xmlGetProp(chunk, (const xmlChar *)"id");
	if (id != NULL) {
		struct nodes *ns = xmlHashLookup(s->index, id);
		size_t i;

		for (i = 0; ns != NULL && i < ns->n; i++) {
			xmlUnlinkNode(ns->v[i]);
			xmlAddChild(s->root, ns->v[i]);
			push(sent, ns->v[i]);
		}
		if (ns != NULL)
			xmlHashRemoveEntry(s->index, id, nodes_free);
		xmlFree(id);
	}
	for (c = chunk->children; c != NULL; c = c->next)
		hold_send(s, c, sent);
}

/* Before the final run: what no chunk took, in the document's order. */
static void
hold_rest(struct src *s)
{
	xmlNodePtr root = s->hold ? xmlDocGetRootElement(s->hold) : NULL, c, next;

	for (c = root ? root->children : NULL; c != NULL; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		xmlUnlinkNode(c);
		xmlAddChild(s->root, c);
	}
}

/* Files under 8 MiB (XFORM_STREAM_ABOVE bytes; 0: none, for tests) are
 * parsed at once rather than read as a stream: faster, and small. */
static int
small_file(const char *path)
{
	const char *v = getenv("XFORM_STREAM_ABOVE");
	off_t limit = v ? (off_t)strtoll(v, NULL, 10) : (off_t)8 << 20;
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < limit;
}

/* whole: to the next top-level element, or the end. */
static void
whole_seek(struct src *s)
{
	while (s->cur != NULL && s->cur->type != XML_ELEMENT_NODE)
		s->cur = s->cur->next;
	s->at = s->cur != NULL;
}

/* The root's copy (attributes only) becomes the working document's root
 * (parent NULL) or a child of `parent`.  0, or -1 after reporting. */
static int
attach_root(struct src *s, xmlNodePtr root, xmlDocPtr work, xmlNodePtr parent)
{
	s->root = xmlDocCopyNode(root, work, 2);
	if (s->root == NULL)
		return diag_error(run.d, s->path, 0, "out of memory"), -1;
	if (parent == NULL)
		xmlDocSetRootElement(work, s->root);
	else
		xmlAddChild(parent, s->root);
	return 0;
}

/* Opens s->path; its root's copy becomes the working document's root
 * (parent NULL) or a child of `parent`.  0, or -1 after reporting. */
static int
src_open(struct src *s, xmlDocPtr work, xmlNodePtr parent)
{
	int ret;

	if (s->chunk == NULL && parent != NULL) {
		/* Read whole: parsed once (not read and copied), its root moved
		 * into the working document, which shares its dictionary. */
		xmlDocPtr doc = load_counted(s->path, work->dict);

		if (doc == NULL)
			return -1;
		s->at = 0;
		if (s->by != NULL) {
			s->hold = doc;
			return hold_open(s, work, parent);
		}
		s->root = xmlDocGetRootElement(doc);
		if (s->root == NULL) {
			xmlFreeDoc(doc);
			return diag_error(run.d, s->path, 0, "no root element"), -1;
		}
		xmlUnlinkNode(s->root);
		xmlAddChild(parent, s->root);
		xmlFreeDoc(doc);
		return 0;
	}

	if (s->chunk != NULL && small_file(s->path)) {
		/* Small enough to parse at once (FY2014's files are): its
		 * top-level elements move into the working document as
		 * they are taken, uncopied (the dictionary is shared). */
		xmlNodePtr root;

		s->whole = load_counted(s->path, work->dict);
		if (s->whole == NULL)
			return -1;
		root = xmlDocGetRootElement(s->whole);
		if (root == NULL)
			return diag_error(run.d, s->path, 0, "no root element"), -1;
		if (attach_root(s, root, work, parent) < 0)
			return -1;
		s->cur = root->children;
		whole_seek(s);
		return 0;
	}
	s->r = xmlReaderForFile(s->path, NULL, xmlio_options());
	if (s->r == NULL) {
		reader_trouble(s);
		if (run.d->errors == 0)
			diag_error(run.d, s->path, 0, "cannot read");
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(s->r, quiet, NULL);
	for (;;) {
		ret = reader_read(s, xmlTextReaderRead);
		if (ret < 0)
			return -1;
		if (ret == 0)
			return diag_error(run.d, s->path, 0, "no root element"), -1;
		if (xmlTextReaderNodeType(s->r) == XML_READER_TYPE_DOCUMENT_TYPE) {
			if (reader_trouble(s) < 0)
				return -1;
			continue;
		}
		if (xmlTextReaderNodeType(s->r) == XML_READER_TYPE_ELEMENT)
			break;
	}
	if (attach_root(s, xmlTextReaderCurrentNode(s->r), work, parent) < 0)
		return -1;
	if (xmlTextReaderIsEmptyElement(s->r)) {
		s->at = 0;
		return 0;
	}
	if (reader_read(s, xmlTextReaderRead) < 0)
		return -1;
	return seek_top(s);
}

static int
at_chunk(const struct src *s)
{
	if (!s->at || s->chunk == NULL)
		return 0;
	if (s->whole != NULL)
		return xmlStrEqual(s->cur->name, (const xmlChar *)s->chunk);
	return xmlStrEqual(xmlTextReaderConstLocalName(s->r), (const xmlChar *)s->chunk);
}

/* The key attribute of the chunk the reader is on (xmlFree), or NULL. */
static xmlChar *
chunk_key(const struct src *s)
{
	if (s->key == NULL)
		return NULL;
	if (s->whole != NULL)
		return xmlGetProp(s->cur, (const xmlChar *)s->key);
	return xmlTextReaderGetAttribute(s->r, (const xmlChar *)s->key);
}

/* Copies the current top-level element into `parent` and moves on.
 * Returns the copy, or NULL after reporting. */
static xmlNodePtr
take(struct src *s, xmlDocPtr work, xmlNodePtr parent)
{
	xmlNodePtr n, copy;

	if (s->whole != NULL) {
		n = s->cur;
		s->cur = n->next;
		whole_seek(s);
		xmlUnlinkNode(n);
		xmlAddChild(parent, n);
		return n;
	}
	n = xmlTextReaderExpand(s->r);
	if (n == NULL) {
		if (reader_trouble(s) == 0)
			diag_error(run.d, s->path, 0, "cannot read as a stream");
		return NULL;
	}
	copy = xmlDocCopyNode(n, work, 1);
	if (copy == NULL) {
		diag_error(run.d, s->path, 0, "out of memory");
		return NULL;
	}
	xmlAddChild(parent, copy);
	if (reader_read(s, xmlTextReaderNext) < 0 || seek_top(s) < 0) {
		xmlUnlinkNode(copy);
		xmlFreeNode(copy);
		return NULL;
	}
	return copy;
}

/* Adds top-level elements up to the next chunk (all of them when the
 * source has no chunks).  0, or -1. */
static int
take_until_chunk(struct src *s, xmlDocPtr work)
{
	while (s->at && !at_chunk(s))
		if (take(s, work, s->root) == NULL)
			return -1;
	return 0;
}

static void
drop(xmlNodePtr n)
{
	if (n != NULL) {
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
}

/* Serializes `res` as the stylesheet's output would be written. */
static int
serialize(xsltStylesheetPtr style, xmlDocPtr res, xmlChar **text, int *len)
{
	*text = NULL;
	*len = 0;
	if (xsltSaveResultToString(text, len, res, style) < 0)
		return diag_error(run.d, NULL, 0, "cannot serialize the result");
	return 0;
}

/*
 * The part of a chunk run's output that goes into the file: the root's
 * content (XML), or all of it (text).  Sets [*b, *e).
 */
static void
content_of(xmlDocPtr res, const char *text, size_t len, const char **b, const char **e)
{
	xmlNodePtr root = xmlDocGetRootElement(res);
	struct strbuf open = STRBUF_INIT, close = STRBUF_INIT;
	const char *p, *q, *end = text + len;

	*b = text;
	*e = end;
	if (root == NULL)
		return;
	strbuf_addch(&open, '<');
	if (root->ns && root->ns->prefix)
		strbuf_addf(&open, "%s:", (const char *)root->ns->prefix);
	strbuf_addstr(&open, (const char *)root->name);
	strbuf_addf(&close, "</%s", open.buf + 1);
	strbuf_addch(&close, '>');
	/* Attribute values are written with '>' escaped: the first '>' after
	 * the root's name ends its start tag. */
	p = strstr(text, open.buf);
	*b = *e = end;
	if (p != NULL && (q = strchr(p, '>')) != NULL && q[-1] != '/') {
		const char *c = NULL, *s;

		for (s = q; (s = strstr(s, close.buf)) != NULL; s++)
			c = s;
		if (c != NULL) {
			*b = q + 1;
			*e = c;
		}
	}
	strbuf_release(&open);
	strbuf_release(&close);
}

/* Moves the result's <xf:carry> elements into the working document. */
static void
keep_carry(xmlDocPtr res, xmlDocPtr work, xmlNodePtr later)
{
	xmlNodePtr root = xmlDocGetRootElement(res), n, next;

	for (n = root ? root->children : NULL; n != NULL; n = next) {
		next = n->next;
		if (is_xf(n, "carry")) {
			xmlChar *to = xmlGetProp(n, (const xmlChar *)"to");

			if (to != NULL && xmlStrEqual(to, (const xmlChar *)"final"))
				xmlAddChild(later, xmlDocCopyNode(n, later->doc, 1));
			else
				xmlAddChild(xmlDocGetRootElement(work), xmlDocCopyNode(n, work, 1));
			xmlFree(to);
			drop(n);
		} else if (is_xf(n, "body"))
			drop(n);
	}
}

static int
copy_file(FILE *from, FILE *to)
{
	char buf[65536];
	size_t n;

	rewind(from);
	while ((n = fread(buf, 1, sizeof(buf), from)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			return -1;
	return ferror(from) ? -1 : 0;
}

/* Finds the final result's <xf:body/> (or adds one as the root's last
 * child) and makes it the marker processing instruction. */
static void
mark_body(xmlNodePtr n, int *found)
{
	xmlNodePtr c, next;

	for (c = n ? n->children : NULL; c != NULL; c = next) {
		next = c->next;
		if (is_xf(c, "body")) {
			if (!*found)
				xmlReplaceNode(c, xmlNewDocPI(c->doc, (const xmlChar *)"xf-body", NULL));
			else
				xmlUnlinkNode(c);
			xmlFreeNode(c);
			*found = 1;
		} else if (c->type == XML_ELEMENT_NODE)
			mark_body(c, found);
	}
}

/* How many elements one chunk run takes at least (XFORM_CHUNK_ELEMENTS,
 * for tests: 1 makes a run per chunk).  10 000: all of FY2014 in one run,
 * the 100x year in about 90; at 20 000, join's peak there was 146 MB,
 * at 10 000 120 MB, at 5 000 116 MB and 15% more time. */
static size_t
chunk_elements(void)
{
	const char *v = getenv("XFORM_CHUNK_ELEMENTS");
	long n = v ? strtol(v, NULL, 10) : 0;

	return n > 0 ? (size_t)n : 10000;
}

/*
 * The chunks of one run, added to the working document and recorded in
 * `sent` (with the merged elements that go with them) to be dropped after
 * it: while they add up to fewer than chunk_elements(), so that the
 * year's size sets the number of runs, not the number of areas.  When a
 * merge drives, its chunk comes with the input's next chunk if their keys
 * are equal.  0, or -1 after reporting.
 */
static int
take_batch(struct plan *p, struct src *drive, xmlDocPtr work, struct nodes *sent)
{
	size_t size = 0, i;

	do {
		xmlNodePtr mine = NULL, theirs = NULL;

		if (drive != &p->in) {
			xmlChar *want = chunk_key(drive), *have = NULL;
			int same;

			if (take_until_chunk(&p->in, work) < 0) {
				xmlFree(want);
				return -1;
			}
			if (at_chunk(&p->in))
				have = chunk_key(&p->in);
			same = want != NULL && have != NULL && xmlStrEqual(want, have);
			xmlFree(want);
			xmlFree(have);
			if ((theirs = take(drive, work, drive->root)) == NULL)
				return -1;
			push(sent, theirs);
			if (same && (mine = take(&p->in, work, p->in.root)) == NULL)
				return -1;
		} else if ((mine = take(&p->in, work, p->in.root)) == NULL)
			return -1;
		push(sent, mine);
		size += (mine ? 1 + count_elements(mine->children) : 0) +
		        (theirs ? 1 + count_elements(theirs->children) : 0);
		for (i = 0; i < p->nmerge; i++)
			if (p->merge[i].by != NULL)
				hold_send(&p->merge[i], theirs ? theirs : mine, sent);
		if (take_until_chunk(drive, work) < 0)
			return -1;
	} while (at_chunk(drive) && size < chunk_elements());
	return 0;
}

static enum xform_status
stream_run(xsltStylesheetPtr style, const struct xform_opts *o, struct plan *p,
           char **summary)
{
	xmlDocPtr work = xmlNewDoc((const xmlChar *)"1.0"), res = NULL;
	xmlDictPtr dict = xmlDictCreate();
	xmlDocPtr later_doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr later = later_doc ? xmlNewDocNode(later_doc, NULL, (const xmlChar *)"later", NULL) : NULL;
	struct nodes sent = {NULL, 0, 0};
	struct src *drive = NULL;
	FILE *body = tmpfile();
	enum xform_status st = XFORM_INPUT;
	size_t elements = 0, i, k;
	xmlChar *text = NULL;
	int len;

	if (later != NULL)
		xmlDocSetRootElement(later_doc, later);
	/* Merged documents read whole are parsed with the working document's
	 * dictionary, so that their nodes can move into it uncopied. */
	if (work != NULL && dict != NULL) {
		work->dict = dict;
		xmlDictReference(dict);
	}
	if (work == NULL || body == NULL || later == NULL) {
		diag_error(run.d, o->output, 0, "cannot create a temporary file: %s", strerror(errno));
		st = XFORM_SYSTEM;
		goto out;
	}
	p->in.path = o->input;
	for (i = 0; i < p->nmerge; i++) {
		for (k = 0; k < o->nparams; k++)
			if (strcmp(o->params[k].name, p->param[i]) == 0)
				p->merge[i].path = o->params[k].value;
		if (p->merge[i].path == NULL || *p->merge[i].path == '\0') {
			struct strbuf sb = STRBUF_INIT;

			for (k = 0; k < p->nmerge; k++)
				strbuf_addf(&sb, "%s%s", k == 0 ? "" : k + 1 == p->nmerge ? " and " : ", ",
				            p->param[k]);
			diag_error(run.d, o->stylesheet, 0, "the parameter%s %s %s required (paths)",
			           p->nmerge > 1 ? "s" : "", sb.buf, p->nmerge > 1 ? "are" : "is");
			strbuf_release(&sb);
			goto out;
		}
		if (p->merge[i].chunk != NULL) {
			if (drive != NULL) {
				diag_error(run.d, o->stylesheet, 0, "only one xf:merge may have chunk=");
				goto out;
			}
			drive = &p->merge[i];
		}
	}
	if (src_open(&p->in, work, NULL) < 0 || take_until_chunk(&p->in, work) < 0)
		goto out;
	for (i = 0; i < p->nmerge; i++)
		if (src_open(&p->merge[i], work, p->in.root) < 0 ||
		    take_until_chunk(&p->merge[i], work) < 0)
			goto out;
	if (drive == NULL)
		drive = &p->in;

	for (;;) {
		const char *b, *e;

		/* Elements between chunks stay for every later run. */
		if (take_until_chunk(drive, work) < 0)
			goto out;
		if (!drive->at)
			break;
		if (take_batch(p, drive, work, &sent) < 0)
			goto out;
		st = apply_once(style, work, o, "chunk", &res);
		for (i = 0; i < sent.n; i++)
			drop(sent.v[i]);
		sent.n = 0;
		if (st != XFORM_OK)
			goto out;
		st = XFORM_INPUT;
		keep_carry(res, work, later);
		elements += count_elements(xmlDocGetRootElement(res) ?
		                           xmlDocGetRootElement(res)->children : NULL);
		if (serialize(style, res, &text, &len) < 0)
			goto out;
		content_of(res, (const char *)text, (size_t)len, &b, &e);
		if (e > b && fwrite(b, 1, (size_t)(e - b), body) != (size_t)(e - b)) {
			diag_error(run.d, o->output, 0, "cannot write a temporary file: %s",
			           strerror(errno));
			st = XFORM_SYSTEM;
			goto out;
		}
		xmlFree(text);
		text = NULL;
		xmlFreeDoc(res);
		res = NULL;
	}
	if (at_chunk(&p->in)) {
		xmlChar *key = chunk_key(&p->in);

		diag_error(run.d, o->input,
		           xmlGetLineNo(p->in.whole ? p->in.cur : xmlTextReaderCurrentNode(p->in.r)),
		           "<%s %s=\"%s\"> has no counterpart in %s (or is out of its order): "
		           "the file is older than %s; rebuild it", p->in.chunk,
		           p->in.key ? p->in.key : "", key ? (const char *)key : "", drive->path,
		           drive->path);
		xmlFree(key);
		goto out;
	}
	for (i = 0; i < p->nmerge; i++) {
		if (take_until_chunk(&p->merge[i], work) < 0)
			goto out;
		hold_rest(&p->merge[i]);
	}
	if (take_until_chunk(&p->in, work) < 0)
		goto out;
	{
		xmlNodePtr c, next;

		for (c = later->children; c != NULL; c = next) {
			next = c->next;
			xmlUnlinkNode(c);
			xmlAddChild(xmlDocGetRootElement(work), c);
		}
	}

	st = apply_once(style, work, o, "final", &res);
	if (st != XFORM_OK)
		goto out;
	st = XFORM_INPUT;
	{
		xmlNodePtr root = xmlDocGetRootElement(res);
		struct atomicfile af;
		const char *t, *m;
		size_t n;
		int found = 0;

		if (root != NULL) {
			mark_body(root, &found);
			if (!found)
				xmlAddChild(root, xmlNewDocPI(res, (const xmlChar *)"xf-body", NULL));
		}
		elements += root ? count_elements(root) : 0;
		if (serialize(style, res, &text, &len) < 0)
			goto out;
		t = (const char *)text;
		n = (size_t)len;
		m = root ? strstr(t ? t : "", "<?xf-body?>") : NULL;
		if (atomicfile_open(&af, o->output) < 0) {
			diag_error(run.d, o->output, 0, "cannot write: %s", strerror(errno));
			st = XFORM_SYSTEM;
			goto out;
		}
		if (m != NULL) {
			fwrite(t, 1, (size_t)(m - t), af.fp);
			copy_file(body, af.fp);
			fwrite(m + 11, 1, n - (size_t)(m + 11 - t), af.fp);
		} else {
			if (n)
				fwrite(t, 1, n, af.fp);
			copy_file(body, af.fp);
		}
		if (ferror(af.fp) || ferror(body)) {
			diag_error(run.d, o->output, 0, "cannot write the result: %s", strerror(errno));
			atomicfile_abort(&af);
			st = XFORM_SYSTEM;
			goto out;
		}
		if (atomicfile_commit(&af) < 0) {
			diag_error(run.d, o->output, 0, "cannot write: %s", strerror(errno));
			st = XFORM_SYSTEM;
			goto out;
		}
		st = XFORM_OK;
		if (summary)
			*summary = describe(base_name(o->stylesheet), o->output, root, elements);
	}
out:
	xmlFree(text);
	if (res)
		xmlFreeDoc(res);
	if (body)
		fclose(body);
	if (p->in.r)
		xmlFreeTextReader(p->in.r);
	if (p->in.whole)
		xmlFreeDoc(p->in.whole);
	for (i = 0; i < p->nmerge; i++) {
		if (p->merge[i].r)
			xmlFreeTextReader(p->merge[i].r);
		if (p->merge[i].index)
			xmlHashFree(p->merge[i].index, nodes_free);
		if (p->merge[i].hold)
			xmlFreeDoc(p->merge[i].hold);
		if (p->merge[i].whole)
			xmlFreeDoc(p->merge[i].whole);
	}
	free(sent.v);
	if (later_doc)
		xmlFreeDoc(later_doc);
	if (work)
		xmlFreeDoc(work);
	if (dict)
		xmlDictFree(dict);
	return st;
}

static void
plan_release(struct plan *p)
{
	size_t i;

	free(p->in.chunk);
	free(p->in.key);
	for (i = 0; i < p->nmerge; i++) {
		free(p->merge[i].chunk);
		free(p->merge[i].key);
		free(p->merge[i].by);
		free(p->param[i]);
	}
}

enum xform_status
xform_run(const struct xform_opts *o, struct diag *d, char **summary)
{
	xsltStylesheetPtr style = NULL;
	xmlDocPtr doc = NULL, res = NULL;
	enum xform_status st = XFORM_INPUT;
	struct plan plan;
	int streaming;

	memset(&run, 0, sizeof(run));
	memset(&plan, 0, sizeof(plan));
	run.d = d;
	strbuf_init(&run.line, 256);
	if (summary)
		*summary = NULL;

	{
		FILE *probe = fopen(o->stylesheet, "r");

		if (probe == NULL) {
			diag_error(d, o->stylesheet, 0, "cannot read: %s", strerror(errno));
			goto out;
		}
		fclose(probe);
	}
	run.file = o->stylesheet;
	style = xsltParseStylesheetFile((const xmlChar *)o->stylesheet);
	generic_flush();
	if (style == NULL || style->errors > 0) {
		diag_error(d, o->stylesheet, 0, "cannot compile the stylesheet");
		goto out;
	}
	streaming = read_decls(style, &plan, o->stylesheet);
	if (streaming < 0)
		goto out;
	if (streaming) {
		st = stream_run(style, o, &plan, summary);
		goto out;
	}
	doc = xmlio_load(o->input, d);
	/* xmlio_load resets the structured handler when done. */
	xmlSetStructuredErrorFunc(NULL, structured_error);
	if (doc == NULL)
		goto out;
	st = apply_once(style, doc, o, NULL, &res);
	if (st != XFORM_OK)
		goto out;
	st = save(style, res, o->output, d);
	if (st == XFORM_OK && summary) {
		xmlNodePtr root = xmlDocGetRootElement(res);

		*summary = describe(base_name(o->stylesheet), o->output, root,
		                    root ? count_elements(root) : 0);
	}
out:
	generic_flush();
	if (res)
		xmlFreeDoc(res);
	if (doc)
		xmlFreeDoc(doc);
	if (style)
		xsltFreeStylesheet(style);
	plan_release(&plan);
	strbuf_release(&run.line);
	free(run.where_file);
	free(run.last_message);
	memset(&run, 0, sizeof(run));
	return st;
}
