/*
 * pdfua: what cairo 1.16's tag API cannot write, added to its finished PDF
 * (issue 17, PDF/UA-1): /Lang, /ViewerPreferences
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
 * Reads cairo's finished PDF from `in` (a seekable file) and writes it,
 * finished for PDF/UA, to `out`.  Returns 0, or -1 with what is wrong with
 * cairo's PDF, or the write error, in err.
 */
int pdfua_fix(FILE *in, const struct pdfua_info *info, FILE *out, char *err, size_t errlen);

#endif
