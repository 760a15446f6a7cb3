/* orth_text(), orth_heading(): widths decided once (issue 15). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "orth.h"

static const struct {
	const char *in, *out;
} text_cases[] = {
    /* full-width Latin letters and digits become ASCII */
    {"ＤＩＩの整備", "DIIの整備"},
    {"平成26年５月19日", "平成26年5月19日"},
    {"２０１４年度", "2014年度"},
    {"ｅ－ネット", "e－ネット"},
    /* a label's number keeps the seeds' form */
    {"政策領域（表１）を対象", "政策領域（表１）を対象"},
    {"別添２のとおり", "別添２のとおり"},
    {"図３及び別紙４", "図３及び別紙４"},
    /* half-width brackets next to or around Japanese */
    {"緊急支援チーム(CYMAT)要員", "緊急支援チーム（CYMAT）要員"},
    {"CommonCriteria(ISO/IEC15408)認証", "CommonCriteria（ISO/IEC15408）認証"},
    {"外部の脅威(標的型攻撃等)から", "外部の脅威（標的型攻撃等）から"},
    {"(仮称)の設置", "（仮称）の設置"},
    {"(1) 評価指標に基づくデータ", "（1） 評価指標に基づくデータ"},
    {"f(x) = y", "f(x) = y"},
    {"(a) (b)", "(a) (b)"},
    /* quotes around Japanese */
    {"省内では\"重点施策\"として", "省内では「重点施策」として"},
    {"“情報セキュリティ”の日", "「情報セキュリティ」の日"},
    {"say \"hello\" twice", "say \"hello\" twice"},
    {"=HYPERLINK(\"http://x.example/\",\"見直し\")",
     "=HYPERLINK(\"http://x.example/\",\"見直し\")"},
    {"Japan (日本) x", "Japan （日本） x"},
    /* URLs as written */
    {"詳細はhttps://example.jp/a(b)を参照", "詳細はhttps://example.jp/a(b)を参照"},
    {"ＵＲＬ：https://example.jp/Ｘ", "URL：https://example.jp/X"},
    {"（https://www.nisc.go.jp/）", "（https://www.nisc.go.jp/）"},
    /* nothing to do */
    {"", ""},
    {"サイバーセキュリティ2013", "サイバーセキュリティ2013"},
    /* a heading number only in headings */
    {"１ 評価等の対象", "1 評価等の対象"},
};

static const struct {
	const char *in, *out;
} heading_cases[] = {
    {"１ 評価等の対象", "１　評価等の対象"},
    {"1 評価等の対象", "１　評価等の対象"},
    {"２　評価等の視点", "２　評価等の視点"},
    {"12 その他", "１２　その他"},
    {"2014年度の取組", "2014年度の取組"},
    {"表１ サイバーセキュリティ政策領域", "表１　サイバーセキュリティ政策領域"},
    {"別添２ 担当府省一覧", "別添２　担当府省一覧"},
    {"ＮＩＳＣの機能強化", "NISCの機能強化"},
    {"３次行動計画", "3次行動計画"},
};

static void
test_text(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(text_cases) / sizeof(text_cases[0]); i++) {
		char *o = orth_text(text_cases[i].in);

		assert_string_equal(o, text_cases[i].out);
		free(o);
	}
}

static void
test_heading(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(heading_cases) / sizeof(heading_cases[0]); i++) {
		char *o = orth_heading(heading_cases[i].in);

		assert_string_equal(o, heading_cases[i].out);
		free(o);
	}
}

/* Once is enough: the output passes through unchanged. */
static void
test_idempotent(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(text_cases) / sizeof(text_cases[0]); i++) {
		char *a = orth_text(text_cases[i].in), *b = orth_text(a);

		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text),
	    cmocka_unit_test(test_heading),
	    cmocka_unit_test(test_idempotent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
