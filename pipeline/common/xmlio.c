#include "xmlio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "atomicfile.h"
#include "xmem.h"

int
xmlio_options(void)
{
	/* No XML_PARSE_NOENT (no substitution), no XML_PARSE_DTDLOAD, no
	 * XML_PARSE_HUGE: libxml2 then bounds depth and entity amplification. */
	return XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING;
}

static void
structured_error(void *ctx, xmlErrorPtr err)
{
	struct diag *d = ctx;
	char msg[1024];
	size_t n;

	if (err == NULL || err->level == XML_ERR_WARNING)
		return;
	snprintf(msg, sizeof(msg), "%s", err->message ? err->message : "XML error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	diag_error(d, err->file ? err->file : "", err->line, "%s", msg);
}

xmlDocPtr
xmlio_load(const char *path, struct diag *d)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	size_t before = d->errors;

	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		diag_error(d, path, 0, "cannot create XML parser");
		return NULL;
	}
	/* libxml2 2.9 has no per-context structured handler: set it around the call. */
	xmlSetStructuredErrorFunc(d, structured_error);
	doc = xmlCtxtReadFile(ctxt, path, NULL, xmlio_options());
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc == NULL && d->errors == before)
		diag_error(d, path, 0, "cannot read XML: %s", strerror(errno));
	if (doc && doc->intSubset && doc->intSubset->entities) {
		diag_error(d, path, 1,
		    "entity declarations are not allowed in pipeline inputs; remove the DOCTYPE");
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc && d->errors > before) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

int
xmlio_save(xmlDocPtr doc, const char *path, struct diag *d)
{
	char *tmp = atomicfile_tmpname(path);
	int ret = 0;

	if (xmlSaveFormatFileEnc(tmp, doc, "UTF-8", 1) < 0) {
		diag_error(d, path, 0, "cannot write: %s", strerror(errno));
		remove(tmp);
		ret = -1;
	} else if (atomicfile_rename(tmp, path) < 0) {
		diag_error(d, path, 0, "cannot rename %s: %s", tmp, strerror(errno));
		ret = -1;
	}
	free(tmp);
	return ret;
}

char *
xmlio_attr(xmlNodePtr n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}
