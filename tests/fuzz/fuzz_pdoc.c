/*
 * libFuzzer harness: the renderer's input (issue 6).  Bytes → a .pdoc
 * file → model_load() → fonts_check() → layout_document(), as render's
 * main() does up to drawing (draw.c only draws the boxes layout made).
 * Invariant besides "no crash, no leak, no UB": a laid-out document has
 * at least one page and every page a positive size.
 *
 * Fonts come from fonts/fonts.conf: run from the repository root.
 * FUZZ_PDOC_DRAW=1 also draws each document to a PDF in the temp dir.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "render/draw.h"
#include "render/fonts.h"
#include "render/layout.h"
#include "render/model.h"

static struct fonts *fonts;
static char path[64], pdf[80];
static int draw;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag d;
	int fd;

	(void)argc;
	(void)argv;
	snprintf(path, sizeof(path), "%s/fuzz_pdoc.XXXXXX",
	         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	snprintf(pdf, sizeof(pdf), "%s.pdf", path);
	draw = getenv("FUZZ_PDOC_DRAW") != NULL;
	diag_init(&d, stderr);
	fonts = fonts_new("fonts/fonts.conf", &d);
	diag_release(&d);
	if (fonts == NULL) {
		fprintf(stderr,
		        "fuzz_pdoc: cannot load fonts/fonts.conf (run from the repository root)\n");
		abort();
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct model_doc *doc;
	struct layout_doc *ld = NULL;
	FILE *fp;
	size_t i;

	if (size > 65536)
		return 0;
	fp = fopen(path, "wb");
	if (fp == NULL)
		abort();
	if (size && fwrite(data, 1, size, fp) != size)
		abort();
	fclose(fp);
	diag_init(&d, NULL);
	doc = model_load(path, 0, &d);
	if (doc != NULL && fonts_check(fonts, doc, &d) == 0)
		ld = layout_document(doc, fonts, &d);
	if (ld != NULL) {
		if (ld->npages == 0)
			abort();
		for (i = 0; i < ld->npages; i++)
			if (!(ld->pages[i].width > 0 && ld->pages[i].height > 0))
				abort();
		if (draw) {
			struct drawer *dr = draw_open(doc, pdf, &d);

			for (i = 0; i < ld->npages && draw_page(dr, &ld->pages[i]) == 0; i++)
				;
			draw_close(dr, ld->outline, ld->noutline);
		}
	}
	layout_doc_free(ld);
	model_free(doc);
	diag_release(&d);
	return 0;
}
