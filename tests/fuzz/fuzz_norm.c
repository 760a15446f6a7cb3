/*
 * libFuzzer harness: the pure normalizers of pipeline/common (ids.h,
 * numbers.h) on arbitrary bytes (invalid UTF-8 gives no id and no number),
 * then on their valid UTF-8 prefix (ingest only passes decoded, validated
 * cells) with their documented invariants:
 *  - ids_normalize(): a canonical id is a fixed point and contains only
 *    digits, '-', 'G' and katakana (no separators left);
 *  - numbers_value(): the canonical form re-parses to itself and compares
 *    equal with numbers_cmp();
 *  - numbers_year(): 1900..2100 when it succeeds;
 *  - utf8_fold(): no crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ids.h"
#include "numbers.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Invalid UTF-8 is no id and no number (and no crash). */
static void
assert_null_on_invalid(const char *s)
{
	char *canon = NULL;
	int pct = 0;

	if (utf8_validate(s, strlen(s), NULL) == 0)
		return;
	if (ids_normalize(s) != NULL || numbers_value(s, &canon, &pct) == 0)
		abort();
}

static void
check_id(const char *s)
{
	char *id = ids_normalize(s), *again;
	const char *c;

	if (id == NULL)
		return;
	if (*id == '\0' || id[0] == '-' || id[strlen(id) - 1] == '-' || strstr(id, "--"))
		abort();
	for (c = id; *c; c++)
		if (*c == ' ' || *c == '.' || *c == '(' || *c == ')')
			abort();
	again = ids_normalize(id);
	if (again == NULL || strcmp(again, id) != 0)
		abort();
	free(again);
	free(id);
}

static void
check_number(const char *s)
{
	char *canon = NULL, *c2 = NULL;
	int pct = 0, p2 = 0, year;

	if (numbers_value(s, &canon, &pct) == 0) {
		if (canon == NULL || numbers_value(canon, &c2, &p2) != 0 || strcmp(c2, canon) != 0)
			abort();
		if (numbers_cmp(canon, c2) != 0)
			abort();
		free(c2);
		free(canon);
	}
	if (numbers_year(s, &year) == 0 && (year < 1900 || year > 2100))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	size_t bad;

	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	/*
	 * Invalid bytes too: ids_normalize() once crashed inside
	 * g_utf8_normalize() on them (tests/hostile/fuzz/norm/invalid-utf8.bin);
	 * utf8_nfc() now refuses them.  The checks below then run on the
	 * valid prefix.
	 */
	assert_null_on_invalid(s);
	if (utf8_validate(s, strlen(s), &bad) < 0)
		s[bad] = '\0';
	check_id(s);
	check_number(s);
	free(utf8_fold(s)); /* from tests/ingest/fuzz (merged here) */
	free(s);
	return 0;
}
