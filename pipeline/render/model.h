/*
 * model: the page description (docs/design.md "Page description") as a
 * typed tree.  model_load() parses a .pdoc through common/xmlio, checks
 * element names against the vocabulary and resolves styles and templates;
 * layout reads the tree and never the XML.  A node owns its children
 * (cmark); the document owns everything and is freed with model_free().
 */
#ifndef RENDER_MODEL_H
#define RENDER_MODEL_H

#include <stddef.h>

#include "diag.h"

enum model_kind {
	/* structure */
	M_ROOT,
	M_FLOW,
	M_SLIDE,
	/* blocks */
	M_H,
	M_P,
	M_LIST,
	M_LI,
	M_TABLE,
	M_TR,
	M_TD,
	M_CHART,
	M_SERIES,
	M_PT,
	M_TOC,
	M_BOX,
	M_PAGEBREAK,
	M_SPACE,
	M_ANCHOR,
	M_RULE,
	M_IMAGE, /* a picture: flow block or slide item (issue 14) */
	/* slide items */
	M_RECT,
	M_TEXTBOX,
	M_FRAME,
	/* inline */
	M_TEXT,
	M_B,
	M_A,
	M_FN,
	M_BR,
	M_SPAN,
	/* header/footer parts */
	M_LEFT,
	M_CENTER,
	M_RIGHT,
	M_FIELD
};

enum model_font { FONT_MINCHO, FONT_GOTHIC, FONT_PGOTHIC };
enum model_align { ALIGN_JUSTIFY, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

struct model_node {
	enum model_kind kind;
	long line;   /* source line in the .pdoc */
	char *text;  /* M_TEXT: UTF-8 */
	char **attr; /* name, value, …, NULL */
	struct model_node *parent, *first, *last, *next;
};

struct model_style {
	char *name;
	enum model_font font;
	double size;    /* pt */
	double leading; /* line height / size */
	int bold;
	double color[3]; /* 0..1 */
	enum model_align align;
	double indent;                    /* first-line indent, pt */
	double space_before, space_after; /* pt */
	int keep_with_next;
};

struct model_template {
	char *name;
	double width, height;               /* pt */
	double mt, mb, ml, mr;              /* margins, pt */
	struct model_node *header, *footer; /* M_ROOT holders or NULL */
	char *header_style, *footer_style;
};

/* A heading that enters the TOC (toc="1", outside slides). */
struct model_tocent {
	char *text;    /* model_plain_text() of the <h> (owned) */
	char dest[24]; /* h.N, as heading_items() names it */
	int level;
};

struct model_doc {
	char *path;
	int slides; /* kind="slides" */
	int draft;
	char *title, *author, *subject, *keywords;
	struct model_style *styles; /* predefined first, then <style> */
	size_t nstyles;
	struct model_template *templates;
	size_t ntemplates;
	struct model_node *root; /* M_ROOT: flows and slides */
	/* gathered while reading, for the whole run (layout_learn()): */
	char **dests; /* every destination name: h.N of each
						 * heading outside slides and its id,
						 * every anchor id */
	size_t ndests, adests;
	struct model_tocent *toc; /* the headings with toc="1" */
	size_t ntoc;
	int has_toc;
	size_t ntop; /* flows and slides */
	int hbase;   /* headings of the files before */
	int hcount;  /* hbase + headings outside slides */
};

/*
 * Loads `path`.  Every problem (XML syntax, unknown element, bad length or
 * colour) is reported to `d` as PATH:LINE: error.  Its headings are
 * numbered from `hbase` + 1 (h.N destinations: the files before it in a
 * run hold the first `hbase`).  Returns a new document (free with
 * model_free()) or NULL when any error was reported.
 */
struct model_doc *model_load(const char *path, int hbase, struct diag *d);
void model_free(struct model_doc *doc);

/* Attribute value of `n` or NULL.  Valid until the model is freed. */
const char *model_attr(const struct model_node *n, const char *name);
/* Attribute as an integer, `def` when absent or not a number. */
long model_attr_long(const struct model_node *n, const char *name, long def);

/*
 * The style `name` (a predefined one, possibly overridden by <style>), or
 * the "body" style when there is none.  Never NULL.
 */
const struct model_style *model_style(const struct model_doc *doc, const char *name);
/* The template `name`, or NULL. */
const struct model_template *model_template(const struct model_doc *doc, const char *name);

/*
 * Parses a length: a number with unit pt, mm, em (times `em`) or %
 * (of `ref`); no unit means pt.  Returns 0 and sets *out, or -1 when `s`
 * is not a length.
 */
int model_length(const char *s, double em, double ref, double *out);
/* Parses #rrggbb into rgb[0..2] in 0..1.  Returns 0 or -1. */
int model_color(const char *s, double rgb[3]);
/* The enum model_align named by `s` (justify, left, center, right), or -1. */
int model_align(const char *s);

/*
 * The plain text of the inline content of `n`, footnotes left out:
 * white space dropped, but one space between two ASCII words (XML line
 * breaks between Japanese characters are not spaces).  Returns a new
 * string (free()).
 */
char *model_plain_text(const struct model_node *n);
/*
 * Appends text `s` to `sb` by the same rule: each run of white space is
 * dropped, or one space between two ASCII words.  *space says a run is
 * pending (carried from one text node to the next; 0 at the start).
 */
struct strbuf;
void model_add_text(struct strbuf *sb, const char *s, int *space);

/* Kind name as in the vocabulary ("p", "h", …), for --dump and messages. */
const char *model_kind_name(enum model_kind k);

#endif
