/*
 * libFuzzer harness: the ingest stage on buffers (issue 6).  The input is
 * one or more CSV files separated by "\f\f" (so duplicates and conflicts
 * across files are reached), each read with csvread_buffer() and checked
 * by ingest_file() against tests/ingest/fixtures, then cross-checked and
 * emitted as XML, as ingest's main() does (and the XML parsed back).  Invariants: every data row
 * read is either a record or quoted in a diagnostic (never silently
 * dropped), and the diag's counters match its entries.
 *
 * Run from the repository root (make fuzz does).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "diag.h"
#include "ingest/csvread.h"
#include "ingest/emit.h"
#include "ingest/ingest.h"
#include "ingest/refs.h"
#include "ingest/rows.h"

#define MAXFILES 4

static struct refs refs;
static int loaded;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
load_refs(void)
{
	struct diag d;
	const char *fx = getenv("FUZZ_FIXTURES");
	char reg[512], plan[512], matrix[512];

	if (fx == NULL)
		fx = "tests/ingest/fixtures";
	snprintf(reg, sizeof(reg), "%s/ministries.xml", fx);
	snprintf(plan, sizeof(plan), "%s/plan.xml", fx);
	snprintf(matrix, sizeof(matrix), "%s/matrix.xml", fx);
	diag_init(&d, stderr);
	if (refs_load(&refs, 2014, reg, plan, matrix, &d) < 0) {
		fprintf(stderr, "fuzz_ingest: cannot load %s (run from the repository root)\n", fx);
		abort();
	}
	diag_release(&d);
	loaded = 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csvfile f[MAXFILES];
	struct emit_file ef[MAXFILES];
	static const char *names[MAXFILES] = {"a.csv", "b.csv", "c.csv", "d.csv"};
	struct diag d;
	struct rows rs;
	const char *p = (const char *)data, *end = p + size;
	size_t nf = 0, nrows = 0, i, errors = 0, warnings = 0;
	struct emit_input in;
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp;
	xmlDocPtr doc;

	if (!loaded)
		load_refs();
	diag_init(&d, NULL);
	rows_init(&rs);
	memset(f, 0, sizeof(f));
	memset(ef, 0, sizeof(ef));
	while (nf < MAXFILES) {
		const char *sep = NULL, *q;
		size_t len;

		for (q = p; q + 1 < end; q++)
			if (q[0] == '\f' && q[1] == '\f') {
				sep = q;
				break;
			}
		len = (size_t)((sep && nf + 1 < MAXFILES ? sep : end) - p);
		csvread_buffer(&f[nf], names[nf], p, len, &d);
		nrows += ingest_file(&f[nf], &ef[nf], &rs, &refs, &d);
		nf++;
		if (sep == NULL || nf == MAXFILES)
			break;
		p = sep + 2;
	}
	rows_crosscheck(&rs, &d);
	in = (struct emit_input){2014, ef, nf, nrows, &rs, &refs, &d, NULL, NULL};
	fp = open_memstream(&out, &outlen);
	if (fp == NULL || emit_write(fp, &in) < 0)
		abort();
	fclose(fp);
	/* the streamed output is well-formed XML */
	doc = xmlReadMemory(out, (int)outlen, "out.xml", NULL, XML_PARSE_NONET);
	if (doc == NULL)
		abort();
	free(out);
	/* every record is kept or rejected-with-a-quote */
	for (i = 0; i < rs.n; i++)
		if (rs.v[i].rejected && rs.v[i].quote == NULL)
			abort();
	for (i = 0; i < d.n; i++) {
		if (d.v[i].severity == DIAG_ERROR)
			errors++;
		else
			warnings++;
	}
	if (errors != d.errors || warnings != d.warnings)
		abort();
	xmlFreeDoc(doc);
	rows_release(&rs);
	for (i = 0; i < nf; i++)
		csvfile_release(&f[i]);
	diag_release(&d);
	return 0;
}
