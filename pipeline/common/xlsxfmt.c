/* xlsxfmt: the workbook writers' shared setup (xlsxfmt.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomicfile.h"
#include "xlsxfmt.h"

lxw_format *
xlsxfmt_new(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, "游ゴシック");
	format_set_font_size(f, 11);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

double
xlsxfmt_row_height(const char *text, double width, double line)
{
	double units = 0;
	long lines = 1;
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p; p++) {
		if (*p == '\n') {
			lines++;
			units = 0;
			continue;
		}
		if ((*p & 0xC0) == 0x80)
			continue; /* a continuation byte */
		units += *p < 0x80 ? 1.1 : 2.0;
		if (units > width - 1) {
			lines++;
			units = *p < 0x80 ? 1.1 : 2.0;
		}
	}
	return 4 + line * (double)lines;
}

void
xlsxfmt_landscape(lxw_worksheet *ws, lxw_row_t head)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, head, head);
}

int
xlsxfmt_close(lxw_workbook *wb, char *tmp, const char *path, struct diag *d)
{
	lxw_error err = workbook_close(wb);

	if (err != LXW_NO_ERROR) {
		remove(tmp);
		free(tmp);
		return diag_error(d, path, 0, "cannot write the workbook: %s", lxw_strerror(err));
	}
	if (atomicfile_rename(tmp, path) < 0) {
		int e = errno;

		free(tmp);
		return diag_error(d, path, 0, "cannot write: %s", strerror(e));
	}
	free(tmp);
	return 0;
}
