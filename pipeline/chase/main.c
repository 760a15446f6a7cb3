/*
 * chase: `make report` / `make draft` — the chase list (issue 16; chase.h).
 *
 *   chase --feedback DIR -o STATUS.xlsx CHASE.xml
 *
 * Writes STATUS.xlsx (sheet 集計 and one sheet per ministry with anything
 * listed) and the folder DIR with one DIR/<code>-<name>.xlsx per ministry
 * that has something to fix; DIR is made anew (in DIR.tmp, then renamed),
 * so a ministry with nothing left to fix has no file there.  The date
 * printed is today's, or that of SOURCE_DATE_EPOCH when it is set (the
 * same inputs then give the same text).  The last stderr line is
 *   chase: N ministries, M to fix
 * Exit: 0 written, 1 the input is not a chase list, 2 usage, 3 a file
 * could not be written.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "atomicfile.h"
#include "opts.h"
#include "chase.h"
#include "diag.h"
#include "strbuf.h"

static const char usage_text[] =
    "usage: chase --feedback DIR -o STATUS.xlsx CHASE.xml\n"
    "Writes the status workbook (集計 and one sheet per ministry) and, in DIR,\n"
    "one feedback workbook per ministry with something to fix.\n"
    "Exit 0 written, 1 input errors, 2 usage, 3 a file could not be written.\n";

/* 令和8年12月4日, the day of `t`. */
static void
today(time_t t, char *buf, size_t n)
{
	struct tm tm;
	char e[32];

	gmtime_r(&t, &tm);
	/* 令和 from 1 May 2019 */
	chase_era(tm.tm_year + 1900L,
	          tm.tm_year + 1900 > 2019 || (tm.tm_year == 119 && tm.tm_mon >= 4), e, sizeof(e));
	snprintf(buf, n, "%s年%d月%d日", e, tm.tm_mon + 1, tm.tm_mday);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {{"feedback", required_argument, NULL, 'f'},
	                                     {"output", required_argument, NULL, 'o'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {NULL, 0, NULL, 0}};
	const char *out = NULL, *fdir = NULL, *in = NULL;
	struct chase_set s;
	struct diag d;
	struct strbuf tmp = STRBUF_INIT;
	char date[64];
	size_t i, nfix = 0;
	int c, ret = 0;
	const struct opt_to to[] = {{'o', &out}, {'f', &fdir}, {0, NULL}};

	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		default:
			if (opt_store(to, c, optarg))
				break;
			fputs(usage_text, stderr);
			return 2;
		}
	}
	if (optind == argc - 1)
		in = argv[optind];
	if (!out || !fdir || !in) {
		fputs(usage_text, stderr);
		return 2;
	}
	LIBXML_TEST_VERSION
	diag_init(&d, stderr);
	if (chase_load(&s, in, &d) < 0) {
		ret = 1;
		goto done;
	}
	if (getenv("SOURCE_DATE_EPOCH") && *getenv("SOURCE_DATE_EPOCH"))
		s.when = (time_t)strtoll(getenv("SOURCE_DATE_EPOCH"), NULL, 10);
	today(s.when ? s.when : time(NULL), date, sizeof(date));
	if (chase_write_status(&s, date, out, &d) < 0) {
		ret = 3;
		goto done;
	}
	strbuf_addf(&tmp, "%s.tmp", fdir);
	if (atomicfile_remove_dir(tmp.buf) < 0 || mkdir(tmp.buf, 0777) < 0) {
		diag_error(&d, tmp.buf, 0, "cannot make the folder: %s", strerror(errno));
		ret = 3;
		goto done;
	}
	for (i = 0; i < s.nministries && ret == 0; i++) {
		char *base, *p;
		struct strbuf sb = STRBUF_INIT;

		if (!chase_to_fix(&s.ministries[i]))
			continue;
		nfix++;
		base = chase_file_base(&s.ministries[i]);
		strbuf_addf(&sb, "%s/%s.xlsx", tmp.buf, base);
		p = strbuf_detach(&sb);
		if (chase_write_feedback(&s, &s.ministries[i], date, p, &d) < 0)
			ret = 3;
		free(p);
		free(base);
	}
	if (ret == 0 && (atomicfile_remove_dir(fdir) < 0 || rename(tmp.buf, fdir) < 0)) {
		diag_error(&d, fdir, 0, "cannot replace the folder: %s", strerror(errno));
		ret = 3;
	}
	if (ret != 0)
		(void)atomicfile_remove_dir(tmp.buf);
done:
	fprintf(stderr, "chase: %zu ministries, %zu to fix\n", s.nministries, nfix);
	strbuf_release(&tmp);
	chase_release(&s);
	diag_release(&d);
	xmlCleanupParser();
	return ret;
}
