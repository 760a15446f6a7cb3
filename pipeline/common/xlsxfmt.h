/*
 * xlsxfmt: what the two workbook writers (templates, chase) share on top of
 * libxlsxwriter: the base cell format, row heights for wrapped text, the
 * landscape A4 page and closing a workbook written to a temporary name.
 */
#ifndef XLSXFMT_H
#define XLSXFMT_H
#include <xlsxwriter.h>

#include "diag.h"

/* A new format of WB: 游ゴシック 11 pt, top-aligned.  WB owns it. */
lxw_format *xlsxfmt_new(lxw_workbook *wb);
/* The height in points that shows TEXT whole in a wrapped column WIDTH
 * characters wide, LINE points a line.  Neither Excel nor LibreOffice
 * sizes the rows of a generated file on opening, so the writers size them:
 * a full-width character takes two units of width, an ASCII one 1.1. */
double xlsxfmt_row_height(const char *text, double width, double line);
/* Landscape A4, one page wide, row HEAD repeated on every page. */
void xlsxfmt_landscape(lxw_worksheet *ws, lxw_row_t head);
/* Closes WB (written to TMP) and renames TMP onto PATH; frees TMP.
 * 0, or -1 with an error on D (TMP removed, PATH as it was). */
int xlsxfmt_close(lxw_workbook *wb, char *tmp, const char *path, struct diag *d);
#endif
