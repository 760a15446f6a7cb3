/*
 * strbuf (issue 13): appending never fails and never truncates; trim and
 * detach keep their contracts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "strbuf.h"

/* 3 MiB through every way of appending, from an empty and a hinted buffer. */
static void
test_grows(void **state)
{
	struct strbuf a = STRBUF_INIT, b;
	size_t i, n = 3u << 20;
	char *s;

	(void)state;
	strbuf_init(&b, 16);
	for (i = 0; i < n / 4; i++) {
		strbuf_addch(&a, 'x');
		strbuf_addstr(&a, "yz");
		strbuf_add(&a, "w", 1);
		strbuf_addf(&b, "%04zu", i % 10000);
	}
	assert_int_equal(a.len, n);
	assert_int_equal(strlen(a.buf), n);
	assert_memory_equal(a.buf + n - 4, "xyzw", 5);
	assert_int_equal(b.len, n);
	assert_string_equal(b.buf + n - 4, "6431"); /* (n/4 - 1) % 10000 */
	strbuf_reset(&b);
	s = malloc(n + 1);
	assert_non_null(s);
	memset(s, 'q', n);
	s[n] = '\0';
	strbuf_addf(&b, "<%s>", s);
	assert_int_equal(b.len, n + 2);
	assert_int_equal(b.buf[n + 1], '>');
	free(s);
	s = strbuf_detach(&a);
	assert_int_equal(strlen(s), n);
	assert_null(a.buf);
	assert_int_equal(a.len, 0);
	free(s);
	strbuf_release(&b);
}

static void
test_trim_detach(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;

	(void)state;
	s = strbuf_detach(&sb); /* never appended to: "" */
	assert_string_equal(s, "");
	free(s);
	strbuf_addstr(&sb, "\xe3\x80\x80 \t総務省\xe3\x80\x80\n");
	strbuf_trim(&sb);
	assert_string_equal(sb.buf, "総務省");
	assert_int_equal(sb.len, strlen("総務省"));
	strbuf_release(&sb);
	strbuf_release(&sb); /* twice is fine */
	assert_int_equal(sb.len, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_grows),
	    cmocka_unit_test(test_trim_detach),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
