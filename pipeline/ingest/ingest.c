#include "ingest.h"

#include <stdio.h>
#include <stdlib.h>

#include "header.h"
#include "strbuf.h"

size_t
ingest_file(const struct csvfile *f, struct emit_file *ef, struct rows *rs, const struct refs *refs,
            struct diag *d)
{
	struct header h;
	size_t i, ndata, first;
	long found, dl;
	char *at;

	ef->f = f;
	ef->kind = KIND_UNKNOWN;
	ef->rows = 0;
	if (!f->readable)
		return 0;
	if (f->nrows == 0) {
		if (f->broken == 0)
			diag_error(d, f->path, 0, "empty file: no header row");
		ef->rows = f->broken;
		return f->broken;
	}
	/* Title rows, notes and blank rows above the header are passed over
	 * (issue 16 "Forgiving headers"), with a note naming them. */
	found = header_find(f);
	first = found > 0 ? (size_t)found : 0;
	if (first > 0 && d->out) {
		char *q = csvrow_quote(&f->rows[0]);

		at = csvfile_where(f, f->rows[0].line, -1, &dl);
		if (dl > 0)
			fprintf(d->out, "%s:%ld: ", at, dl);
		else
			fprintf(d->out, "%s: ", at);
		fprintf(d->out,
		        "note: %zu row(s) above the header (%s %ld) are not data and are "
		        "skipped: '%s'%s\n",
		        first, f->sheet ? "row" : "line", f->rows[first].line, q,
		        first > 1 ? ", …" : "");
		free(q);
		free(at);
	}
	ndata = f->nrows - 1 - first + f->broken;
	ef->rows = ndata;
	if (header_read_file(&h, f, first, d) < 0) {
		struct strbuf sb = STRBUF_INIT;

		ef->kind = h.kind;
		header_release(&h);
		for (i = first + 1; i < f->nrows; i++) {
			char *q = csvrow_quote(&f->rows[i]);

			strbuf_addf(&sb, "%s%ld: %s", i > first + 1 ? "\n" : "", f->rows[i].line,
			            q);
			free(q);
		}
		if (f->nrows > first + 1) {
			at = csvfile_where(f, f->rows[first + 1].line, -1, &dl);
			diag_add(d, DIAG_WARNING, at, dl, NULL, sb.buf,
			         "%zu data row(s) not read because of the header error at line %ld",
			         f->nrows - 1 - first, f->rows[first].line);
			free(at);
		}
		strbuf_release(&sb);
		return ndata;
	}
	ef->kind = h.kind;
	if (f->nrows == first + 1 && f->errors == 0) {
		at = csvfile_where(f, h.line, -1, &dl);
		diag_warning(d, at, dl, "header only: the file has no data rows");
		free(at);
	}
	rows_read(rs, f, first + 1, &h, refs, d);
	header_release(&h);
	return ndata;
}
