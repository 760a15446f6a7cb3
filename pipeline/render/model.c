/*
 * model: .pdoc → typed tree.  The XML is read once here; element names
 * map to kinds, styles get their predefined defaults (docs/render.md
 * "Styles"), lengths are resolved to points where the reference is known.
 */
#include "model.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include <glib.h>

#include "strbuf.h"
#include "xmem.h"
#include "xmlio.h"

static const struct {
	const char *name;
	enum model_kind kind;
} kinds[] = {
    {"flow", M_FLOW},   {"slide", M_SLIDE},   {"h", M_H},
    {"p", M_P},         {"list", M_LIST},     {"li", M_LI},
    {"table", M_TABLE}, {"tr", M_TR},         {"td", M_TD},
    {"chart", M_CHART}, {"series", M_SERIES}, {"pt", M_PT},
    {"toc", M_TOC},     {"box", M_BOX},       {"pagebreak", M_PAGEBREAK},
    {"space", M_SPACE}, {"anchor", M_ANCHOR}, {"rule", M_RULE},
    {"image", M_IMAGE}, {"rect", M_RECT},     {"textbox", M_TEXTBOX},
    {"frame", M_FRAME}, {"#text", M_TEXT},    {"b", M_B},
    {"a", M_A},         {"fn", M_FN},         {"br", M_BR},
    {"span", M_SPAN},   {"left", M_LEFT},     {"center", M_CENTER},
    {"right", M_RIGHT}, {"field", M_FIELD},   {"#root", M_ROOT},
};

const char *
model_kind_name(enum model_kind k)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i].kind == k)
			return kinds[i].name;
	return "?";
}

/* Predefined styles (docs/render.md "Styles"): a Japanese government report,
 * mincho 10.5pt body, gothic headings; BIZ UDPGothic slides. */
static const struct model_style predefined[] = {
    /* name, font, size, leading, bold, color, align, indent, before, after, keep */
    {"body", FONT_MINCHO, 10.5, 1.75, 0, {0, 0, 0}, ALIGN_JUSTIFY, 10.5, 0, 0, 0},
    {"plain", FONT_MINCHO, 10.5, 1.75, 0, {0, 0, 0}, ALIGN_JUSTIFY, 0, 0, 0, 0},
    {"h1", FONT_GOTHIC, 16, 1.5, 1, {0, 0, 0}, ALIGN_LEFT, 0, 20, 12, 1},
    {"h2", FONT_GOTHIC, 13, 1.5, 1, {0, 0, 0}, ALIGN_LEFT, 0, 16, 8, 1},
    {"h3", FONT_GOTHIC, 11.5, 1.5, 1, {0, 0, 0}, ALIGN_LEFT, 0, 12, 5, 1},
    {"h4", FONT_GOTHIC, 10.5, 1.6, 1, {0, 0, 0}, ALIGN_LEFT, 0, 8, 3, 1},
    {"cover-title", FONT_GOTHIC, 22, 1.6, 1, {0, 0, 0}, ALIGN_CENTER, 0, 0, 18, 0},
    {"cover-sub", FONT_GOTHIC, 14, 1.7, 0, {0, 0, 0}, ALIGN_CENTER, 0, 0, 10, 0},
    {"small", FONT_GOTHIC, 8.5, 1.4, 0, {0.25, 0.25, 0.25}, ALIGN_LEFT, 0, 0, 0, 0},
    {"note", FONT_MINCHO, 8.5, 1.5, 0, {0, 0, 0}, ALIGN_JUSTIFY, 0, 0, 0, 0},
    {"caption", FONT_GOTHIC, 9.5, 1.5, 1, {0, 0, 0}, ALIGN_LEFT, 0, 6, 3, 1},
    {"cell", FONT_MINCHO, 9, 1.45, 0, {0, 0, 0}, ALIGN_LEFT, 0, 0, 0, 0},
    {"cell-head", FONT_GOTHIC, 9, 1.45, 1, {0, 0, 0}, ALIGN_CENTER, 0, 0, 0, 0},
    {"toc1", FONT_GOTHIC, 10.5, 2.0, 0, {0, 0, 0}, ALIGN_LEFT, 0, 4, 0, 0},
    {"toc2", FONT_MINCHO, 10.5, 1.8, 0, {0, 0, 0}, ALIGN_LEFT, 0, 0, 0, 0},
    {"toc3", FONT_MINCHO, 10, 1.7, 0, {0, 0, 0}, ALIGN_LEFT, 0, 0, 0, 0},
    {"bullet", FONT_MINCHO, 10.5, 1.75, 0, {0, 0, 0}, ALIGN_JUSTIFY, 0, 0, 0, 0},
    {"slide-title", FONT_PGOTHIC, 22, 1.3, 1, {0.12, 0.22, 0.39}, ALIGN_LEFT, 0, 0, 0, 0},
    {"slide-band", FONT_PGOTHIC, 16, 1.3, 1, {1, 1, 1}, ALIGN_LEFT, 0, 0, 0, 0},
    {"panel-head", FONT_PGOTHIC, 13, 1.3, 1, {1, 1, 1}, ALIGN_LEFT, 0, 0, 0, 0},
    {"panel-body", FONT_PGOTHIC, 13, 1.45, 0, {0, 0, 0}, ALIGN_LEFT, 0, 0, 3, 0},
};

int
model_length(const char *s, double em, double ref, double *out)
{
	char *end;
	double v;

	if (s == NULL)
		return -1;
	while (*s == ' ')
		s++;
	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno || !isfinite(v))
		return -1;
	while (*end == ' ')
		end++;
	if (*end == '\0' || strcmp(end, "pt") == 0)
		;
	else if (strcmp(end, "mm") == 0)
		v *= 72.0 / 25.4;
	else if (strcmp(end, "cm") == 0)
		v *= 72.0 / 2.54;
	else if (strcmp(end, "em") == 0)
		v *= em;
	else if (strcmp(end, "%") == 0)
		v = v * ref / 100.0;
	else
		return -1;
	if (!isfinite(v) || fabs(v) > 1e6) /* no page is a kilometre long */
		return -1;
	*out = v;
	return 0;
}

int
model_color(const char *s, double rgb[3])
{
	int i, h, l;

	if (s == NULL || s[0] != '#' || strlen(s) != 7)
		return -1;
	for (i = 0; i < 3; i++) {
		h = g_ascii_xdigit_value(s[1 + 2 * i]);
		l = g_ascii_xdigit_value(s[2 + 2 * i]);
		if (h < 0 || l < 0)
			return -1;
		rgb[i] = (h * 16 + l) / 255.0;
	}
	return 0;
}

int
model_align(const char *s)
{
	static const char *const names[] = {"justify", "left", "center", "right"};
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *
model_attr(const struct model_node *n, const char *name)
{
	char **a;

	if (n == NULL || n->attr == NULL)
		return NULL;
	for (a = n->attr; a[0]; a += 2)
		if (strcmp(a[0], name) == 0)
			return a[1];
	return NULL;
}

long
model_attr_long(const struct model_node *n, const char *name, long def)
{
	const char *s = model_attr(n, name);
	char *end;
	long v;

	if (s == NULL)
		return def;
	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || errno)
		return def;
	return v;
}

const struct model_style *
model_style(const struct model_doc *doc, const char *name)
{
	size_t i;

	if (name != NULL)
		for (i = doc->nstyles; i-- > 0;)
			if (strcmp(doc->styles[i].name, name) == 0)
				return &doc->styles[i];
	return &doc->styles[0];
}

const struct model_template *
model_template(const struct model_doc *doc, const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < doc->ntemplates; i++)
		if (strcmp(doc->templates[i].name, name) == 0)
			return &doc->templates[i];
	return NULL;
}

static void
node_free(struct model_node *n)
{
	struct model_node *c, *next;
	char **a;

	if (n == NULL)
		return;
	for (c = n->first; c; c = next) {
		next = c->next;
		node_free(c);
	}
	if (n->attr)
		for (a = n->attr; a[0]; a += 2) {
			free(a[0]);
			free(a[1]);
		}
	free(n->attr);
	free(n->text);
	free(n);
}

static struct model_node *
node_new(enum model_kind kind, long line, struct model_node *parent)
{
	struct model_node *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->line = line;
	n->parent = parent;
	if (parent) {
		if (parent->last)
			parent->last->next = n;
		else
			parent->first = n;
		parent->last = n;
	}
	return n;
}

static void
copy_attrs(struct model_node *n, xmlNodePtr x)
{
	xmlAttrPtr a;
	size_t cnt = 0, i = 0;

	for (a = x->properties; a; a = a->next)
		cnt++;
	n->attr = xcalloc(2 * cnt + 1, sizeof(char *));
	for (a = x->properties; a; a = a->next) {
		xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);

		n->attr[i++] = xstrdup((const char *)a->name);
		n->attr[i++] = xstrdup(v ? (const char *)v : "");
		xmlFree(v);
	}
}

static int build(struct model_doc *, struct model_node *, xmlNodePtr, struct diag *);

static int
is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Containers whose whitespace-only text is layout, not content. */
static int
block_container(enum model_kind k)
{
	switch (k) {
	case M_ROOT:
	case M_FLOW:
	case M_SLIDE:
	case M_LIST:
	case M_TABLE:
	case M_TR:
	case M_CHART:
	case M_SERIES:
	case M_BOX:
	case M_FRAME:
		return 1;
	default:
		return 0;
	}
}

/* One child `c` of `parent`: a text or an element with its subtree. */
static int
build_one(struct model_doc *doc, struct model_node *parent, xmlNodePtr c, struct diag *d)
{
	size_t i;
	struct model_node *n;

	if (c->type == XML_TEXT_NODE) {
		struct model_node *t;

		if (block_container(parent->kind) && is_blank((const char *)c->content))
			return 0;
		t = node_new(M_TEXT, xmlGetLineNo(c), parent);
		t->text = xstrdup((const char *)c->content);
		return 0;
	}
	if (c->type != XML_ELEMENT_NODE)
		return 0;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i].name[0] != '#' && strcmp(kinds[i].name, (const char *)c->name) == 0)
			break;
	if (i == sizeof(kinds) / sizeof(kinds[0]))
		return diag_error(d, doc->path, xmlGetLineNo(c), "unknown element <%s> in <%s>",
		                  c->name, model_kind_name(parent->kind));
	n = node_new(kinds[i].kind, xmlGetLineNo(c), parent);
	copy_attrs(n, c);
	return build(doc, n, c, d);
}

static int
build(struct model_doc *doc, struct model_node *parent, xmlNodePtr x, struct diag *d)
{
	xmlNodePtr c;
	int ret = 0;

	for (c = x->children; c; c = c->next)
		if (build_one(doc, parent, c, d) < 0)
			ret = -1;
	return ret;
}

static int
length_attr(struct model_doc *doc, xmlNodePtr x, const char *name, double em, double *out,
            struct diag *d)
{
	char *v = xmlio_attr(x, name);
	int ret = 0;

	if (v == NULL)
		return 0;
	if (model_length(v, em, 0, out) < 0)
		ret = diag_error(d, doc->path, xmlGetLineNo(x),
		                 "<%s %s=\"%s\">: not a length (pt, mm or em)", x->name, name, v);
	xmlFree(v);
	return ret;
}

static int
parse_style(struct model_doc *doc, xmlNodePtr x, struct diag *d)
{
	struct model_style st;
	char *name = xmlio_attr(x, "name"), *v;
	int ret = 0;
	long line = xmlGetLineNo(x);

	if (name == NULL)
		return diag_error(d, doc->path, line, "<style> without name");
	st = *model_style(doc, name);
	if (strcmp(st.name, name) != 0) {
		/* a new style starts from body with no indent */
		st = doc->styles[0];
		st.indent = 0;
	}
	st.name = xstrdup(name);
	xmlFree(name);
	if ((v = xmlio_attr(x, "font")) != NULL) {
		if (strcmp(v, "mincho") == 0)
			st.font = FONT_MINCHO;
		else if (strcmp(v, "gothic") == 0)
			st.font = FONT_GOTHIC;
		else if (strcmp(v, "pgothic") == 0)
			st.font = FONT_PGOTHIC;
		else
			ret = diag_error(d, doc->path, line,
			                 "<style font=\"%s\">: expected mincho, gothic or pgothic",
			                 v);
		xmlFree(v);
	}
	if (length_attr(doc, x, "size", st.size, &st.size, d) < 0)
		ret = -1;
	if (st.size <= 0 || st.size > 400)
		ret = diag_error(d, doc->path, line, "<style size>: out of range");
	if ((v = xmlio_attr(x, "leading")) != NULL) {
		char *end;
		double l = strtod(v, &end);

		if (end == v || *end || l < 0.5 || l > 5)
			ret =
			    diag_error(d, doc->path, line,
			               "<style leading=\"%s\">: expected a factor such as 1.75", v);
		else
			st.leading = l;
		xmlFree(v);
	}
	if ((v = xmlio_attr(x, "weight")) != NULL) {
		st.bold = strcmp(v, "bold") == 0;
		xmlFree(v);
	}
	if ((v = xmlio_attr(x, "color")) != NULL) {
		if (model_color(v, st.color) < 0)
			ret = diag_error(d, doc->path, line,
			                 "<style color=\"%s\">: expected #rrggbb", v);
		xmlFree(v);
	}
	if ((v = xmlio_attr(x, "align")) != NULL) {
		int al = model_align(v);

		if (al >= 0)
			st.align = (enum model_align)al;
		else
			ret = diag_error(d, doc->path, line,
			                 "<style align=\"%s\">: unknown alignment", v);
		xmlFree(v);
	}
	if (length_attr(doc, x, "indent", st.size, &st.indent, d) < 0 ||
	    length_attr(doc, x, "space-before", st.size, &st.space_before, d) < 0 ||
	    length_attr(doc, x, "space-after", st.size, &st.space_after, d) < 0)
		ret = -1;
	if ((v = xmlio_attr(x, "keep-with-next")) != NULL) {
		st.keep_with_next = strcmp(v, "1") == 0;
		xmlFree(v);
	}
	doc->styles = xreallocarray(doc->styles, doc->nstyles + 1, sizeof(*doc->styles));
	doc->styles[doc->nstyles++] = st;
	return ret;
}

static int
parse_template(struct model_doc *doc, xmlNodePtr x, struct diag *d)
{
	struct model_template t;
	xmlNodePtr c;
	char *name = xmlio_attr(x, "name");
	int ret = 0;

	memset(&t, 0, sizeof(t));
	if (name == NULL)
		return diag_error(d, doc->path, xmlGetLineNo(x), "<template> without name");
	t.name = xstrdup(name);
	xmlFree(name);
	t.width = 595.2756;
	t.height = 841.8898;
	t.mt = t.mb = 25 * 72 / 25.4;
	t.ml = t.mr = 22 * 72 / 25.4;
	if (length_attr(doc, x, "width", 10, &t.width, d) < 0 ||
	    length_attr(doc, x, "height", 10, &t.height, d) < 0 ||
	    length_attr(doc, x, "margin-top", 10, &t.mt, d) < 0 ||
	    length_attr(doc, x, "margin-bottom", 10, &t.mb, d) < 0 ||
	    length_attr(doc, x, "margin-left", 10, &t.ml, d) < 0 ||
	    length_attr(doc, x, "margin-right", 10, &t.mr, d) < 0)
		ret = -1;
	if (t.width < 72 || t.height < 72 || t.width > 14400 || t.height > 14400 ||
	    t.ml + t.mr > t.width - 36 || t.mt + t.mb > t.height - 36)
		ret =
		    diag_error(d, doc->path, xmlGetLineNo(x),
		               "<template name=\"%s\">: page size or margins out of range", t.name);
	for (c = x->children; c; c = c->next) {
		struct model_node **slot;
		char **style;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "header") == 0) {
			slot = &t.header;
			style = &t.header_style;
		} else if (strcmp((const char *)c->name, "footer") == 0) {
			slot = &t.footer;
			style = &t.footer_style;
		} else {
			ret = diag_error(d, doc->path, xmlGetLineNo(c),
			                 "unknown element <%s> in <template>", c->name);
			continue;
		}
		{
			char *s = xmlio_attr(c, "style");

			*style = xstrdup(s ? s : "small");
			xmlFree(s);
		}
		*slot = node_new(M_ROOT, xmlGetLineNo(c), NULL);
		if (build(doc, *slot, c, d) < 0)
			ret = -1;
	}
	doc->templates =
	    xreallocarray(doc->templates, doc->ntemplates + 1, sizeof(*doc->templates));
	doc->templates[doc->ntemplates++] = t;
	return ret;
}

static char *
attr_dup(xmlNodePtr x, const char *name)
{
	char *v = xmlio_attr(x, name);
	char *r = v ? xstrdup(v) : NULL;

	xmlFree(v);
	return r;
}

static struct model_doc *
doc_new(const char *path)
{
	struct model_doc *doc = xcalloc(1, sizeof(*doc));
	size_t i;

	doc->path = xstrdup(path);
	doc->nstyles = sizeof(predefined) / sizeof(predefined[0]);
	doc->styles = xcalloc(doc->nstyles, sizeof(*doc->styles));
	for (i = 0; i < doc->nstyles; i++) {
		doc->styles[i] = predefined[i];
		doc->styles[i].name = xstrdup(predefined[i].name);
	}
	doc->root = node_new(M_ROOT, 1, NULL);
	return doc;
}

/* ------------------------------------------------------------------ */
/* what layout needs of the whole document before its first page */

static void
add_dest(struct model_doc *doc, const char *name)
{
	if (doc->ndests == doc->adests) {
		doc->adests = doc->adests ? 2 * doc->adests : 64;
		doc->dests = xreallocarray(doc->dests, doc->adests, sizeof(*doc->dests));
	}
	doc->dests[doc->ndests++] = xstrdup(name);
}

static int
is_ascii_word(gunichar ch)
{
	return ch < 0x80 && ch > ' ';
}

void
model_add_text(struct strbuf *sb, const char *s, int *space)
{
	const char *p;

	for (p = s; *p; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			*space = 1;
			continue;
		}
		if (*space && sb->len > 0) {
			const char *prev = g_utf8_find_prev_char(sb->buf, sb->buf + sb->len);
			gunichar pc = prev ? g_utf8_get_char(prev) : 0;

			if (is_ascii_word(pc) && is_ascii_word(ch))
				strbuf_addch(sb, ' ');
		}
		*space = 0;
		strbuf_add(sb, p, (size_t)(g_utf8_next_char(p) - p));
	}
}

static void
plain_walk(const struct model_node *n, struct strbuf *sb, int *space)
{
	const struct model_node *k;

	for (k = n->first; k; k = k->next) {
		if (k->kind == M_TEXT)
			model_add_text(sb, k->text, space);
		else if (k->kind != M_FN)
			plain_walk(k, sb, space);
	}
}

char *
model_plain_text(const struct model_node *n)
{
	struct strbuf sb;
	int space = 0;

	strbuf_init(&sb, 64);
	plain_walk(n, &sb, &space);
	return strbuf_detach(&sb);
}

/*
 * Adds `n` and its subtree to the summary, in document order: text bytes,
 * <toc>, destinations (headings outside slides are h.1, h.2, … as
 * heading_items() names them, plus their id; anchors anywhere) and the
 * TOC's headings (toc="1", outside slides, as toc.c lists them).
 */
static void
summarize_node(struct model_doc *doc, const struct model_node *n, int in_slide)
{
	const char *id = model_attr(n, "id"), *toc;

	if (n->kind == M_TOC)
		doc->has_toc = 1;
	if (n->kind == M_H && !in_slide) {
		char name[24];

		snprintf(name, sizeof(name), "h.%d", ++doc->hcount);
		add_dest(doc, name);
		if (id && *id)
			add_dest(doc, id);
		toc = model_attr(n, "toc");
		if (toc && strcmp(toc, "1") == 0) {
			struct model_tocent *e;

			if ((doc->ntoc & (doc->ntoc - 1)) == 0) /* 0, 1, 2, 4…: grow */
				doc->toc = xreallocarray(
				    doc->toc, doc->ntoc < 4 ? 8 : 2 * doc->ntoc, sizeof(*doc->toc));
			e = &doc->toc[doc->ntoc++];
			e->text = model_plain_text(n);
			snprintf(e->dest, sizeof(e->dest), "%s", name);
			e->level = (int)model_attr_long(n, "level", 1);
		}
	} else if (n->kind == M_ANCHOR && id)
		add_dest(doc, id);
}

static void
summarize(struct model_doc *doc, const struct model_node *n, int in_slide)
{
	const struct model_node *k;

	if (n->kind == M_SLIDE)
		in_slide = 1;
	summarize_node(doc, n, in_slide);
	for (k = n->first; k; k = k->next)
		summarize(doc, k, in_slide);
}

struct model_doc *
model_load(const char *path, int hbase, struct diag *d)
{
	struct model_doc *doc;
	xmlDocPtr xd;
	xmlNodePtr top, c;
	size_t before = d->errors;
	char *v;
	struct model_node *k;

	xd = xmlio_load(path, d);
	if (xd == NULL)
		return NULL;
	doc = doc_new(path);
	doc->hbase = doc->hcount = hbase;
	top = xmlDocGetRootElement(xd);
	if (top == NULL || strcmp((const char *)top->name, "document") != 0) {
		diag_error(d, path, top ? xmlGetLineNo(top) : 1,
		           "the root element must be <document>");
		goto out;
	}
	if ((v = xmlio_attr(top, "kind")) != NULL) {
		doc->slides = strcmp(v, "slides") == 0;
		xmlFree(v);
	}
	if ((v = xmlio_attr(top, "draft")) != NULL) {
		doc->draft = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
		xmlFree(v);
	}
	/* first styles and templates, wherever they are, then the content */
	for (c = top->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "style") == 0)
			parse_style(doc, c, d);
		else if (strcmp((const char *)c->name, "template") == 0)
			parse_template(doc, c, d);
		else if (strcmp((const char *)c->name, "meta") == 0) {
			free(doc->title);
			free(doc->author);
			free(doc->subject);
			free(doc->keywords);
			doc->title = attr_dup(c, "title");
			doc->author = attr_dup(c, "author");
			doc->subject = attr_dup(c, "subject");
			doc->keywords = attr_dup(c, "keywords");
		}
	}
	for (c = top->children; c; c = c->next) {
		struct model_node *n;
		enum model_kind kd;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "style") == 0 ||
		    strcmp((const char *)c->name, "template") == 0 ||
		    strcmp((const char *)c->name, "meta") == 0)
			continue;
		if (strcmp((const char *)c->name, "flow") == 0)
			kd = M_FLOW;
		else if (strcmp((const char *)c->name, "slide") == 0)
			kd = M_SLIDE;
		else {
			diag_error(d, path, xmlGetLineNo(c),
			           "unknown element <%s> in <document> (expected meta, style, "
			           "template, flow or slide)",
			           c->name);
			continue;
		}
		n = node_new(kd, xmlGetLineNo(c), doc->root);
		copy_attrs(n, c);
		build(doc, n, c, d);
	}
	for (k = doc->root->first; k; k = k->next) {
		doc->ntop++;
		summarize(doc, k, 0);
	}
out:
	xmlFreeDoc(xd);
	if (d->errors > before) {
		model_free(doc);
		return NULL;
	}
	return doc;
}

void
model_free(struct model_doc *doc)
{
	size_t i;

	if (doc == NULL)
		return;
	for (i = 0; i < doc->nstyles; i++)
		free(doc->styles[i].name);
	free(doc->styles);
	for (i = 0; i < doc->ntemplates; i++) {
		free(doc->templates[i].name);
		free(doc->templates[i].header_style);
		free(doc->templates[i].footer_style);
		node_free(doc->templates[i].header);
		node_free(doc->templates[i].footer);
	}
	free(doc->templates);
	node_free(doc->root);
	for (i = 0; i < doc->ndests; i++)
		free(doc->dests[i]);
	free(doc->dests);
	for (i = 0; i < doc->ntoc; i++)
		free(doc->toc[i].text);
	free(doc->toc);
	free(doc->path);
	free(doc->title);
	free(doc->author);
	free(doc->subject);
	free(doc->keywords);
	free(doc);
}
