/*
 * pdfua_fix on a corrupt cairo file (issue 12's rewriter): each is refused
 * with a message or finished, never a crash, an out-of-memory exit or a
 * hang.  The files are tiny PDFs written here, one object per line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "render/pdfua.h"

/* The size the next pdf()'s xref table says it has, 0: its own. */
static long xref_count;

/* A PDF of `objs` (NULL-ended) in a temporary file; object `bad` (1…) is
 * listed in the xref at the xref's own offset plus `past`. */
static FILE *
pdf(const char *const *objs, int bad, long past)
{
	FILE *fp = tmpfile();
	long offs[16], xref;
	int i, n;

	assert_non_null(fp);
	fputs("%PDF-1.5\n%\xb5\xed\xae\xfb\n", fp);
	for (n = 0; objs[n]; n++) {
		offs[n] = ftell(fp);
		fprintf(fp, "%d 0 obj\n%s\nendobj\n", n + 1, objs[n]);
	}
	xref = ftell(fp);
	if (bad > 0)
		offs[bad - 1] = xref + past;
	fprintf(fp, "xref\n0 %ld\n0000000000 65535 f \n", xref_count ? xref_count : n + 1L);
	for (i = 0; i < n; i++)
		fprintf(fp, "%010ld 00000 n \n", offs[i]);
	fprintf(fp, "trailer\n<< /Size %d\n   /Root 1 0 R\n>>\nstartxref\n%ld\n%%%%EOF\n", n + 1,
	        xref);
	fflush(fp);
	return fp;
}

/* A one-page PDF whose content stream is `text`, deflated, but only the
 * first `keep` of its bytes. */
static FILE *
pdf_text(const char *text, size_t keep)
{
	unsigned char z[512];
	uLongf zlen = sizeof(z);
	FILE *fp = tmpfile();
	long offs[4], xref;
	int i;

	assert_non_null(fp);
	assert_int_equal(compress(z, &zlen, (const Bytef *)text, strlen(text)), Z_OK);
	if (keep > zlen)
		keep = zlen;
	fputs("%PDF-1.5\n", fp);
	offs[0] = ftell(fp);
	fputs("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", fp);
	offs[1] = ftell(fp);
	fputs("2 0 obj\n<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>\nendobj\n", fp);
	offs[2] = ftell(fp);
	fputs("3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n", fp);
	offs[3] = ftell(fp);
	fprintf(fp, "4 0 obj\n<< /Length %zu /Filter /FlateDecode >>\nstream\n", keep);
	fwrite(z, 1, keep, fp);
	fputs("\nendstream\nendobj\n", fp);
	xref = ftell(fp);
	fputs("xref\n0 5\n0000000000 65535 f \n", fp);
	for (i = 0; i < 4; i++)
		fprintf(fp, "%010ld 00000 n \n", offs[i]);
	fprintf(fp, "trailer\n<< /Size 5\n   /Root 1 0 R\n>>\nstartxref\n%ld\n%%%%EOF\n", xref);
	fflush(fp);
	return fp;
}

/* The same with cairo's content stream of one marked rectangle. */
static FILE *
pdf_content(size_t keep)
{
	return pdf_text("q /Private << /MCID 0 >> BDC 0 0 1 1 re f EMC Q\n", keep);
}

/* pdfua_fix's return for the PDF; its message in err. */
static int
fix(FILE *in, char *err, size_t errlen)
{
	char *etags[] = {"Document"};
	struct pdfua_info info = {"t", NULL, "ja-JP", NULL, 0, NULL, 0, etags, NULL, 1};
	FILE *out = tmpfile();
	int r;

	assert_non_null(out);
	r = pdfua_fix(in, &info, out, err, errlen);
	fclose(out);
	fclose(in);
	return r;
}

static const char *const plain[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 10 10 ] >>",
    NULL,
};

static void
test_plain(void **state)
{
	char err[256];

	(void)state;
	assert_int_equal(fix(pdf(plain, 0, 0), err, sizeof(err)), 0);
}

/* an offset at or after the xref table: no negative length read */
static void
test_offset_past_xref(void **state)
{
	char err[256];

	(void)state;
	assert_int_equal(fix(pdf(plain, 3, 1), err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not before its xref"));
	assert_int_equal(fix(pdf(plain, 2, 5000), err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not before its xref"));
}

/* an xref table of 99,999,999 entries in a few bytes: refused before any
 * memory is taken for them */
static void
test_xref_count(void **state)
{
	char err[256];

	(void)state;
	xref_count = 99999999;
	assert_int_equal(fix(pdf(plain, 0, 0), err, sizeof(err)), -1);
	xref_count = 0;
	assert_non_null(strstr(err, "no xref table"));
}

/* an element twice in /K, in a cycle: each walked once */
static void
test_struct_cycle(void **state)
{
	static const char *const objs[] = {
	    "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 4 0 R >>",
	    "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
	    "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 10 10 ] >>",
	    "<< /Type /StructTreeRoot /K [ 5 0 R ] >>",
	    "<< /Type /StructElem /S /Note /K [ 5 0 R 5 0 R ] >>",
	    NULL,
	};
	char err[256];

	(void)state;
	assert_int_equal(fix(pdf(objs, 0, 0), err, sizeof(err)), 0);
}

/* a page tree node its own kid, twice */
static void
test_page_cycle(void **state)
{
	static const char *const objs[] = {
	    "<< /Type /Catalog /Pages 2 0 R >>",
	    "<< /Type /Pages /Kids [ 2 0 R 2 0 R 3 0 R ] /Count 1 >>",
	    "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 10 10 ] >>",
	    NULL,
	};
	char err[256];

	(void)state;
	assert_int_equal(fix(pdf(objs, 0, 0), err, sizeof(err)), 0);
}

/* arrays nested 100,000 deep: refused, not a stack overflow */
static void
test_deep(void **state)
{
	size_t n = 100000, h;
	char *deep = malloc(2 * n + 64);
	const char *objs[4] = {deep, plain[1], plain[2], NULL};
	char err[256];

	(void)state;
	assert_non_null(deep);
	h = (size_t)snprintf(deep, 64, "<< /Type /Catalog /Pages 2 0 R /X ");
	memset(deep + h, '[', n);
	memset(deep + h + n, ']', n);
	memcpy(deep + h + 2 * n, " >>", 4);
	assert_int_equal(fix(pdf(objs, 0, 0), err, sizeof(err)), -1);
	assert_non_null(strstr(err, "nested too deep"));
	free(deep);
}

/* an integer too long for a long: no overflow (UBSan) */
static void
test_long_number(void **state)
{
	static const char *const objs[] = {
	    "<< /Type /Catalog /Pages 2 0 R /X 99999999999999999999999 0 R >>",
	    "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
	    "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 10 10 ] >>",
	    NULL,
	};
	char err[256];

	(void)state;
	assert_int_equal(fix(pdf(objs, 0, 0), err, sizeof(err)), 0);
}

/* a page's content stream cut short: refused, not written truncated */
static void
test_content_cut(void **state)
{
	char err[256];

	(void)state;
	assert_int_equal(fix(pdf_content(1000), err, sizeof(err)), 0);
	assert_int_equal(fix(pdf_content(20), err, sizeof(err)), -1);
	assert_non_null(strstr(err, "does not inflate"));
}

/* each "/Private << /MCID n >> BDC" of a page's content, and nothing else,
 * becomes "/Artifact BMC" (a near miss, a cut one at the end, a '/' last) */
static void
test_artifacts(void **state)
{
	static const char in[] =
	    "q /Private << /MCID 0 >> BDC 0 0 1 1 re f EMC\n"
	    "/Private << /MCID 12 >> BDC /f-0-0 9 Tf EMC /Private << /MCID x >> "
	    "BDC /Span << /MCID 3 >> BDC EMC/Private << /MCID 7 >> BDC"
	    "/Private << /MCID 8 >> BD /";
	static const char want[] = "q /Artifact BMC 0 0 1 1 re f EMC\n"
	                           "/Artifact BMC /f-0-0 9 Tf EMC /Private << /MCID x >> "
	                           "BDC /Span << /MCID 3 >> BDC EMC/Artifact BMC"
	                           "/Private << /MCID 8 >> BD /";
	char *etags[] = {"Document"};
	struct pdfua_info info = {"t", NULL, "ja-JP", NULL, 0, NULL, 0, etags, NULL, 1};
	FILE *out = tmpfile();
	char err[256], buf[4096], raw[512], *s;
	uLongf rawlen = sizeof(raw);
	size_t n;
	long len;

	(void)state;
	assert_non_null(out);
	assert_int_equal(pdfua_fix(pdf_text(in, 1000), &info, out, err, sizeof(err)), 0);
	rewind(out);
	n = fread(buf, 1, sizeof(buf) - 1, out);
	buf[n] = '\0';
	fclose(out);
	s = strstr(buf, "/Length ");
	assert_non_null(s);
	len = strtol(s + 8, NULL, 10);
	s = strstr(s, "stream\n");
	assert_non_null(s);
	s += 7;
	assert_true(len > 0 && s + len <= buf + n);
	assert_int_equal(uncompress((Bytef *)raw, &rawlen, (const Bytef *)s, (uLong)len), Z_OK);
	assert_int_equal(rawlen, sizeof(want) - 1);
	assert_memory_equal(raw, want, sizeof(want) - 1);
}

/* an element whose one kid (/K n 0 R) is a Private element left out of
 * the tree: its /K becomes an empty array, not null */
static void
test_only_private_kid(void **state)
{
	static const char *const objs[] = {
	    "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 4 0 R >>",
	    "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
	    "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 10 10 ] >>",
	    "<< /Type /StructTreeRoot /K [ 5 0 R ] >>",
	    "<< /Type /StructElem /S /Document /P 4 0 R /K 6 0 R >>",
	    "<< /Type /StructElem /S /Private /P 5 0 R /Pg 3 0 R /K 0 >>",
	    NULL,
	};
	char *etags[] = {"Document", "Private"};
	struct pdfua_info info = {"t", NULL, "ja-JP", NULL, 0, NULL, 0, etags, NULL, 2};
	FILE *out = tmpfile();
	char err[256], buf[4096];
	size_t n;

	(void)state;
	assert_non_null(out);
	assert_int_equal(pdfua_fix(pdf(objs, 0, 0), &info, out, err, sizeof(err)), 0);
	rewind(out);
	n = fread(buf, 1, sizeof(buf) - 1, out);
	buf[n] = '\0';
	fclose(out);
	assert_non_null(strstr(buf, "/S /Document"));
	assert_non_null(strstr(buf, "/K [ ]"));
	assert_null(strstr(buf, "/K null"));
	assert_null(strstr(buf, "/Private"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain),        cmocka_unit_test(test_offset_past_xref),
	    cmocka_unit_test(test_struct_cycle), cmocka_unit_test(test_page_cycle),
	    cmocka_unit_test(test_deep),         cmocka_unit_test(test_long_number),
	    cmocka_unit_test(test_content_cut),  cmocka_unit_test(test_artifacts),
	    cmocka_unit_test(test_xref_count),   cmocka_unit_test(test_only_private_kid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
