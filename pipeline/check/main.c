/*
 * check: `make validate YEAR=…` — schema, id and reference checks of one
 * year's inputs, plus the ingest output's counts; the last stderr line is
 *   plan: N measures, matrix: M entries, submissions: K rows from J ministries,
 *   E errors, W warnings
 * Exit: 0 no errors, 1 input errors, 2 usage, 3 schema or system failure.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "check.h"
#include "diag.h"

static const char usage_text[] =
    "usage: check [--year YEAR] [--schemas DIR] --registry FILE --plan FILE\n"
    "             --matrix FILE [--submissions FILE] [--fonts FONTS.conf]\n"
    "Validates a year's inputs against DIR/{registry,plan,matrix}.rng (default\n"
    "stylesheets), checks ids and references across them, adds the counts of\n"
    "the ingest output FILE (zero rows if it does not exist), reports every\n"
    "character the pinned fonts (default fonts/fonts.conf) cannot draw, and prints\n"
    "  plan: N measures, matrix: M entries, submissions: K rows from J ministries,\n"
    "  E errors, W warnings\n"
    "as the last line on stderr.  Exit 0 without errors, 1 with input errors,\n"
    "2 on usage errors, 3 when a schema cannot be read.\n";

static int
usage(FILE *out, int code)
{
	fputs(usage_text, out);
	return code;
}

int
main(int argc, char **argv)
{
	const char *year = NULL, *schemas = "stylesheets", *registry = NULL;
	const char *plan = NULL, *matrix = NULL, *submissions = NULL;
	const char *fonts = "fonts/fonts.conf";
	struct diag d;
	struct check c;
	int i, ret;

	for (i = 1; i < argc; i++) {
		const char **slot = NULL;

		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return usage(stdout, 0);
		else if (strcmp(argv[i], "--year") == 0)
			slot = &year;
		else if (strcmp(argv[i], "--schemas") == 0)
			slot = &schemas;
		else if (strcmp(argv[i], "--registry") == 0)
			slot = &registry;
		else if (strcmp(argv[i], "--plan") == 0)
			slot = &plan;
		else if (strcmp(argv[i], "--matrix") == 0)
			slot = &matrix;
		else if (strcmp(argv[i], "--submissions") == 0)
			slot = &submissions;
		else if (strcmp(argv[i], "--fonts") == 0)
			slot = &fonts;
		if (slot == NULL || i + 1 >= argc) {
			fprintf(stderr, "check: %s '%s'\n",
			        slot ? "missing value for" : "unknown argument", argv[i]);
			return usage(stderr, 2);
		}
		*slot = argv[++i];
	}
	if (registry == NULL || plan == NULL || matrix == NULL) {
		fprintf(stderr, "check: --registry, --plan and --matrix are required\n");
		return usage(stderr, 2);
	}

	LIBXML_TEST_VERSION
	diag_init(&d, stderr);
	check_init(&c, &d, year);
	check_fonts(&c, fonts);
	check_inputs(&c, schemas, registry, plan, matrix);
	if (submissions)
		check_submissions(&c, submissions);
	check_summary(&c, stderr);
	ret = c.internal ? 3 : check_errors(&c) > 0 ? 1 : 0;
	check_release(&c);
	diag_release(&d);
	xmlCleanupParser();
	return ret;
}
