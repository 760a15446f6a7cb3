#include "ingest.h"

#include <stdlib.h>

#include "header.h"
#include "strbuf.h"

size_t
ingest_file(const struct csvfile *f, struct emit_file *ef, struct rows *rs, const struct refs *refs,
            struct diag *d)
{
	struct header h;
	size_t i, ndata;

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
	ndata = f->nrows - 1 + f->broken;
	ef->rows = ndata;
	if (header_read(&h, &f->rows[0], f->path, d) < 0) {
		struct strbuf sb = STRBUF_INIT;

		ef->kind = h.kind;
		header_release(&h);
		for (i = 1; i < f->nrows; i++) {
			char *q = csvrow_quote(&f->rows[i]);

			strbuf_addf(&sb, "%s%ld: %s", i > 1 ? "\n" : "", f->rows[i].line, q);
			free(q);
		}
		if (f->nrows > 1)
			diag_add(d, DIAG_WARNING, f->path, f->rows[1].line, NULL, sb.buf,
			         "%zu data row(s) not read because of the header error at line %ld",
			         f->nrows - 1, f->rows[0].line);
		strbuf_release(&sb);
		return ndata;
	}
	ef->kind = h.kind;
	if (f->nrows == 1 && f->errors == 0)
		diag_warning(d, f->path, h.line, "header only: the file has no data rows");
	rows_read(rs, f, 1, &h, refs, d);
	header_release(&h);
	return ndata;
}
