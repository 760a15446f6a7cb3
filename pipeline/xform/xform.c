#include "xform.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <glib.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "atomicfile.h"
#include "i18n.h"
#include "orth.h"
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

/*
 * An xsl:message line `WHERE: error: MESSAGE` (or warning) in the user's
 * language, or NULL when it has no translation.  MESSAGE is looked up as
 * it is, then with each quoted part in turn written '%s' (the msgids
 * po/xslmsgs.py extracts, where an xsl:value-of is %s).
 */
static char *
translate_message(const char *s)
{
	static const char *const sev[] = {": error: ", ": warning: "};
	const char *msg = NULL, *t, *q1, *q2;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;
	size_t i;

	for (i = 0; i < 2 && msg == NULL; i++)
		if ((msg = strstr(s, sev[i])) != NULL)
			msg += strlen(sev[i]);
	if (msg == NULL || *msg == '\0')
		return NULL;
	strbuf_add(&sb, s, (size_t)(msg - s));
	if ((t = _(msg)) != msg) {
		strbuf_addstr(&sb, t);
		return strbuf_detach(&sb);
	}
	for (q1 = strchr(msg, '\''); q1 && (q2 = strchr(q1 + 1, '\'')) != NULL;
	     q1 = strchr(q2 + 1, '\'')) {
		char *value = xstrndup(q1 + 1, (size_t)(q2 - q1 - 1));

		strbuf_reset(&key);
		strbuf_add(&key, msg, (size_t)(q1 + 1 - msg));
		strbuf_addstr(&key, "%s");
		strbuf_addstr(&key, q2);
		t = _(key.buf);
		if (t != key.buf) {
			/* msgfmt --check: the translation has the one %s too. */
			strbuf_addf(&sb, t, value);
			free(value);
			strbuf_release(&key);
			return strbuf_detach(&sb);
		}
		free(value);
	}
	strbuf_release(&key);
	strbuf_release(&sb);
	return NULL;
}

static void
flush_line(const char *s)
{
	if (parse_context(s))
		return;
	if (run.where_pending) {
		run.where_pending = 0;
		/* The loader has said why a stylesheet could not be parsed. */
		if (run.loaded > 0 &&
		    strncmp(s, "xsltParseStylesheetFile : cannot parse ", 39) == 0)
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
	if (run.d->out) {
		char *shown = translate_message(s);

		fprintf(run.d->out, "%s\n", shown ? shown : s);
		free(shown);
	}
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

/* Any write, and any network access: libxslt reports the refusal with the
 * stylesheet's file and line; counting it is enough to fail the run. */
static int
refuse(xsltSecurityPrefsPtr s, xsltTransformContextPtr c, const char *v)
{
	(void)s;
	(void)c;
	(void)v;
	run.refused++;
	return 0;
}

/*
 * xf:data-uri(path) (namespace XFORM_NS): a PNG or JPEG file as a data:
 * URI ("data:image/png;base64,…"), for a self-contained HTML page (the
 * logo of html-shared.xsl); "" for any other file or one that cannot be read.
 * The type is read from the file's first bytes, as render does.
 */
static void
data_uri(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *path;
	gchar *bytes = NULL, *b64;
	gsize len = 0;
	const char *type = NULL;
	struct strbuf sb;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	path = xmlXPathPopString(ctxt);
	if (path && g_file_get_contents((const char *)path, &bytes, &len, NULL)) {
		if (len >= 8 && memcmp(bytes, "\x89PNG\r\n\x1a\n", 8) == 0)
			type = "image/png";
		else if (len >= 3 && memcmp(bytes, "\xff\xd8\xff", 3) == 0)
			type = "image/jpeg";
	}
	strbuf_init(&sb, type ? len / 3 * 4 + 64 : 1);
	if (type) {
		b64 = g_base64_encode((const guchar *)bytes, len);
		strbuf_addf(&sb, "data:%s;base64,%s", type, b64);
		g_free(b64);
	}
	g_free(bytes);
	xmlFree(path);
	xmlXPathReturnString(ctxt, xmlStrdup((const xmlChar *)sb.buf));
	strbuf_release(&sb);
}

/*
 * xf:lang(text) (namespace XFORM_NS): "en" for a passage in Latin script
 * only, "" for Japanese and anything else: the rule render applies to a
 * structure element's /Lang (orth_lang()), for html-shared.xsl's lang attributes.
 */
static void
text_lang(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *t;
	const char *l;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	t = xmlXPathPopString(ctxt);
	l = t ? orth_lang((const char *)t) : NULL;
	xmlFree(t);
	xmlXPathReturnString(ctxt, xmlStrdup((const xmlChar *)(l ? l : "")));
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
	xsltRegisterExtModuleFunction((const xmlChar *)"data-uri", (const xmlChar *)XFORM_NS,
	                              data_uri);
	xsltRegisterExtModuleFunction((const xmlChar *)"lang", (const xmlChar *)XFORM_NS,
	                              text_lang);

	sec_prefs = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(sec_prefs, XSLT_SECPREF_WRITE_FILE, refuse);
	xsltSetSecurityPrefs(sec_prefs, XSLT_SECPREF_CREATE_DIRECTORY, refuse);
	xsltSetSecurityPrefs(sec_prefs, XSLT_SECPREF_WRITE_NETWORK, refuse);
	xsltSetSecurityPrefs(sec_prefs, XSLT_SECPREF_READ_NETWORK, refuse);
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
 * The transformation of `doc` (which stays the caller's) with the
 * parameters.  On success *res is the result document.
 */
static enum xform_status
apply(xsltStylesheetPtr style, xmlDocPtr doc, const struct xform_opts *o, xmlDocPtr *res)
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
		if (xsltQuoteOneUserParam(ctxt, (const xmlChar *)o->params[i].name,
		                          (const xmlChar *)o->params[i].value) != 0) {
			diag_error(run.d, NULL, 0, "cannot pass parameter '%s'", o->params[i].name);
			goto out;
		}
	}
	*res = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, ctxt);
	generic_flush();

	if (ctxt->state == XSLT_STATE_STOPPED) {
		if (run.errors == 0 && run.last_message != NULL)
			diag_error(run.d, o->stylesheet, 0,
			           "transformation stopped by xsl:message: %s", run.last_message);
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

/* "xform: join.xsl -> OUT, <model> with N elements", or ", text". */
static char *
describe(const char *sname, const char *out, xmlNodePtr root, size_t elements)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s -> %s", sname, out);
	if (root != NULL)
		strbuf_addf(&sb, _(", <%s> with %zu elements"), (const char *)root->name, elements);
	else
		strbuf_addstr(&sb, _(", text"));
	return strbuf_detach(&sb);
}

enum xform_status
xform_run(const struct xform_opts *o, struct diag *d, char **summary)
{
	xsltStylesheetPtr style = NULL;
	xmlDocPtr doc = NULL, res = NULL;
	enum xform_status st = XFORM_INPUT;

	memset(&run, 0, sizeof(run));
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
	doc = xmlio_load(o->input, d);
	/* xmlio_load resets the structured handler when done. */
	xmlSetStructuredErrorFunc(NULL, structured_error);
	if (doc == NULL)
		goto out;
	st = apply(style, doc, o, &res);
	if (st != XFORM_OK)
		goto out;
	st = save(style, res, o->output, d);
	if (st == XFORM_OK && summary) {
		xmlNodePtr root = xmlDocGetRootElement(res);

		*summary = describe(path_base(o->stylesheet), o->output, root,
		                    root ? count_elements(root) : 0);
	}
out:
	generic_flush();
	xmlFreeDoc(res);
	xmlFreeDoc(doc);
	xsltFreeStylesheet(style); /* all three take NULL */
	strbuf_release(&run.line);
	free(run.where_file);
	free(run.last_message);
	memset(&run, 0, sizeof(run));
	return st;
}
