/*
 * ingest: submission CSV files → build/Y/submissions.xml (issue 3 stage 1,
 * issue 6 for the CSV half).  Design notes: docs/ingest.md.
 *
 *   csvread.c  bytes → UTF-8 (common/sjis) → libcsv rows that keep their line
 *   header.c   JA/EN column names → roles; the file's kind
 *   refs.c     registry, plan and matrix: what ids, names, indicators exist
 *   rows.c     per-cell checks → records; duplicates and conflicts across files
 *   emit.c     records + diagnostics → XML, streamed to OUT.tmp, then renamed
 *
 * The files come from the manifest (--manifest, pipeline/inventory): its
 * 'read' entries are read, their sha256 checked; its 'skip' entries are
 * noted and its 'error' entries reported as errors.  FILE arguments are
 * read as given (the tests and docs/errors.md use them).
 *
 * Strict by default: any input error prints everything, writes nothing and
 * exits 1.  --draft writes the XML anyway (errors as <diag>) and exits 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>

#include "i18n.h"
#include "csvread.h"
#include "diag.h"
#include "emit.h"
#include "header.h"
#include "ingest.h"
#include "../inventory/inventory.h"
#include "numbers.h"
#include "refs.h"
#include "rows.h"
#include "xmem.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_SYSTEM = 3 };

static void
usage(FILE *fp)
{
	fputs("usage: ingest --year Y --registry ministries.xml --plan plan.xml\n"
	      "              --matrix matrix.xml [--draft] -o OUT.xml\n"
	      "              (--manifest MANIFEST.xml | FILE.csv...)\n"
	      "Reads the year's submission CSV files (UTF-8, UTF-8 with BOM or CP932),\n"
	      "those the manifest lists as 'read' (pipeline/inventory) or the FILEs,\n"
	      "and writes one XML of normalized rows and diagnostics.\n"
	      "Exit: 0 ok (warnings allowed), 1 input errors (nothing written unless\n"
	      "--draft), 2 usage, 3 system error.\n",
	      fp);
}

/*
 * The manifest's entries in its order: each 'read' entry is read (no link
 * followed, no special file opened, its sha256 checked) and ingested; a
 * 'skip' entry gets a note on stderr, an 'error' entry an error naming it.
 * Fills the file arrays like the FILE arguments would.  -1 (after a message)
 * when the manifest or its folder cannot be read.
 */
static int
read_manifest(const char *path, struct csvfile **files, struct emit_file **ef, size_t *nfiles,
              size_t *nrows, struct rows *rs, const struct refs *refs, struct diag *d)
{
	struct manifest m;
	char *err = NULL;
	size_t i, nread = 0;
	int dirfd = -1;

	if (manifest_load(&m, path, &err) < 0) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return -1;
	}
	*files = xcalloc(m.n + 1, sizeof(**files));
	*ef = xcalloc(m.n + 1, sizeof(**ef));
	*nfiles = 0;
	for (i = 0; i < m.n; i++)
		nread += m.v[i].verdict == MANIFEST_READ;
	if (nread > 0 && (dirfd = open(m.dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		fprintf(stderr, _("%s: error: cannot open: %s\n"), m.dir, strerror(errno));
		manifest_release(&m);
		return -1;
	}
	if (nread == 0)
		diag_warning(d, NULL, 0, "no submission CSV files given; the output lists none");
	for (i = 0; i < m.n; i++) {
		const struct manifest_entry *e = &m.v[i];
		char *fpath = g_strconcat(m.dir, "/", e->name, NULL);
		char *buf = NULL;
		size_t len = 0;

		if (e->verdict == MANIFEST_SKIP) {
			fprintf(stderr, _("%s: note: %s\n"), fpath, _(e->reason));
		} else if (e->verdict == MANIFEST_ERROR) {
			diag_error(d, fpath, 0, "%s", e->reason);
		} else if (manifest_read_entry(dirfd, e, CSVREAD_MAX_FILE, &buf, &len, &err) < 0) {
			diag_error(d, fpath, 0, "%s", err);
			free(err);
		} else {
			size_t k = (*nfiles)++;

			csvread_buffer(&(*files)[k], fpath, buf, len, d);
			*nrows += ingest_file(&(*files)[k], &(*ef)[k], rs, refs, d);
		}
		free(buf);
		g_free(fpath);
	}
	if (dirfd >= 0)
		close(dirfd);
	manifest_release(&m);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {{"year", required_argument, NULL, 'y'},
	                                     {"registry", required_argument, NULL, 'r'},
	                                     {"plan", required_argument, NULL, 'p'},
	                                     {"matrix", required_argument, NULL, 'm'},
	                                     {"draft", no_argument, NULL, 'd'},
	                                     {"output", required_argument, NULL, 'o'},
	                                     {"manifest", required_argument, NULL, 'M'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {NULL, 0, NULL, 0}};
	const char *registry = NULL, *plan = NULL, *matrix = NULL, *out = NULL;
	const char *manifest = NULL;
	int year = 0, draft = 0, c, status = EXIT_OK, i;
	struct diag d;
	struct refs refs;
	struct rows rs;
	struct csvfile *files = NULL;
	struct emit_file *ef = NULL;
	size_t nfiles = 0, nrows = 0;

	i18n_init();

	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'y':
			if (numbers_year(optarg, &year) < 0) {
				fprintf(stderr, _("ingest: --year: cannot read year '%s'\n"),
				        optarg);
				return EXIT_USAGE;
			}
			break;
		case 'r':
			registry = optarg;
			break;
		case 'p':
			plan = optarg;
			break;
		case 'm':
			matrix = optarg;
			break;
		case 'd':
			draft = 1;
			break;
		case 'o':
			out = optarg;
			break;
		case 'M':
			manifest = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (!year || !registry || !plan || !matrix || !out) {
		fputs(_("ingest: --year, --registry, --plan, --matrix and -o are required\n"),
		      stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	if (manifest && optind != argc) {
		fputs(_("ingest: give either --manifest or FILE arguments, not both\n"), stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	LIBXML_TEST_VERSION
	diag_init(&d, stderr);
	rows_init(&rs);
	rs.draft = draft;
	if (refs_load(&refs, year, registry, plan, matrix, &d) < 0) {
		fprintf(stderr, _("ingest: %d files, 0 rows, %zu errors, %zu warnings\n"),
		        argc - optind, d.errors, d.warnings);
		status = EXIT_INPUT;
		goto out;
	}
	if (manifest) {
		if (read_manifest(manifest, &files, &ef, &nfiles, &nrows, &rs, &refs, &d) < 0) {
			status = EXIT_SYSTEM;
			goto out;
		}
	} else {
		nfiles = (size_t)(argc - optind);
		if (nfiles == 0)
			diag_warning(&d, NULL, 0,
			             "no submission CSV files given; the output lists none");
		files = xcalloc(nfiles + 1, sizeof(*files));
		ef = xcalloc(nfiles + 1, sizeof(*ef));
		for (i = optind; i < argc; i++) {
			size_t k = (size_t)(i - optind);

			csvread_file(&files[k], argv[i], &d);
			nrows += ingest_file(&files[k], &ef[k], &rs, &refs, &d);
		}
	}
	rows_crosscheck(&rs, &d);
	if (d.errors == 0 || draft) {
		struct emit_input in = {year, ef, nfiles, nrows, &rs, &refs, &d, plan, matrix};

		if (emit_save(&in, out, &d) < 0)
			status = EXIT_SYSTEM;
	}
	if (status == EXIT_OK && d.errors > 0 && !draft)
		status = EXIT_INPUT;
	fprintf(stderr, _("ingest: %zu files, %zu rows, %zu errors, %zu warnings\n"), nfiles, nrows,
	        d.errors, d.warnings);
out:
	for (i = 0; (size_t)i < nfiles; i++)
		csvfile_release(&files[i]);
	free(files);
	free(ef);
	rows_release(&rs);
	refs_release(&refs);
	diag_release(&d);
	xmlCleanupParser();
	return status;
}
