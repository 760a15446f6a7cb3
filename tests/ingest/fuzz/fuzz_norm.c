/*
 * libFuzzer harness for the pure normalizers: ids_normalize(),
 * numbers_value(), numbers_year(), utf8_fold() on arbitrary bytes made
 * valid UTF-8 (their contract), checking the documented invariants.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ids.h"
#include "numbers.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *id, *again, *canon = NULL;
	size_t bad;
	int pct, year;

	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	if (utf8_validate(s, size, &bad) < 0)
		s[bad] = '\0'; /* keep the valid prefix */
	id = ids_normalize(s);
	if (id) {
		/* a canonical id is a fixed point */
		again = ids_normalize(id);
		if (again == NULL || strcmp(again, id) != 0)
			abort();
		free(again);
	}
	free(id);
	if (numbers_value(s, &canon, &pct) == 0) {
		char *c2 = NULL;
		int p2;

		if (numbers_value(canon, &c2, &p2) != 0 || strcmp(c2, canon) != 0)
			abort();
		free(c2);
		free(canon);
	}
	if (numbers_year(s, &year) == 0 && (year < 1900 || year > 2100))
		abort();
	free(utf8_fold(s));
	free(s);
	return 0;
}
