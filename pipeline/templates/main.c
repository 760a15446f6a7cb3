/*
 * templates: `make templates YEAR=…` — the forms each ministry fills in
 * (issue 16; tmpl.h).
 *
 *   templates --year Y --registry FILE --plan FILE --matrix FILE -o DIR
 *
 * For every ministry of the registry with measures or indicators that
 * year writes DIR/<code>-<name>.xlsx, DIR/<code>-<name>-実施状況.csv and,
 * when it has indicators, DIR/<code>-<name>-評価指標.csv, each through
 * a temporary file and rename.  The last stderr line is
 *   templates: N ministries, M files in DIR
 * Exit: 0 written, 1 input errors (nothing written), 2 usage, 3 a file
 * could not be written.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>

#include "i18n.h"
#include "diag.h"
#include "opts.h"
#include "strbuf.h"
#include "tmpl.h"

static const char usage_text[] =
    "usage: templates --year YEAR --registry FILE --plan FILE --matrix FILE -o DIR\n"
    "Writes, for every ministry expected to report measures or indicators in\n"
    "YEAR, DIR/<code>-<name>.xlsx (sheets 実施状況, 評価指標, 記入要領) and\n"
    "the same forms as CSV (UTF-8 with BOM, CRLF).\n"
    "Exit 0 written, 1 input errors, 2 usage, 3 a file could not be written.\n";

static int
usage(FILE *out, int code)
{
	fputs(usage_text, out);
	return code;
}

static char *
path_of(const char *dir, const char *base, const char *suffix)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s/%s%s", dir, base, suffix);
	return strbuf_detach(&sb);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {{"year", required_argument, NULL, 'y'},
	                                     {"registry", required_argument, NULL, 'r'},
	                                     {"plan", required_argument, NULL, 'p'},
	                                     {"matrix", required_argument, NULL, 'm'},
	                                     {"output", required_argument, NULL, 'o'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {NULL, 0, NULL, 0}};
	const char *year = NULL, *registry = NULL, *plan = NULL, *matrix = NULL, *out = NULL;
	struct tmpl_set s;
	struct diag d;
	size_t i, nmin = 0, nfiles = 0;
	int c, ret = 0;
	const struct opt_to to[] = {{'y', &year},   {'r', &registry}, {'p', &plan},
	                            {'m', &matrix}, {'o', &out},      {0, NULL}};

	i18n_init();

	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			return usage(stdout, 0);
		default:
			if (opt_store(to, c, optarg))
				break;
			return usage(stderr, 2);
		}
	}
	if (optind != argc)
		return usage(stderr, 2);
	if (!year || !registry || !plan || !matrix || !out)
		return usage(stderr, 2);
	LIBXML_TEST_VERSION
	diag_init(&d, stderr);
	if (tmpl_load(&s, year, registry, plan, matrix, &d) < 0) {
		ret = 1;
		goto done;
	}
	if (g_mkdir_with_parents(out, 0777) < 0) {
		diag_error(&d, out, 0, "cannot create the folder");
		ret = 3;
		goto done;
	}
	for (i = 0; i < s.nministries && ret == 0; i++) {
		const struct tmpl_ministry *m = &s.ministries[i];
		char *base, *p;

		if (m->nmeasures == 0 && m->nindicators == 0)
			continue;
		nmin++;
		base = tmpl_basename(m);
		p = path_of(out, base, ".xlsx");
		ret = tmpl_write_xlsx(&s, m, p, &d) < 0 ? 3 : ret;
		free(p);
		p = path_of(out, base, "-実施状況.csv");
		ret = ret == 0 && tmpl_write_progress_csv(&s, m, p, &d) < 0 ? 3 : ret;
		free(p);
		nfiles += 2;
		if (m->nindicators) {
			p = path_of(out, base, "-評価指標.csv");
			ret = ret == 0 && tmpl_write_indicators_csv(&s, m, p, &d) < 0 ? 3 : ret;
			free(p);
			nfiles++;
		}
		free(base);
	}
done:
	fprintf(stderr, _("templates: %zu ministries, %zu files in %s\n"), nmin, ret ? 0 : nfiles,
	        out);
	tmpl_release(&s);
	diag_release(&d);
	xmlCleanupParser();
	return ret;
}
