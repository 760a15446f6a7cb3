/*
 * check: `make validate YEAR=…` — schema, id and reference checks of one
 * year's inputs, plus the ingest output's counts; the last stderr line is
 *   plan: N measures, matrix: M entries, submissions: K rows from J ministries,
 *   E errors, W warnings
 * Exit: 0 no errors, 1 input errors, 2 usage, 3 schema or system failure.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include "i18n.h"
#include "atomicfile.h"
#include "opts.h"
#include "strbuf.h"
#include "check.h"
#include "diag.h"

static const char usage_text[] =
    "usage: check [--year YEAR] [--schemas DIR] --registry FILE --plan FILE\n"
    "             --matrix FILE [--submissions FILE] [--fonts FONTS.conf]\n"
    "             [--diags OUT.xml] [--report report.xml [--report-date D] [--draft]]\n"
    "Validates a year's inputs against DIR/{registry,plan,matrix}.rng (default\n"
    "stylesheets), checks ids and references across them, adds the counts of\n"
    "the ingest output FILE (zero rows if it does not exist), reports every\n"
    "character the pinned fonts (default fonts/fonts.conf) cannot draw, and prints\n"
    "  plan: N measures, matrix: M entries, submissions: K rows from J ministries,\n"
    "  E errors, W warnings\n"
    "as the last line on stderr.  Exit 0 without errors, 1 with input errors,\n"
    "2 on usage errors, 3 when a schema cannot be read.  --diags also writes\n"
    "every finding to OUT.xml (<diags><diag severity file line><message>),\n"
    "for the draft's annex.  --report also checks the year's report.xml against\n"
    "DIR/report.rng: the publication date (D, REPORT_DATE, when not empty, else\n"
    "its <date>) after the fiscal year, no review=\"required\" left, <ref to>\n"
    "measures of the plan, the logo; with --draft the date and review findings\n"
    "are warnings.\n";

/*
 * The findings as the draft annex reads them (ingest's <diag> vocabulary,
 * docs/design.md): the file by its base name, as ingest writes it.
 * 0, or -1 with errno.
 */
static int
write_diags(const char *path, const struct diag *d)
{
	char *tmp = atomicfile_tmpname(path);
	xmlTextWriterPtr w;
	int rc = 0;
	size_t i;

	if (tmp == NULL)
		return -1;
	if ((w = xmlNewTextWriterFilename(tmp, 0)) == NULL) {
		unlink(tmp);
		free(tmp);
		errno = EIO;
		return -1;
	}
	rc |= xmlTextWriterSetIndent(w, 1) < 0;
	rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
	rc |= xmlTextWriterStartElement(w, BAD_CAST "diags") < 0;
	for (i = 0; i < d->n; i++) {
		const struct diag_entry *e = &d->v[i];

		rc |= xmlTextWriterStartElement(w, BAD_CAST "diag") < 0;
		rc |= xmlTextWriterWriteAttribute(
		          w, BAD_CAST "severity",
		          BAD_CAST(e->severity == DIAG_ERROR ? "error" : "warning")) < 0;
		if (e->file[0])
			rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "file",
			                                  BAD_CAST path_base(e->file)) < 0;
		if (e->line > 0)
			rc |= xmlTextWriterWriteFormatAttribute(w, BAD_CAST "line", "%ld",
			                                        e->line) < 0;
		rc |= xmlTextWriterWriteElement(w, BAD_CAST "message", BAD_CAST e->message) < 0;
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	rc |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	if (rc) {
		unlink(tmp);
		free(tmp);
		errno = EIO;
		return -1;
	}
	rc = atomicfile_rename(tmp, path);
	free(tmp);
	return rc;
}

static int
usage(FILE *out, int code)
{
	fputs(usage_text, out);
	return code;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {{"year", required_argument, NULL, 'y'},
	                                     {"schemas", required_argument, NULL, 's'},
	                                     {"registry", required_argument, NULL, 'r'},
	                                     {"plan", required_argument, NULL, 'p'},
	                                     {"matrix", required_argument, NULL, 'm'},
	                                     {"submissions", required_argument, NULL, 'u'},
	                                     {"fonts", required_argument, NULL, 'f'},
	                                     {"diags", required_argument, NULL, 'x'},
	                                     {"report", required_argument, NULL, 'R'},
	                                     {"report-date", required_argument, NULL, 'D'},
	                                     {"draft", no_argument, NULL, 'd'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {NULL, 0, NULL, 0}};
	const char *year = NULL, *schemas = "stylesheets", *registry = NULL;
	const char *plan = NULL, *matrix = NULL, *submissions = NULL;
	const char *fonts = "fonts/fonts.conf", *diags = NULL;
	const char *report = NULL, *report_date = "";
	int draft = 0;
	struct diag d;
	struct check c;
	int opt, ret;
	const struct opt_to to[] = {{'y', &year},        {'s', &schemas}, {'r', &registry},
	                            {'p', &plan},        {'m', &matrix},  {'u', &submissions},
	                            {'f', &fonts},       {'x', &diags},   {'R', &report},
	                            {'D', &report_date}, {0, NULL}};

	i18n_init();

	opterr = 0; /* our messages, below */
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			draft = 1;
			break;
		case 'h':
			return usage(stdout, 0);
		case ':':
			fprintf(stderr, _("check: missing value for '%s'\n"), argv[optind - 1]);
			return usage(stderr, 2);
		default:
			if (opt_store(to, opt, optarg))
				break;
			fprintf(stderr, _("check: unknown argument '%s'\n"), argv[optind - 1]);
			return usage(stderr, 2);
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("check: unknown argument '%s'\n"), argv[optind]);
		return usage(stderr, 2);
	}
	if (registry == NULL || plan == NULL || matrix == NULL) {
		fprintf(stderr, _("check: --registry, --plan and --matrix are required\n"));
		return usage(stderr, 2);
	}

	LIBXML_TEST_VERSION
	diag_init(&d, stderr);
	check_init(&c, &d, year);
	check_fonts(&c, fonts);
	check_inputs(&c, schemas, registry, plan, matrix);
	if (report)
		check_report(&c, schemas, report, report_date, draft);
	if (submissions)
		check_submissions(&c, submissions);
	check_summary(&c, stderr);
	ret = c.internal ? 3 : check_errors(&c) > 0 ? 1 : 0;
	if (diags && write_diags(diags, &d) < 0) {
		fprintf(stderr, _("%s: error: cannot write: %s\n"), diags, strerror(errno));
		ret = 3;
	}
	check_release(&c);
	diag_release(&d);
	xmlCleanupParser();
	return ret;
}
