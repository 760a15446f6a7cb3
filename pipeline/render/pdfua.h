/*
 * pdfua: what cairo 1.16's tag API cannot write, added to its finished PDF
 * with qpdf's C API (issue 17, PDF/UA-1): /Lang, /ViewerPreferences
 * <</DisplayDocTitle true>>, XMP metadata (dc:title, dc:language,
 * pdfuaid:part 1), /Alt on each Figure, /Scope on each TH, /ID on each
 * Note, /Lang (en) on a passage in Latin script, /Contents on each link
 * annotation and /Tabs /S on its page, and
 * artifacts: cairo 1.16 has no Artifact tag, so draw.c tags the content
 * that is no part of the text (running heads, folios, rules, fills, the
 * 案 watermark) "Private"; here that marked content becomes /Artifact BMC
 * and the Private elements leave the structure tree.
 */
#ifndef RENDER_PDFUA_H
#define RENDER_PDFUA_H

#include <stddef.h>
#include <stdio.h>

struct pdfua_info {
	const char *title, *author; /* NULL: none */
	const char *lang;           /* "ja-JP" */
	char **alts;                /* each Figure's /Alt, in tree order */
	size_t nalts;
	char **links; /* each link annotation's /Contents, in page order */
	size_t nlinks;
	/* each structure element in the order its tag was begun (the tree's
	 * depth-first order): its type, and its /Lang or NULL (a passage in
	 * Latin script: "en"); none is set unless every type agrees */
	char **etags, **elangs;
	size_t nelems;
};

/*
 * Finishes the PDF `in` (len bytes, cairo's, also written to `fp`, open
 * on `path`) and writes it over the file `path` (fp is flushed first).
 * Returns 0, or -1 with qpdf's message or the write error in err.
 */
int pdfua_fix(const unsigned char *in, size_t len, const struct pdfua_info *info, FILE *fp,
              const char *path, char *err, size_t errlen);

#endif
