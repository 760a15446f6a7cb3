/*
 * render: page description (.pdoc) → PDF.  docs/render.md.
 *
 *   render --fonts fonts/fonts.conf [--dump] [--lines FILE] -o OUT.pdf IN.pdoc
 *
 * Exit codes (docs/design.md "Stage contract"): 0 ok, 1 input errors (bad
 * .pdoc, a character no pinned font covers; OUT is left untouched),
 * 2 usage, 3 system error (cannot write the PDF, fonts not loadable).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "diag.h"
#include "draw.h"
#include "fonts.h"
#include "jltext.h"
#include "layout.h"
#include "model.h"

static void
usage(FILE *f)
{
	fputs("usage: render [--fonts FONTS.conf] [--dump] [--lines FILE] -o OUT.pdf IN.pdoc\n"
	    "  --fonts FILE  fontconfig file pinning the fonts (default fonts/fonts.conf)\n"
	    "  --dump        print the laid-out pages and boxes on stdout\n"
	    "  --lines FILE  write every drawn text line (page, ends, paragraph) to FILE\n"
	    "  -o FILE       the PDF to write (through FILE.tmp and rename)\n"
	    "exit: 0 ok, 1 input error, 2 usage, 3 system error\n", f);
}

struct streamer {
	struct drawer	*dr;
	int		 failed;	/* drawing (not layout) failed: exit 3 */
	FILE		*lines;		/* --lines, or NULL */
	size_t		 pages;
};

static int
sink_page(void *arg, const struct layout_page *pg)
{
	struct streamer *st = arg;

	if (st->lines)
		layout_page_lines(pg, ++st->pages, st->lines);
	if (draw_page(st->dr, pg) < 0) {
		st->failed = 1;
		return -1;
	}
	return 0;
}

/*
 * Streaming (each page drawn and freed as soon as it is final) keeps
 * memory bounded but lays a document with a TOC out twice; a document
 * small enough to hold is laid out once.  PIPELINE_RENDER_STREAM=1|0
 * forces either; both give the same bytes (t0400).
 */
#define STREAM_MIN_TEXT	(256 * 1024)

static int
stream_mode(const struct model_doc *doc)
{
	const char *e = getenv("PIPELINE_RENDER_STREAM");

	if (e && *e)
		return strcmp(e, "0") != 0;
	return model_text_bytes(doc) > STREAM_MIN_TEXT;
}

/*
 * A .pdoc larger than this is read as a stream (model_scan: one block of
 * XML and of model at a time; the layout passes read the file again), a
 * smaller one as a tree, once.  PIPELINE_RENDER_READ=stream|tree forces
 * either; both give the same bytes and the same messages.
 */
#define READ_STREAM_MIN	(4 * 1024 * 1024)

static int
read_streamed(const char *path)
{
	const char *e = getenv("PIPELINE_RENDER_READ");
	struct stat sb;

	if (e && *e)
		return strcmp(e, "stream") == 0;
	return stat(path, &sb) == 0 && sb.st_size > READ_STREAM_MIN;
}

static int
check_block(void *arg, const struct model_node *n)
{
	return fonts_covered(arg, n);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' }, { "dump", no_argument, NULL, 'd' },
		{ "fonts", required_argument, NULL, 'f' },
		{ "lines", required_argument, NULL, 'l' }, { NULL, 0, NULL, 0 }
	};
	const char *fontsconf = "fonts/fonts.conf", *out = NULL, *in = NULL, *linesf = NULL;
	FILE *lines = NULL;
	int dump = 0, i, opt, status = 0;
	struct diag d;
	struct model_doc *doc = NULL;
	struct fonts *fonts = NULL;
	struct layout_doc *ld = NULL;
	size_t pages = 0;

	LIBXML_TEST_VERSION;
	opterr = 0;	/* our messages, below */
	while ((opt = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			usage(stdout);
			return 0;
		case 'd':
			dump = 1;
			break;
		case 'f':
			fontsconf = optarg;
			break;
		case 'l':
			linesf = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case ':':
			fprintf(stderr, "render: missing value for '%s'\n", argv[optind - 1]);
			usage(stderr);
			return 2;
		default:
			fprintf(stderr, "render: unknown option '%s'\n", argv[optind - 1]);
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc)
		in = argv[optind];
	if (optind + 1 < argc) {
		fprintf(stderr, "render: one input only\n");
		usage(stderr);
		return 2;
	}
	if (in == NULL || (out == NULL && !dump)) {
		usage(stderr);
		return 2;
	}
	diag_init(&d, stderr);
	if (linesf && (lines = fopen(linesf, "w")) == NULL) {
		fprintf(stderr, "%s: error: cannot write: %s\n", linesf, strerror(errno));
		status = 3;
		goto done;
	}
	if (read_streamed(in)) {
		/* checked while read; anything wrong and the tree is loaded
		 * below, to report it as it always was */
		struct diag quiet;

		diag_init(&quiet, NULL);
		fonts = fonts_new(fontsconf, &quiet);
		diag_release(&quiet);
		if (fonts && (doc = model_scan(in, check_block, fonts)) == NULL) {
			fonts_free(fonts);
			fonts = NULL;
		}
	}
	if (doc == NULL && (doc = model_load(in, &d)) == NULL) {
		status = 1;
		goto done;
	}
	if (fonts == NULL && (fonts = fonts_new(fontsconf, &d)) == NULL) {
		status = 3;
		goto done;
	}
	/* a draft prints a character no pinned font has as [U+…] (a streamed
	 * document had none); the strict build refuses it just below */
	if (doc->draft && !doc->streamed)
		fonts_placeholders(fonts, doc, &d);
	/* every character covered before anything is drawn: never tofu */
	if (fonts_check(fonts, doc, &d) < 0) {
		status = 1;
		goto done;
	}
	if (dump || (!stream_mode(doc) && !doc->streamed)) {
		ld = layout_document(doc, fonts, &d);
		if (ld == NULL) {
			status = 1;
			goto done;
		}
		pages = ld->npages;
		if (dump)
			layout_dump(ld, stdout);
		for (i = 0; lines && (size_t)i < ld->npages; i++)
			layout_page_lines(&ld->pages[i], (size_t)i + 1, lines);
		if (out && draw_pdf(ld, doc, out, &d) < 0)
			status = 3;
	} else {
		/* pages drawn as soon as they are final: memory stays bounded */
		struct streamer st = { draw_open(doc, out, &d), 0, lines, 0 };
		struct layout_sink sink = { sink_page, &st };

		ld = layout_stream(doc, fonts, &d, &sink);
		if (ld == NULL) {
			/* a layout error (1), unless drawing failed (3) */
			status = st.failed ? 3 : 1;
			draw_abort(st.dr);
			goto done;
		}
		pages = ld->npages;
		if (draw_close(st.dr, ld->outline, ld->noutline) < 0)
			status = 3;
	}
done:
	if (lines && fclose(lines) != 0 && status == 0) {
		fprintf(stderr, "%s: error: cannot write: %s\n", linesf, strerror(errno));
		status = 3;
	}
	fprintf(stderr, "render: %s, %zu pages, %zu errors, %zu warnings\n", in, pages, d.errors,
	    d.warnings);
	layout_doc_free(ld);
	jl_cache_free();
	fonts_free(fonts);
	model_free(doc);
	diag_release(&d);
	xmlCleanupParser();
	/* no FcFini(): pango's caches may still hold fontconfig patterns and
	 * FcFini() asserts on them; the pinned config is the current one and
	 * stays reachable until exit */
	return status;
}
