/*
 * ingest: submission CSV files and Excel workbooks → build/Y/submissions.xml
 * (issue 3 stage 1, issue 6 for the CSV half, issue 16 for .xlsx).  Design
 * notes: docs/ingest.md.
 *
 *   csvread.c  bytes → UTF-8 (common/sjis) → libcsv rows that keep their line
 *   xlsx.c     an .xlsx → one such file per sheet, cells as Excel displays them
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
#include "opts.h"
#include "diag.h"
#include "emit.h"
#include "header.h"
#include "ingest.h"
#include "../inventory/inventory.h"
#include "numbers.h"
#include "refs.h"
#include "rows.h"
#include "xlsx.h"
#include "xmem.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_SYSTEM = 3 };

/*
 * What was read: one csvfile per CSV file and per sheet of a workbook
 * that holds a submission.  Each csvfile is allocated on its own: the
 * records point to it while the arrays grow.
 */
struct inputs {
	struct csvfile **files;
	struct emit_file *ef;
	size_t n, alloc;
	size_t nrows;
	struct rows *rs;
	const struct refs *refs;
	struct diag *d;
};

static struct csvfile *
new_file(struct inputs *in)
{
	if (in->n == in->alloc) {
		in->alloc = in->alloc ? in->alloc * 2 : 16;
		in->files = xreallocarray(in->files, in->alloc, sizeof(*in->files));
		in->ef = xreallocarray(in->ef, in->alloc, sizeof(*in->ef));
	}
	in->files[in->n] = xcalloc(1, sizeof(**in->files));
	memset(&in->ef[in->n], 0, sizeof(in->ef[in->n]));
	return in->files[in->n++];
}

static void
ingest_last(struct inputs *in)
{
	in->nrows += ingest_file(in->files[in->n - 1], &in->ef[in->n - 1], in->rs, in->refs, in->d);
}

/*
 * .xlsx and .xlsm (a workbook with macros: its cells are read, no macro
 * runs); an .xls goes to the same reader, which tells the user to save it
 * as .xlsx (the inventory refuses it before).
 */
static int
is_workbook(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot &&
	       (g_ascii_strcasecmp(dot, ".xlsx") == 0 || g_ascii_strcasecmp(dot, ".xlsm") == 0 ||
	        g_ascii_strcasecmp(dot, ".xls") == 0);
}

/* The row of a cell reference "C12" (0 if none). */
static long
cell_row(const char *ref)
{
	while (*ref >= 'A' && *ref <= 'Z')
		ref++;
	return strtol(ref, NULL, 10);
}

/*
 * Every sheet of the workbook `b` whose first rows hold the header of a
 * submission is read as a file of its own (issue 16); the other sheets
 * (the template's 記入要領, an empty Sheet2) get a note.  The reader's
 * warnings about a sheet (formulas, merged cells, hidden rows) are given
 * only for the sheets read.  A workbook without any such sheet is an
 * error.
 */
static void
ingest_workbook(struct inputs *in, struct xlsxbook *b)
{
	size_t i, j, used = 0;
	long h;

	for (i = 0; i < b->nsheets; i++) {
		const struct xlsxsheet *s = &b->sheets[i];
		struct csvfile *f = new_file(in);
		struct diag quiet;

		diag_init(&quiet, NULL);
		xlsx_sheet_csvfile(b, s, f, &quiet);
		h = header_find(f);
		if (h < 0) {
			if (in->d->out)
				fprintf(in->d->out,
				        "%s: note: sheet '%s' is not read: none of its first %d "
				        "rows is "
				        "the header of a submission (施策番号, 府省庁, 実績 or "
				        "指標, 年度, "
				        "値)\n",
				        f->path, s->name, HEADER_SCAN);
			csvfile_release(f);
			free(f);
			in->n--;
			diag_release(&quiet);
			continue;
		}
		for (j = 0; j < quiet.n; j++) {
			const struct diag_entry *e = &quiet.v[j];
			const char *bang = strrchr(e->file, '!');

			/* rows above the header (a merged title) are not read:
			 * what the reader says about them is not said */
			if (bang && cell_row(bang + 1) < f->rows[h].line)
				continue;
			diag_add(in->d, e->severity, e->file, e->line, e->column, e->row, "%s",
			         e->message);
		}
		diag_release(&quiet);
		if (s->hidden)
			diag_warning(
			    in->d, f->path, 0,
			    "the sheet is hidden in Excel but read like the others: delete "
			    "it if it does not belong in the submission");
		ingest_last(in);
		used++;
	}
	if (used == 0 && b->nsheets > 0)
		diag_error(in->d, b->path, 0,
		           "no sheet of the workbook has the header row of a submission (施策番号, "
		           "府省庁, 実績, or 指標, 年度, 値) in its first %d rows: keep the "
		           "template's header row as it is",
		           HEADER_SCAN);
}

/* One submission: its bytes `buf` read from the folder of the manifest,
 * or (`buf` NULL) a FILE argument, read here. */
static void
ingest_one(struct inputs *in, const char *path, const char *buf, size_t len)
{
	if (is_workbook(path)) {
		struct xlsxbook b;

		if ((buf ? xlsx_read_buffer(&b, path, buf, len, in->d)
		         : xlsx_read_file(&b, path, in->d)) == 0)
			ingest_workbook(in, &b);
		xlsxbook_release(&b);
		return;
	}
	if (buf)
		csvread_buffer(new_file(in), path, buf, len, in->d);
	else
		csvread_file(new_file(in), path, in->d);
	ingest_last(in);
}

static void
usage(FILE *fp)
{
	fputs("usage: ingest --year Y --registry ministries.xml --plan plan.xml\n"
	      "              --matrix matrix.xml [--draft] -o OUT.xml\n"
	      "              (--manifest MANIFEST.xml | FILE.csv|FILE.xlsx...)\n"
	      "Reads the year's submission CSV files (UTF-8, UTF-8 with BOM or CP932)\n"
	      "and Excel workbooks (.xlsx: every sheet holding a submission),\n"
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
read_manifest(const char *path, struct inputs *in)
{
	struct diag *d = in->d;
	struct manifest m;
	char *err = NULL;
	size_t i, nread = 0;
	int dirfd = -1;

	if (manifest_load(&m, path, &err) < 0) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return -1;
	}
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
			ingest_one(in, fpath, buf, len);
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
	struct inputs in;
	const struct opt_to to[] = {{'r', &registry}, {'p', &plan},     {'m', &matrix},
	                            {'o', &out},      {'M', &manifest}, {0, NULL}};

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
		case 'd':
			draft = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			if (opt_store(to, c, optarg))
				break;
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
	memset(&in, 0, sizeof(in));
	in.rs = &rs;
	in.refs = &refs;
	in.d = &d;
	rs.draft = draft;
	if (refs_load(&refs, year, registry, plan, matrix, &d) < 0) {
		fprintf(stderr, _("ingest: %d files, 0 rows, %zu errors, %zu warnings\n"),
		        argc - optind, d.errors, d.warnings);
		status = EXIT_INPUT;
		goto out;
	}
	if (manifest) {
		if (read_manifest(manifest, &in) < 0) {
			status = EXIT_SYSTEM;
			goto out;
		}
	} else {
		if (optind == argc)
			diag_warning(&d, NULL, 0,
			             "no submission CSV files given; the output lists none");
		for (i = optind; i < argc; i++)
			ingest_one(&in, argv[i], NULL, 0);
	}
	rows_crosscheck(&rs, &d);
	if (d.errors == 0 || draft) {
		struct emit_input ei = {year, in.ef, in.n, in.nrows, &rs, &refs, &d, plan, matrix};

		if (emit_save(&ei, out, &d) < 0)
			status = EXIT_SYSTEM;
	}
	if (status == EXIT_OK && d.errors > 0 && !draft)
		status = EXIT_INPUT;
	fprintf(stderr, _("ingest: %zu files, %zu rows, %zu errors, %zu warnings\n"), in.n,
	        in.nrows, d.errors, d.warnings);
out:
	for (i = 0; (size_t)i < in.n; i++) {
		csvfile_release(in.files[i]);
		free(in.files[i]);
	}
	free(in.files);
	free(in.ef);
	rows_release(&rs);
	refs_release(&refs);
	diag_release(&d);
	xmlCleanupParser();
	return status;
}
