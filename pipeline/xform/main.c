/*
 * xform: the pipeline's sandboxed XSLT runner (docs/design.md; xform.h).
 *
 *   xform [--param NAME VALUE]... [--draft] -o OUT STYLESHEET INPUT
 *
 * Exit codes: 0 written; 1 input or stylesheet error (nothing written);
 * 2 usage; 3 system error (cannot write OUT).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlversion.h>

#include "i18n.h"
#include "diag.h"
#include "strbuf.h"
#include "xform.h"
#include "xmem.h"

static void
usage(FILE *fp)
{
	fputs("usage: xform [--param NAME VALUE]... [--draft] -o OUT STYLESHEET INPUT\n"
	      "\n"
	      "Applies STYLESHEET to INPUT and writes OUT (through OUT.tmp and rename).\n"
	      "Parameters are passed as strings.  --draft sets the parameter draft=1\n"
	      "(unless given) and writes the result despite runtime errors.\n"
	      "The stylesheet may read local files (document()) but never write\n"
	      "files or use the network; documents are parsed without DTDs,\n"
	      "entity substitution or network access.\n"
	      "\n"
	      "Exit codes: 0 ok, 1 input or stylesheet error, 2 usage, 3 system error.\n",
	      fp);
}

static int
valid_qname(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
			return 0;
	return 1;
}

int
main(int argc, char **argv)
{
	struct xform_opts o;
	struct xform_param *params;
	struct diag d;
	enum xform_status st;
	char *summary = NULL;
	const char *pos[2];
	size_t npos = 0;
	int has_draft_param = 0;
	int a;

	i18n_init();

	LIBXML_TEST_VERSION
	memset(&o, 0, sizeof(o));
	params = xcalloc((size_t)argc + 1, sizeof(*params));
	for (a = 1; a < argc; a++) {
		const char *arg = argv[a];

		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			usage(stdout);
			free(params);
			return 0;
		} else if (strcmp(arg, "--param") == 0 || strcmp(arg, "--stringparam") == 0) {
			if (a + 2 >= argc)
				goto usage_error;
			if (!valid_qname(argv[a + 1])) {
				fprintf(stderr, _("xform: invalid parameter name '%s'\n"),
				        argv[a + 1]);
				goto usage_error;
			}
			params[o.nparams].name = argv[a + 1];
			params[o.nparams].value = argv[a + 2];
			if (strcmp(argv[a + 1], "draft") == 0)
				has_draft_param = 1;
			o.nparams++;
			a += 2;
		} else if (strcmp(arg, "--draft") == 0) {
			o.draft = 1;
		} else if (strcmp(arg, "-o") == 0) {
			if (a + 1 >= argc)
				goto usage_error;
			o.output = argv[++a];
		} else if (arg[0] == '-' && arg[1] != '\0') {
			fprintf(stderr, _("xform: unknown option '%s'\n"), arg);
			goto usage_error;
		} else {
			if (npos == 2)
				goto usage_error;
			pos[npos++] = arg;
		}
	}
	if (npos != 2 || o.output == NULL)
		goto usage_error;
	o.stylesheet = pos[0];
	o.input = pos[1];
	if (o.draft && !has_draft_param) {
		params[o.nparams].name = "draft";
		params[o.nparams].value = "1";
		o.nparams++;
	}
	o.params = params;

	diag_init(&d, stderr);
	xform_global_init();
	st = xform_run(&o, &d, &summary);
	xform_global_release();
	if (summary)
		fprintf(stderr, "xform: %s\n", summary);
	else
		fprintf(stderr,
		        ngettext("xform: %s -> %s failed, %zu error\n",
		                 "xform: %s -> %s failed, %zu errors\n", d.errors),
		        path_base(o.stylesheet), o.output, d.errors);
	free(summary);
	diag_release(&d);
	free(params);
	return (int)st;

usage_error:
	usage(stderr);
	free(params);
	return 2;
}
