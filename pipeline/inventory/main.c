/*
 * inventory: the year's inputs → build/Y/manifest.xml (inventory.h), the
 * one file make depends on for them.  The manifest is rewritten only when
 * its content changes, so a run that finds the same inputs leaves its
 * mtime alone and make rebuilds nothing.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>

#include "i18n.h"
#include "atomicfile.h"
#include "inventory.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_SYSTEM = 3 };

static void
usage(FILE *fp)
{
	fputs("usage: inventory --year Y --submissions DIR --registry ministries.xml\n"
	      "                 --plan plan.xml --matrix matrix.xml [--report-date D] -o OUT.xml\n"
	      "Lists DIR (never following a link) and writes the manifest of the year's\n"
	      "inputs: every entry with its verdict (read, skip, error), size and sha256,\n"
	      "the sha256 of the registry, plan and matrix, and the settings.  OUT is\n"
	      "rewritten only when its content changes.\n"
	      "Exit: 0 ok, 2 usage, 3 system error.\n",
	      fp);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {INVENTORY_OPTIONS,
	                                     {"output", required_argument, NULL, 'o'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {NULL, 0, NULL, 0}};
	struct inventory_args a = {NULL, NULL, NULL, NULL, NULL, ""};
	const char *out = NULL;
	struct atomicfile af;
	xmlBufferPtr buf;
	char *err = NULL;
	int c, status = EXIT_OK;

	i18n_init();

	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			if (inventory_option(&a, c, optarg))
				break;
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (!a.year || !a.dir || !a.registry || !a.plan || !a.matrix || !out || optind != argc) {
		fputs(_("inventory: --year, --submissions, --registry, --plan, --matrix and -o are "
		        "required, and nothing else\n"),
		      stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!g_utf8_validate(a.report_date, -1, NULL) || !g_utf8_validate(a.dir, -1, NULL)) {
		fputs(_("inventory: --report-date and --submissions must be UTF-8 text\n"), stderr);
		return EXIT_USAGE;
	}
	LIBXML_TEST_VERSION
	buf = xmlBufferCreate();
	if (inventory_write(&a, buf, &err) < 0) {
		fprintf(stderr, "inventory: %s\n", err);
		status = EXIT_SYSTEM;
	} else if (!atomicfile_holds(out, xmlBufferContent(buf), (size_t)xmlBufferLength(buf))) {
		if (atomicfile_open(&af, out) < 0) {
			fprintf(stderr, _("%s: error: cannot write: %s\n"), out, strerror(errno));
			status = EXIT_SYSTEM;
		} else if (fwrite(xmlBufferContent(buf), 1, (size_t)xmlBufferLength(buf), af.fp) !=
		               (size_t)xmlBufferLength(buf) ||
		           atomicfile_commit(&af) < 0) {
			fprintf(stderr, _("%s: error: cannot write: %s\n"), out, strerror(errno));
			atomicfile_abort(&af);
			status = EXIT_SYSTEM;
		}
	}
	free(err);
	xmlBufferFree(buf);
	xmlCleanupParser();
	return status;
}
