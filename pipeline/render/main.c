/*
 * render: page descriptions (.pdoc) → one PDF.  docs/render.md.
 *
 *   render [--fonts FILE] [--dump] [--lines FILE] -o OUT.pdf A.pdoc [B.pdoc …]
 *
 * The files are laid out in order as one document (continuous page
 * numbers, one outline, links across files, the 目次 filled from every
 * file's headings).  Each is read as a tree, laid out and freed before
 * the next, so memory is bounded by the largest file.  Two passes when
 * there is a 目次 or more than one file: one that measures (page numbers,
 * destinations), one that draws.
 *
 * Exit codes (docs/design.md "Stage contract"): 0 ok, 1 input errors (bad
 * .pdoc, a character no pinned font covers; OUT is left untouched),
 * 2 usage, 3 system error (cannot write the PDF, fonts not loadable).
 */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "i18n.h"
#include "diag.h"
#include "draw.h"
#include "fonts.h"
#include "jltext.h"
#include "layout.h"
#include "model.h"
#include "xmem.h"

static void
usage(FILE *f)
{
	fputs("usage: render [--fonts FONTS.conf] [--dump] [--lines FILE] -o OUT.pdf IN.pdoc...\n"
	      "  --fonts FILE  fontconfig file pinning the fonts (default fonts/fonts.conf)\n"
	      "  --dump        print the laid-out pages and boxes on stdout\n"
	      "  --lines FILE  write every drawn text line (page, ends, paragraph) to FILE\n"
	      "  -o FILE       the PDF to write (through FILE.tmp and rename)\n"
	      "  IN.pdoc...    one or more page descriptions, laid out in order as one document\n"
	      "exit: 0 ok, 1 input error, 2 usage, 3 system error\n",
	      f);
}

/* The files of the run and what reading them needs. */
struct job {
	char **files;
	size_t nfiles;
	int *hbase;     /* per file: headings of the files before */
	size_t learned; /* files [0, learned) are known to the run */
	const char *fontsconf;
	struct fonts *fonts; /* made after the first file is read */
	struct layout_run *run;
	struct diag *d;
	int status; /* exit status when load() fails */
};

/*
 * Reads file i (i <= learned): checks every character against the pinned
 * fonts, and the first time, tells the run its destinations and TOC
 * entries.  NULL after reporting (j->status says how).
 */
static struct model_doc *
load(struct job *j, size_t i)
{
	struct model_doc *doc = model_load(j->files[i], j->hbase[i], j->d);

	j->status = 1;
	if (doc == NULL)
		return NULL;
	if (j->fonts == NULL) {
		if ((j->fonts = fonts_new(j->fontsconf, j->d)) == NULL) {
			j->status = 3;
			model_free(doc);
			return NULL;
		}
		j->run = layout_run_new(j->fonts, j->d);
	}
	/* a draft prints a character no pinned font has as [U+…], at every
	 * reading (said once); the strict build refuses it just below */
	if (doc->draft) {
		struct diag quiet;

		diag_init(&quiet, NULL);
		fonts_placeholders(j->fonts, doc, i == j->learned ? j->d : &quiet);
		diag_release(&quiet);
	}
	if (i == j->learned) {
		/* every character covered before anything is drawn: never tofu */
		if (fonts_check(j->fonts, doc, j->d) < 0) {
			model_free(doc);
			return NULL;
		}
		j->hbase[i + 1] = layout_learn(j->run, doc);
		j->learned++;
	}
	return doc;
}

/*
 * The measuring pass: lays out every file with pages dropped.  A <toc>
 * lists the headings of every file, so the files after one that has it
 * are read for their entries first.  Keeps the last file in *keep when
 * there is one file (read once).  Returns 0 or -1.
 */
static int
measure(struct job *j, struct model_doc **keep)
{
	struct model_doc *doc;
	size_t i, k;
	int ret = 0;

	for (i = 0; ret == 0 && i < j->nfiles; i++) {
		if ((doc = i == 0 && *keep ? *keep : load(j, i)) == NULL) {
			ret = -1;
			break;
		}
		if (i == 0)
			layout_begin(j->run, 1, NULL); /* the run exists once a file is read */
		for (k = j->learned; doc->has_toc && ret == 0 && k < j->nfiles; k++) {
			struct model_doc *later = load(j, k);

			if (later == NULL)
				ret = -1;
			model_free(later);
		}
		if (ret == 0 && layout_file(j->run, doc) < 0)
			ret = -1;
		if (doc != *keep)
			model_free(doc);
	}
	if (i > 0)
		layout_doc_free(layout_end(j->run));
	return ret;
}

struct sink {
	struct drawer *dr;  /* NULL with --dump and no -o */
	FILE *dump, *lines; /* --dump (stdout), --lines, or NULL */
	size_t pages;
};

static int
sink_page(void *arg, const struct layout_page *pg)
{
	struct sink *s = arg;

	s->pages++;
	if (s->dump)
		layout_dump_page(pg, s->pages, s->dump);
	if (s->lines)
		layout_page_lines(pg, s->pages, s->lines);
	return s->dr ? draw_page(s->dr, pg) : 0;
}

/*
 * The drawing pass: each file read again (but for `keep`), laid out and
 * its pages drawn as they are final.  Returns the exit status.
 */
static int
draw(struct job *j, struct model_doc *keep, const char *out, struct sink *s, size_t *pages)
{
	struct layout_sink ls = {sink_page, s};
	struct layout_doc *ld;
	struct model_doc *doc;
	size_t i;
	int failed = 0;

	layout_begin(j->run, 0, &ls);
	for (i = 0; i < j->nfiles && !failed; i++) {
		doc = keep ? keep : load(j, i);
		if (doc == NULL) {
			failed = j->status;
			break;
		}
		if (i == 0 && out)
			s->dr = draw_open(doc, out, j->d); /* metadata of the first file */
		if (layout_file(j->run, doc) < 0)
			failed = 1;
		if (doc != keep)
			model_free(doc);
	}
	ld = layout_end(j->run);
	if (ld == NULL || failed) {
		draw_abort(s->dr);
		layout_doc_free(ld);
		/* a layout error (1), unless drawing or reading failed */
		return s->dr && draw_failed(s->dr) ? 3 : failed ? failed : 1;
	}
	*pages = ld->npages;
	if (s->dump)
		layout_dump_outline(ld, s->dump);
	/* every page is drawn: the run's memo of line breaks and shapings
	 * goes before the PDF is finished, which takes memory of its own */
	layout_run_free(j->run);
	j->run = NULL;
	jl_cache_free();
	failed = s->dr && draw_close(s->dr, ld->outline, ld->noutline) < 0 ? 3 : 0;
	layout_doc_free(ld);
	return failed;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'},
	                                     {"dump", no_argument, NULL, 'd'},
	                                     {"fonts", required_argument, NULL, 'f'},
	                                     {"lines", required_argument, NULL, 'l'},
	                                     {NULL, 0, NULL, 0}};
	const char *out = NULL, *linesf = NULL;
	struct sink s = {NULL, NULL, NULL, 0};
	struct job j;
	struct diag d;
	struct model_doc *keep = NULL;
	size_t pages = 0;
	int o, status = 0, dump = 0;

	/* glibc gives the heap's free top back to the system at each large
	 * free and faults it in again page by page at the next growth: on the
	 * FY2014 report ~470 brk calls and a fifth of render's page faults.
	 * 4 MiB kept at the top (draw.c's malloc_trim(0) still gives all back
	 * before the PDF's finish) spares both; the peak is the same. */
	mallopt(M_TOP_PAD, 4 << 20);
	i18n_init();

	LIBXML_TEST_VERSION;
	memset(&j, 0, sizeof(j));
	j.fontsconf = "fonts/fonts.conf";
	opterr = 0; /* our own message, as docs/errors.md has it */
	while ((o = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
		switch (o) {
		case 'h':
			usage(stdout);
			return 0;
		case 'd':
			dump = 1;
			break;
		case 'f':
			j.fontsconf = optarg;
			break;
		case 'l':
			linesf = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case ':':
			fprintf(stderr, _("render: missing value for '%s'\n"), argv[optind - 1]);
			usage(stderr);
			return 2;
		default:
			fprintf(stderr, _("render: unknown option '%s'\n"), argv[optind - 1]);
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc || (out == NULL && !dump)) {
		usage(stderr);
		return 2;
	}
	j.files = argv + optind;
	j.nfiles = (size_t)(argc - optind);
	j.hbase = xcalloc(j.nfiles + 1, sizeof(*j.hbase));
	j.d = &d;
	diag_init(&d, stderr);
	if (linesf && (s.lines = fopen(linesf, "w")) == NULL) {
		fprintf(stderr, _("%s: error: cannot write: %s\n"), linesf, strerror(errno));
		status = 3;
		goto done;
	}
	s.dump = dump ? stdout : NULL;
	/* one file is read once; several, once a pass (and the files after
	 * a <toc> once more, for its entries) */
	if (j.nfiles == 1 && (keep = load(&j, 0)) == NULL) {
		status = j.status;
		goto done;
	}
	if ((j.nfiles > 1 || (keep && keep->has_toc)) && measure(&j, &keep) < 0) {
		status = j.status;
		goto done;
	}
	status = draw(&j, keep, out, &s, &pages);
done:
	if (s.lines && fclose(s.lines) != 0 && status == 0) {
		fprintf(stderr, _("%s: error: cannot write: %s\n"), linesf, strerror(errno));
		status = 3;
	}
	fprintf(stderr, _("render: %s%s%s, %zu pages, %zu errors, %zu warnings\n"), j.files[0],
	        j.nfiles > 1 ? " … " : "", j.nfiles > 1 ? j.files[j.nfiles - 1] : "", pages,
	        d.errors, d.warnings);
	layout_run_free(j.run);
	jl_cache_free();
	fonts_free(j.fonts);
	model_free(keep);
	free(j.hbase);
	diag_release(&d);
	xmlCleanupParser();
	/* no FcFini(): pango's caches may still hold fontconfig patterns and
	 * FcFini() asserts on them; the pinned config is the current one and
	 * stays reachable until exit */
	return status;
}
