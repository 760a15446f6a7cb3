/*
 * atomicfile_remove_dir (issue 13: one folder remover for chase and
 * publish): a folder with files and a folder of files goes; a symlink at
 * the path is removed without touching what it points to; an absent path
 * is fine.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "atomicfile.h"

static void
touch(const char *dir, const char *name)
{
	char p[512];
	FILE *fp;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	fp = fopen(p, "w");
	assert_non_null(fp);
	fputs("x", fp);
	fclose(fp);
}

static void
test_remove_dir(void **state)
{
	char base[] = "/tmp/test_atomicfile.XXXXXX", d[600], sub[700], keep[600], link[600],
	     kept[700];
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(base));
	snprintf(d, sizeof(d), "%s/stage", base);
	snprintf(sub, sizeof(sub), "%s/feedback", d);
	snprintf(keep, sizeof(keep), "%s/keep", base);
	snprintf(link, sizeof(link), "%s/link", base);
	assert_int_equal(mkdir(d, 0755), 0);
	assert_int_equal(mkdir(sub, 0755), 0);
	assert_int_equal(mkdir(keep, 0755), 0);
	touch(d, "a.pdf");
	touch(sub, "b.xlsx");
	touch(keep, "c.txt");
	assert_int_equal(symlink(keep, link), 0);

	assert_int_equal(atomicfile_remove_dir(d), 0);
	assert_int_not_equal(lstat(d, &st), 0);
	assert_int_equal(atomicfile_remove_dir(link), 0);
	assert_int_not_equal(lstat(link, &st), 0);
	snprintf(kept, sizeof(kept), "%s/c.txt", keep);
	assert_int_equal(stat(kept, &st), 0);             /* not followed */
	assert_int_equal(atomicfile_remove_dir(link), 0); /* absent */
	assert_int_equal(atomicfile_remove_dir(keep), 0);
	assert_int_equal(rmdir(base), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_remove_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
