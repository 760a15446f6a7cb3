/*
 * libFuzzer harness: arbitrary bytes as one submission CSV, through the
 * whole ingest library (decode, parse, header, rows, cross-checks, XML),
 * against tests/ingest/fixtures.  Built and run by tests/ingest/fuzz/run.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "ingest/csvread.h"
#include "ingest/emit.h"
#include "ingest/ingest.h"
#include "ingest/refs.h"
#include "ingest/rows.h"

static struct refs refs;
static int loaded;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct csvfile f;
	struct emit_file ef;
	struct rows rs;
	size_t n;
	xmlDocPtr doc;

	if (!loaded) {
		const char *fx = getenv("INGEST_FIXTURES");
		char reg[512], plan[512], matrix[512];

		if (fx == NULL)
			fx = "tests/ingest/fixtures";
		snprintf(reg, sizeof(reg), "%s/ministries.xml", fx);
		snprintf(plan, sizeof(plan), "%s/plan.xml", fx);
		snprintf(matrix, sizeof(matrix), "%s/matrix.xml", fx);
		diag_init(&d, stderr);
		if (refs_load(&refs, 2014, reg, plan, matrix, &d) < 0)
			abort();
		diag_release(&d);
		loaded = 1;
	}
	diag_init(&d, NULL);
	rows_init(&rs);
	csvread_buffer(&f, "fuzz.csv", (const char *)data, size, &d);
	n = ingest_file(&f, &ef, &rs, &refs, &d);
	rows_crosscheck(&rs, &d);
	doc = emit_doc(2014, &ef, 1, n, &rs, &d);
	xmlFreeDoc(doc);
	rows_release(&rs);
	csvfile_release(&f);
	diag_release(&d);
	return 0;
}
