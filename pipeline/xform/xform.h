/*
 * xform: run one XSLT stylesheet over one document, the way xsltproc
 * would if it were careful (style.md "How stages talk", last bullet):
 *
 *  - every document (input, stylesheet, xsl:include/import, document())
 *    is parsed with the xmlio options: no network, no DTD loading, no
 *    entity substitution; a document declaring entities is refused;
 *  - security preferences forbid writing files, creating directories and
 *    any network access; reading local files is allowed (document():
 *    join.xsl reads the registry, year.xsl the plan, matrix and the
 *    areas' summaries);
 *  - parameters are passed as strings (xsltQuoteOneUserParam);
 *  - xsl:message terminate="yes", a runtime error or a refused access
 *    ends the run with an error and nothing is written;
 *  - the result (XML or text method) goes to OUT.tmp, then rename();
 *  - one extension function, xf:data-uri(path) in namespace XFORM_NS: a
 *    PNG or JPEG file as a data: URI (html-shared.xsl's logo), else "".
 *
 * Global library state (xmlInitParser, exsltRegisterAll, the loader and
 * the cleanup) belongs to main(); see xform_global_init().
 */
#ifndef XFORM_H
#define XFORM_H

/* the namespace of xform's extension functions */
#define XFORM_NS "urn:x-annual-report:xform"

#include <stddef.h>

#include "diag.h"

/* Outcome of a run, mapped to the stage exit codes by main(). */
enum xform_status {
	XFORM_OK = 0,    /* written */
	XFORM_INPUT = 1, /* input or stylesheet error; nothing written */
	XFORM_SYSTEM = 3 /* cannot write the output, or internal error */
};

struct xform_param {
	const char *name;
	const char *value; /* passed as a string, never as XPath */
};

struct xform_opts {
	const char *stylesheet;
	const char *input;
	const char *output;
	const struct xform_param *params;
	size_t nparams;
	int draft; /* write despite runtime errors */
};

/*
 * Installs the sandboxed document loader, the no-network entity loader,
 * EXSLT and the default security preferences.  Call once from main()
 * before xform_run(); undo with xform_global_release().
 */
void xform_global_init(void);
void xform_global_release(void);

/*
 * Transforms opts->input with opts->stylesheet into opts->output.
 * Every problem is reported to `d` (GNU style on its stream).  On
 * success, `*summary` (if not NULL) receives a new string describing the
 * result for the progress line; free() it.  Returns the status.
 */
enum xform_status xform_run(const struct xform_opts *opts, struct diag *d, char **summary);

#endif
