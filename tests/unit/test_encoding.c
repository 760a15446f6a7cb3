/*
 * Encodings (inputs.md "Encoding and syntax"): sjis_decode() per form,
 * utf8_validate() offsets, NFC, and csvread on byte strings: CP932 trail
 * byte 0x5C, line ends, multi-line cells, NUL and invalid bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <glib.h>

#include "diag.h"
#include "ingest/csvread.h"
#include "sjis.h"
#include "utf8.h"
#include "xmem.h"

static const struct {
	const char *name;
	const char *raw;
	size_t len;
	int ok;
	enum sjis_encoding enc;
	const char *utf8; /* expected text when ok */
	size_t bad;       /* expected offset when not */
} decode_cases[] = {
    {"ascii", "a,b\n", 4, 1, SJIS_UTF8, "a,b\n", 0},
    {"utf8", "\xE8\xA1\xA8", 3, 1, SJIS_UTF8, "表", 0},
    {"bom", "\xEF\xBB\xBF\xE8\xA1\xA8", 6, 1, SJIS_UTF8_BOM, "表", 0},
    /* 表 = 0x95 0x5C, ソ = 0x83 0x5C, 能 = 0x94 0x5C, 予 = 0x97 0x5C */
    {"cp932 5c", "\x95\x5C,\x83\x5C,\x94\x5C,\x97\x5C", 11, 1, SJIS_CP932, "表,ソ,能,予", 0},
    {"cp932 kana", "\x83\x41\x83\x43", 4, 1, SJIS_CP932, "アイ", 0},
    /* NEC special ① and IBM extension 髙 exist only in CP932 */
    {"cp932 ext", "\x87\x40\xFB\xFC", 4, 1, SJIS_CP932, "①髙", 0},
    {"halfwidth", "\xB1", 1, 1, SJIS_CP932, "ｱ", 0},
    /* 0x81 then 0x0A: a lead byte with no trail; invalid UTF-8 at 2 */
    {"neither", "ab\x81\n", 4, 0, SJIS_UTF8, NULL, 2},
    {"bom then bad",
     "\xEF\xBB\xBF"
     "a\xFF",
     5, 0, SJIS_UTF8, NULL, 4},
    {"nul", "a\0b", 3, 0, SJIS_UTF8, NULL, 1},
    /* Excel's 「Unicode テキスト」: UTF-16 with its byte order mark */
    {"utf16le", "\xFF\xFE\x68\x88\x09\x00\x61\x00\x0D\x00\x0A\x00", 12, 1, SJIS_UTF16LE,
     "表\ta\r\n", 0},
    {"utf16be", "\xFE\xFF\x88\x68\x00\x09\x00\x61", 8, 1, SJIS_UTF16BE, "表\ta", 0},
    /* 😀 as a surrogate pair */
    {"utf16 pair", "\xFF\xFE\x3D\xD8\x00\xDE", 6, 1, SJIS_UTF16LE, "\xF0\x9F\x98\x80", 0},
    {"utf16 odd", "\xFF\xFE\x61\x00\x62", 5, 0, SJIS_UTF8, NULL, 4},
    {"utf16 lone surrogate", "\xFF\xFE\x61\x00\x3D\xD8\x62\x00", 8, 0, SJIS_UTF8, NULL, 4},
    {"utf16 nul", "\xFF\xFE\x61\x00\x00\x00", 6, 0, SJIS_UTF8, NULL, 4},
};

static void
test_decode(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(decode_cases) / sizeof(decode_cases[0]); i++) {
		struct sjis_text t;
		size_t bad = 999;
		int r = sjis_decode(decode_cases[i].raw, decode_cases[i].len, &t, &bad);

		if (decode_cases[i].ok) {
			if (r != 0)
				fail_msg("%s: not decoded (bad at %zu)", decode_cases[i].name, bad);
			assert_int_equal(t.enc, decode_cases[i].enc);
			assert_string_equal(t.buf, decode_cases[i].utf8);
			sjis_text_release(&t);
		} else {
			if (r != -1)
				fail_msg("%s: decoded, expected failure", decode_cases[i].name);
			assert_int_equal(bad, decode_cases[i].bad);
		}
	}
	assert_string_equal(sjis_name(SJIS_UTF8), "UTF-8");
	assert_string_equal(sjis_name(SJIS_UTF8_BOM), "UTF-8-BOM");
	assert_string_equal(sjis_name(SJIS_CP932), "CP932");
	assert_string_equal(sjis_name(SJIS_UTF16LE), "UTF-16LE");
	assert_string_equal(sjis_name(SJIS_UTF16BE), "UTF-16BE");
}

static void
test_utf8(void **state)
{
	size_t bad = 0;
	char *s;

	(void)state;
	assert_int_equal(utf8_validate("abc", 3, &bad), 0);
	assert_int_equal(utf8_validate("ab\xE8\xA1", 4, &bad), -1);
	assert_int_equal(bad, 2);
	/* NFC: カ + combining dakuten → ガ */
	s = utf8_nfc("\xE3\x82\xAB\xE3\x82\x99");
	assert_string_equal(s, "ガ");
	free(s);
	s = utf8_fold("  ＭＩＣ　");
	assert_string_equal(s, "mic");
	free(s);
	/* Invalid UTF-8 is refused before GLib sees it (it would read on). */
	assert_null(utf8_nfc("\xE2\x96"
	                     "0\xE4"));
	assert_null(utf8_nfkc("ab\xE8\xA1"));
	assert_null(utf8_fold("\xFF"));
	assert_int_equal(utf8_distance("1-1-9-ア", "1-1-1-ア"), 1);
	assert_int_equal(utf8_distance("総務", "総務省"), 1);
	s = utf8_truncate("あいうえお", 3);
	assert_string_equal(s, "あいう…");
	free(s);
}

/* utf8_put / utf8_next (GLib underneath, issue 13): every scalar value
 * round-trips; a byte that starts no sequence reads as U+FFFD and one byte;
 * the edit distance beyond 128 code points and to "" . */
static void
test_utf8_codepoints(void **state)
{
	struct strbuf sb = STRBUF_INIT, big = STRBUF_INIT;
	unsigned long cp;
	const char *p;
	char *s;

	(void)state;
	for (cp = 1; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		strbuf_reset(&sb);
		utf8_put(&sb, cp);
		p = sb.buf;
		assert_int_equal(utf8_next(&p), cp);
		assert_ptr_equal(p, sb.buf + sb.len);
	}
	p = "\xFF"
	    "a";
	assert_int_equal(utf8_next(&p), 0xFFFD);
	assert_int_equal(utf8_next(&p), 'a');
	for (cp = 0; cp < 300; cp++)
		strbuf_addstr(&big, "あ");
	s = utf8_truncate(big.buf, 299);
	assert_int_equal(g_utf8_strlen(s, -1), 300); /* 299 and the ellipsis */
	free(s);
	assert_int_equal(g_utf8_strlen(big.buf, -1), 300);
	assert_int_equal(utf8_distance(big.buf, ""), 300);
	assert_int_equal(utf8_distance("", big.buf), 300);
	assert_int_equal(utf8_distance(big.buf + 3, big.buf), 1);
	strbuf_release(&sb);
	strbuf_release(&big);
}

/* Parses `raw` as a CSV; returns the error count. */
static size_t
parse(struct csvfile *f, const char *raw, size_t len, struct diag *d)
{
	diag_init(d, NULL);
	csvread_buffer(f, "t.csv", raw, len, d);
	return d->errors;
}

static void
test_csv_cp932(void **state)
{
	/* "表,能\r\n" then a quoted 予 cell: the 0x5C trail bytes must
	 * neither escape nor end anything. */
	static const char raw[] = "\x95\x5C,\x94\x5C\r\n\"\x97\x5C\",x\r\n";
	struct csvfile f;
	struct diag d;

	(void)state;
	assert_int_equal(parse(&f, raw, sizeof(raw) - 1, &d), 0);
	assert_int_equal(f.enc, SJIS_CP932);
	assert_string_equal(f.eol, "CRLF");
	assert_int_equal(f.nrows, 2);
	assert_string_equal(f.rows[0].cells[0], "表");
	assert_string_equal(f.rows[0].cells[1], "能");
	assert_string_equal(f.rows[1].cells[0], "予");
	assert_int_equal(f.rows[1].line, 2);
	csvfile_release(&f);
	diag_release(&d);
}

static void
test_csv_lines(void **state)
{
	static const struct {
		const char *raw;
		const char *eol;
		long line3; /* line of the third row */
	} cases[] = {
	    {"a,b\n\"x\ny\",2\nc,d\n", "LF", 4},
	    {"a,b\r\n\"x\r\ny\",2\r\nc,d\r\n", "CRLF", 4},
	    {"a,b\r\"x\ry\",2\rc,d\r", "CR", 4},
	    {"a,b\n\n\"x\n\ny\",2\n\nc,d", "LF", 7},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct csvfile f;
		struct diag d;

		assert_int_equal(parse(&f, cases[i].raw, strlen(cases[i].raw), &d), 0);
		assert_string_equal(f.eol, cases[i].eol);
		assert_int_equal(f.nrows, 3);
		assert_int_equal(f.rows[0].line, 1);
		assert_int_equal(f.rows[1].line, i == 3 ? 3 : 2);
		assert_int_equal(f.rows[2].line, cases[i].line3);
		/* inner line breaks become "\n"; blank inner lines are kept */
		assert_string_equal(f.rows[1].cells[0], i == 3 ? "x\n\ny" : "x\ny");
		assert_string_equal(f.rows[2].cells[1], "d");
		csvfile_release(&f);
		diag_release(&d);
	}
}

static void
test_csv_cells(void **state)
{
	static const char raw[] = "h1,h2,h3,,\n"
	                          "  a  ,\"b, \"\"q\"\"\",\xE3\x80\x80"
	                          "c\xE3\x80\x80,,\n"
	                          ",,,,\n"
	                          "\n"
	                          "\"\xE3\x82\xAB\xE3\x82\x99\",x\n"
	                          ",,\n\n";
	struct csvfile f;
	struct diag d;

	(void)state;
	assert_int_equal(parse(&f, raw, sizeof(raw) - 1, &d), 0);
	assert_int_equal(f.nrows, 3);
	assert_int_equal(f.rows[0].ncells, 3); /* empty trailing cells dropped */
	assert_string_equal(f.rows[1].cells[0], "a");
	assert_string_equal(f.rows[1].cells[1], "b, \"q\"");
	assert_string_equal(f.rows[1].cells[2], "c");  /* U+3000 trimmed */
	assert_string_equal(f.rows[2].cells[0], "ガ"); /* NFC */
	assert_int_equal(f.rows[2].line, 5);
	csvfile_release(&f);
	diag_release(&d);
}

static const struct {
	const char *name;
	const char *raw;
	size_t len;
	long line;
	const char *message;
} csv_errors[] = {
    {"nul", "a,b\nc\0d\n", 8, 2,
     "NUL byte at byte offset 5: not a CSV text file (UTF-16 or binary?)"},
    {"neither", "a,b\nc,d\n\x81\n", 10, 3,
     "byte 0x81 at byte offset 8 is valid in neither UTF-8 nor CP932 (Shift_JIS)"},
    {"unterminated", "a,b\n\"c,d\ne,f\n", 13, 2,
     "unterminated quoted cell: the quote opened in the row starting here is never closed"},
    {"malformed", "a,b\n\"c\"x,d\ne,f\n", 15, 2,
     "malformed quotes: a quote inside a quoted cell must be doubled (\"\"), "
     "and a quoted cell must end at a comma or line end"},
};

static void
test_csv_errors(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(csv_errors) / sizeof(csv_errors[0]); i++) {
		struct csvfile f;
		struct diag d;

		if (parse(&f, csv_errors[i].raw, csv_errors[i].len, &d) != 1)
			fail_msg("%s: %zu errors, expected 1", csv_errors[i].name, d.errors);
		assert_int_equal(d.v[0].line, csv_errors[i].line);
		assert_string_equal(d.v[0].message, csv_errors[i].message);
		csvfile_release(&f);
		diag_release(&d);
	}
}

static void
test_csv_recovers(void **state)
{
	/* after a malformed row, the next rows are still read */
	static const char raw[] = "a,b\n\"c\"x,d\ne,f\n";
	struct csvfile f;
	struct diag d;

	(void)state;
	parse(&f, raw, sizeof(raw) - 1, &d);
	assert_int_equal(f.nrows, 2);
	assert_string_equal(f.rows[1].cells[0], "e");
	assert_int_equal(f.rows[1].line, 3);
	assert_non_null(d.v[0].row);
	csvfile_release(&f);
	diag_release(&d);
}

static void
test_csv_huge_cell(void **state)
{
	size_t n = CSVREAD_MAX_CELL + 10, i;
	char *raw = xmalloc(n + 20);
	struct csvfile f;
	struct diag d;

	(void)state;
	memcpy(raw, "h\n", 2);
	for (i = 0; i < n; i++)
		raw[2 + i] = 'x';
	memcpy(raw + 2 + n, "\nok\n", 4);
	assert_int_equal(parse(&f, raw, n + 6, &d), 1);
	assert_int_equal(d.v[0].line, 2);
	assert_string_equal(d.v[0].message,
	                    "cell 1 is 8388618 bytes long, more than the limit of 8388608 bytes");
	assert_int_equal(f.nrows, 3);
	assert_int_equal(f.rows[1].bad, 1);
	assert_string_equal(f.rows[2].cells[0], "ok");
	csvfile_release(&f);
	diag_release(&d);
	free(raw);
}

/* Issue 12 "Linear": a cell of 2,000,000 Japanese characters (6 MB of
 * UTF-8) is read whole, with no error (the limit was 1 MiB). */
static void
test_csv_long_japanese_cell(void **state)
{
	size_t n = 2000000, i, len = 2 + 3 * n + 4;
	char *raw = xmalloc(len);
	struct csvfile f;
	struct diag d;

	(void)state;
	memcpy(raw, "h\n", 2);
	for (i = 0; i < n; i++)
		memcpy(raw + 2 + 3 * i, i + 1 == n ? "\xe7\xb5\x82" /* 終 */ : "\xe3\x81\x82", 3);
	memcpy(raw + 2 + 3 * n, "\nok\n", 4);
	assert_int_equal(parse(&f, raw, len, &d), 0);
	assert_int_equal(f.nrows, 3);
	assert_int_equal(f.rows[1].bad, 0);
	assert_int_equal(strlen(f.rows[1].cells[0]), 3 * n);
	assert_int_equal(g_utf8_strlen(f.rows[1].cells[0], -1), (glong)n);
	assert_string_equal(f.rows[1].cells[0] + 3 * (n - 1), "\xe7\xb5\x82");
	assert_string_equal(f.rows[2].cells[0], "ok");
	csvfile_release(&f);
	diag_release(&d);
	free(raw);
}

/* UTF-8 `s` as UTF-16 (LE or BE) with its byte order mark; *len its bytes. */
static char *
utf16(const char *s, int be, size_t *len)
{
	size_t n = strlen(s), i;
	gsize w = 0;
	char *u = g_convert(s, (gssize)n, be ? "UTF-16BE" : "UTF-16LE", "UTF-8", NULL, &w, NULL);
	char *out = malloc(w + 2);

	assert_non_null(u);
	assert_non_null(out);
	if (u == NULL || out == NULL) { /* (the assertions above have failed the test) */
		g_free(u);
		free(out);
		return NULL;
	}
	out[0] = be ? '\xFE' : '\xFF';
	out[1] = be ? '\xFF' : '\xFE';
	for (i = 0; i < w; i++)
		out[2 + i] = u[i];
	g_free(u);
	*len = w + 2;
	return out;
}

/*
 * Issue 12: Excel's 「Unicode テキスト」 (UTF-16LE with BOM, tab-separated,
 * CRLF) reads as the same rows and text as the CSV of the same sheet; so
 * does the big-endian form.
 */
static void
test_csv_unicode_text(void **state)
{
	static const char csv[] = "施策番号,府省庁,実績\r\n"
	                          "1-1-1-ア,総務省,\"一行目\r\n二行目, \"\"引用\"\"\"\r\n"
	                          "1-1-2-イ,経済産業省,a\tb\r\n";
	static const char tsv[] = "施策番号\t府省庁\t実績\r\n"
	                          "1-1-1-ア\t総務省\t\"一行目\r\n二行目, \"\"引用\"\"\"\r\n"
	                          "1-1-2-イ\t経済産業省\t\"a\tb\"\r\n";
	struct csvfile a, b;
	struct diag da, db;
	size_t len = 0, i, j;
	int be;

	(void)state;
	assert_int_equal(parse(&a, csv, sizeof(csv) - 1, &da), 0);
	for (be = 0; be < 2; be++) {
		char *raw = utf16(tsv, be, &len);

		assert_int_equal(parse(&b, raw, len, &db), 0);
		assert_int_equal(b.enc, be ? SJIS_UTF16BE : SJIS_UTF16LE);
		assert_string_equal(b.eol, "CRLF");
		assert_int_equal(b.nrows, a.nrows);
		for (i = 0; i < a.nrows; i++) {
			assert_int_equal(b.rows[i].line, a.rows[i].line);
			assert_int_equal(b.rows[i].ncells, a.rows[i].ncells);
			for (j = 0; j < a.rows[i].ncells; j++)
				assert_string_equal(b.rows[i].cells[j], a.rows[i].cells[j]);
		}
		assert_string_equal(b.rows[1].cells[2], "一行目\n二行目, \"引用\"");
		assert_string_equal(b.rows[2].cells[2], "a\tb");
		csvfile_release(&b);
		diag_release(&db);
		free(raw);
	}
	csvfile_release(&a);
	diag_release(&da);
}

/* A UTF-16 file cut in the middle of a character names the offset. */
static void
test_csv_utf16_broken(void **state)
{
	static const char raw[] = "\xFF\xFEh\x00\n\x00x";
	struct csvfile f;
	struct diag d;

	(void)state;
	assert_int_equal(parse(&f, raw, sizeof(raw) - 1, &d), 1);
	assert_string_equal(
	    d.v[0].message,
	    "byte offset 6 is not valid UTF-16 (the file starts with a UTF-16 byte "
	    "order mark): save it again from Excel as \"Unicode text\" or \"CSV UTF-8\"");
	assert_int_equal(d.v[0].line, 2);
	csvfile_release(&f);
	diag_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_decode),           cmocka_unit_test(test_utf8),
	    cmocka_unit_test(test_utf8_codepoints),  cmocka_unit_test(test_csv_cp932),
	    cmocka_unit_test(test_csv_lines),        cmocka_unit_test(test_csv_cells),
	    cmocka_unit_test(test_csv_errors),       cmocka_unit_test(test_csv_recovers),
	    cmocka_unit_test(test_csv_huge_cell),    cmocka_unit_test(test_csv_long_japanese_cell),
	    cmocka_unit_test(test_csv_unicode_text), cmocka_unit_test(test_csv_utf16_broken),
	};

	return cmocka_run_group_tests_name("encoding", tests, NULL, NULL);
}
