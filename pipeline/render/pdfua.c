/*
 * pdfua: cairo's PDF finished for PDF/UA-1 with qpdf's C API (pdfua.h).
 * Works on the objects qpdf parsed; the only bytes edited by hand are
 * cairo's own "/Private << /MCID n >> BDC" operators in the page content,
 * which become "/Artifact BMC".
 */
#include "pdfua.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "strbuf.h"

struct fix {
	qpdf_data q;
	const struct pdfua_info *info;
	size_t alt, note;
	size_t elem;  /* structure elements met, in depth-first order */
	int elems_ok; /* each one's type is draw.c's: its /Lang may be set */
};

static int
is_name(qpdf_data q, qpdf_oh oh, const char *name)
{
	return qpdf_oh_is_name(q, oh) && strcmp(qpdf_oh_get_name(q, oh), name) == 0;
}

/* The structure type of `oh`, or "" when it is no structure element. */
static const char *
elem_type(qpdf_data q, qpdf_oh oh)
{
	const char *t;
	qpdf_oh s;

	if (!qpdf_oh_is_dictionary(q, oh) || !qpdf_oh_has_key(q, oh, "/S"))
		return "";
	s = qpdf_oh_get_key(q, oh, "/S");
	t = qpdf_oh_is_name(q, s) ? qpdf_oh_get_name(q, s) : ""; /* (qpdf's copy) */
	qpdf_oh_release(q, s);
	return t;
}

static void
set_scopes(struct fix *f, qpdf_oh tr, qpdf_oh kids)
{
	qpdf_data q = f->q;
	int i, n = qpdf_oh_get_array_n_items(q, kids), all_th = 1;

	for (i = 0; i < n; i++)
		if (strcmp(elem_type(q, qpdf_oh_get_array_item(q, kids, i)), "/TH") != 0)
			all_th = 0;
	/* a row of headers heads columns; a header beside data heads its row */
	for (i = 0; i < n; i++) {
		qpdf_oh k = qpdf_oh_get_array_item(q, kids, i);

		if (strcmp(elem_type(q, k), "/TH") == 0)
			qpdf_oh_replace_key(q, k, "/A",
			                    qpdf_oh_parse(q, all_th
			                                         ? "<< /O /Table /Scope /Column >>"
			                                         : "<< /O /Table /Scope /Row >>"));
	}
	(void)tr;
}

/* Depth first in the order of /K (the order cairo's tags were begun). */
static void
walk(struct fix *f, qpdf_oh e)
{
	qpdf_data q = f->q;
	char s[32]; /* qpdf's strings live until its next call */
	qpdf_oh k;
	int i, nk, priv = 0;

	snprintf(s, sizeof(s), "%s", elem_type(q, e));

	if (*s) {
		size_t n = f->elem++;

		/* draw.c's elements in begin order: the same type at the same place */
		if (n >= f->info->nelems || strcmp(s + 1, f->info->etags[n]) != 0)
			f->elems_ok = 0;
		else if (f->elems_ok && f->info->elangs && f->info->elangs[n])
			qpdf_oh_replace_key(q, e, "/Lang",
			                    qpdf_oh_new_string(q, f->info->elangs[n]));
	}
	if (strcmp(s, "/Figure") == 0 && f->alt < f->info->nalts)
		qpdf_oh_replace_key(q, e, "/Alt",
		                    qpdf_oh_new_unicode_string(q, f->info->alts[f->alt++]));
	if (strcmp(s, "/Note") == 0) {
		char id[32];

		snprintf(id, sizeof(id), "note.%zu", ++f->note);
		qpdf_oh_replace_key(q, e, "/ID", qpdf_oh_new_string(q, id));
	}
	if (!qpdf_oh_has_key(q, e, "/K"))
		return;
	k = qpdf_oh_get_key(q, e, "/K");
	if (qpdf_oh_is_dictionary(q, k)) {
		k = qpdf_oh_wrap_in_array(q, k);
		qpdf_oh_replace_key(q, e, "/K", k);
	}
	if (!qpdf_oh_is_array(q, k))
		return;
	nk = qpdf_oh_get_array_n_items(q, k);
	for (i = 0; i < nk; i++) {
		qpdf_oh kid = qpdf_oh_get_array_item(q, k, i);

		if (qpdf_oh_is_dictionary(q, kid) && qpdf_oh_has_key(q, kid, "/S")) {
			walk(f, kid); /* a Private one too: it counts (f->elem) */
			priv += strcmp(elem_type(q, kid), "/Private") == 0;
		}
		qpdf_oh_release(q, kid);
	}
	/* the Private kids left out: a new /K in one pass (erasing them one
	 * by one moves the rest of the array each time) */
	if (priv) {
		qpdf_oh keep = qpdf_oh_new_array(q);

		for (i = 0; i < nk; i++) {
			qpdf_oh kid = qpdf_oh_get_array_item(q, k, i);

			if (strcmp(elem_type(q, kid), "/Private") != 0)
				qpdf_oh_append_item(q, keep, kid);
			qpdf_oh_release(q, kid);
		}
		qpdf_oh_replace_key(q, e, "/K", keep);
		k = keep;
	}
	if (strcmp(s, "/TR") == 0)
		set_scopes(f, e, k);
}

/* Parent tree entries of the Private elements: null. */
static void
parent_tree(struct fix *f, qpdf_oh node)
{
	qpdf_data q = f->q;
	qpdf_oh a;
	int i, j;

	if (qpdf_oh_has_key(q, node, "/Kids")) {
		a = qpdf_oh_get_key(q, node, "/Kids");
		for (i = 0; i < qpdf_oh_get_array_n_items(q, a); i++)
			parent_tree(f, qpdf_oh_get_array_item(q, a, i));
	}
	if (!qpdf_oh_has_key(q, node, "/Nums"))
		return;
	a = qpdf_oh_get_key(q, node, "/Nums");
	for (i = 1; i < qpdf_oh_get_array_n_items(q, a); i += 2) {
		qpdf_oh v = qpdf_oh_get_array_item(q, a, i);

		if (!qpdf_oh_is_array(q, v))
			continue;
		for (j = 0; j < qpdf_oh_get_array_n_items(q, v); j++)
			if (strcmp(elem_type(q, qpdf_oh_get_array_item(q, v, j)), "/Private") == 0)
				qpdf_oh_set_array_item(q, v, j, qpdf_oh_new_null(q));
	}
}

/* "/Private << /MCID n >> BDC" → "/Artifact BMC" in one content stream. */
static void
artifacts(struct fix *f, qpdf_oh stream)
{
	static const char pat[] = "/Private << /MCID ";
	qpdf_data q = f->q;
	unsigned char *buf = NULL;
	size_t len = 0, i = 0;
	QPDF_BOOL filtered = QPDF_FALSE;
	struct strbuf sb;
	int changed = 0;

	if (qpdf_oh_get_stream_data(q, stream, qpdf_dl_generalized, &filtered, &buf, &len) !=
	        QPDF_SUCCESS ||
	    !filtered) {
		free(buf);
		return;
	}
	strbuf_init(&sb, len + 64);
	while (i < len) {
		size_t j = i;

		if (len - i > sizeof(pat) - 1 && memcmp(buf + i, pat, sizeof(pat) - 1) == 0) {
			j = i + sizeof(pat) - 1;
			while (j < len && buf[j] >= '0' && buf[j] <= '9')
				j++;
			if (len - j >= 7 && memcmp(buf + j, " >> BDC", 7) == 0) {
				strbuf_addstr(&sb, "/Artifact BMC");
				i = j + 7;
				changed = 1;
				continue;
			}
		}
		strbuf_addch(&sb, (char)buf[i++]);
	}
	if (changed)
		qpdf_oh_replace_stream_data(q, stream, (const unsigned char *)sb.buf, sb.len,
		                            qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	strbuf_release(&sb);
	free(buf);
}

static void
add_xml(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&':
			strbuf_addstr(sb, "&amp;");
			break;
		case '<':
			strbuf_addstr(sb, "&lt;");
			break;
		case '>':
			strbuf_addstr(sb, "&gt;");
			break;
		default:
			strbuf_addch(sb, *s);
		}
}

static void
metadata(struct fix *f, qpdf_oh root)
{
	qpdf_data q = f->q;
	const struct pdfua_info *in = f->info;
	struct strbuf sb;
	qpdf_oh st;

	strbuf_init(&sb, 1024);
	strbuf_addstr(&sb, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	                   "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	                   "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	                   "<rdf:Description rdf:about=\"\"\n"
	                   " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	                   " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	                   " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	                   "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	add_xml(&sb, in->title && *in->title ? in->title : "-");
	strbuf_addstr(&sb, "</rdf:li></rdf:Alt></dc:title>\n");
	if (in->author && *in->author) {
		strbuf_addstr(&sb, "<dc:creator><rdf:Seq><rdf:li>");
		add_xml(&sb, in->author);
		strbuf_addstr(&sb, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	strbuf_addstr(&sb, "<dc:language><rdf:Bag><rdf:li>");
	add_xml(&sb, in->lang);
	strbuf_addstr(&sb, "</rdf:li></rdf:Bag></dc:language>\n"
	                   "<dc:format>application/pdf</dc:format>\n"
	                   "<pdfuaid:part>1</pdfuaid:part>\n"
	                   "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	                   "<?xpacket end=\"w\"?>\n");
	st = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, st, (const unsigned char *)sb.buf, sb.len,
	                            qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, st), "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, st), "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, root, "/Metadata", st);
	strbuf_release(&sb);
}

static void
pages(struct fix *f)
{
	qpdf_data q = f->q;
	int p, i, n = qpdf_get_num_pages(q);
	size_t link = 0;

	for (p = 0; p < n; p++) {
		qpdf_oh pg = qpdf_get_page_n(q, (size_t)p), c, a;

		c = qpdf_oh_get_key(q, pg, "/Contents");
		if (qpdf_oh_is_stream(q, c))
			artifacts(f, c);
		else if (qpdf_oh_is_array(q, c))
			for (i = 0; i < qpdf_oh_get_array_n_items(q, c); i++)
				artifacts(f, qpdf_oh_get_array_item(q, c, i));
		if (!qpdf_oh_has_key(q, pg, "/Annots"))
			continue;
		a = qpdf_oh_get_key(q, pg, "/Annots");
		if (!qpdf_oh_is_array(q, a) || qpdf_oh_get_array_n_items(q, a) == 0)
			continue;
		qpdf_oh_replace_key(q, pg, "/Tabs", qpdf_oh_new_name(q, "/S"));
		for (i = 0; i < qpdf_oh_get_array_n_items(q, a); i++) {
			qpdf_oh an = qpdf_oh_get_array_item(q, a, i);

			if (!is_name(q, qpdf_oh_get_key(q, an, "/Subtype"), "/Link"))
				continue;
			qpdf_oh_replace_key(q, an, "/Contents",
			                    qpdf_oh_new_unicode_string(q, link < f->info->nlinks
			                                                      ? f->info->links[link]
			                                                      : "リンク"));
			link++;
		}
	}
}

int
pdfua_fix(const unsigned char *in, size_t len, const struct pdfua_info *info, FILE *fp,
          const char *path, char *err, size_t errlen)
{
	struct fix f = {qpdf_init(), info, 0, 0, 0, 1};
	qpdf_data q = f.q;
	qpdf_oh root, str;
	int ret = -1;

	*err = '\0';
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, "cairo's PDF", (const char *)in, len, NULL) & QPDF_ERRORS)
		goto done;
	root = qpdf_get_root(q);
	qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_string(q, info->lang));
	qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"));
	qpdf_oh_replace_key(q, root, "/ViewerPreferences",
	                    qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
	metadata(&f, root);
	if (qpdf_oh_has_key(q, root, "/StructTreeRoot")) {
		str = qpdf_oh_get_key(q, root, "/StructTreeRoot");
		walk(&f, str);
		if (qpdf_oh_has_key(q, str, "/ParentTree"))
			parent_tree(&f, qpdf_oh_get_key(q, str, "/ParentTree"));
	}
	pages(&f);
	if (qpdf_has_error(q))
		goto done;
	/* cairo's bytes out of fp's buffer first: qpdf writes the file anew
	 * through its own stream, as it goes (no second copy in memory) */
	errno = 0;
	if (fflush(fp) != 0) {
		snprintf(err, errlen, "%s", strerror(errno ? errno : EIO));
		goto done;
	}
	if (qpdf_init_write(q, path) & QPDF_ERRORS)
		goto done;
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	if (qpdf_write(q) & QPDF_ERRORS)
		goto done;
	ret = 0;
done:
	if (ret < 0 && !*err) {
		qpdf_error e = qpdf_get_error(q);

		snprintf(err, errlen, "%s", e ? qpdf_get_error_full_text(q, e) : "qpdf failed");
	}
	qpdf_cleanup(&q);
	return ret;
}
