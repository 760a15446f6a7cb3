/*
 * csvread: one submission CSV file → rows of cells that keep their line
 * (inputs.md "Encoding and syntax").  The whole file is decoded to UTF-8
 * first (common/sjis), then parsed by libcsv fed one physical line at a
 * time, so the line where each row starts stays known through multi-line
 * quoted cells.  Cells are NFC-normalized and trimmed; inner line breaks
 * (CRLF, CR or LF) become "\n".  Empty rows and empty trailing cells are
 * dropped.  Tab-separated text (Excel's 「Unicode テキスト」, UTF-16) is
 * read the same way, with the tab as the delimiter.
 */
#ifndef INGEST_CSVREAD_H
#define INGEST_CSVREAD_H
#include <stddef.h>

#include "diag.h"
#include "sjis.h"

/* bytes; larger is an error.  8 MiB holds a cell of 2,000,000 Japanese
 * characters (6 MB of UTF-8; issue 12 "Linear") and stays under the 10 MB
 * a text node may have when the later stages read the XML (common/xmlio.h:
 * no XML_PARSE_HUGE), so a cell ingest accepts is never refused after it. */
#define CSVREAD_MAX_CELL (8 * 1024 * 1024)
#define CSVREAD_MAX_FILE (256 * 1024 * 1024) /* bytes */

struct csvrow {
	long line;     /* line where the row starts, 1-based */
	size_t ncells; /* without empty trailing cells; > 0 */
	char **cells;  /* NFC, trimmed, inner line ends as "\n" */
	int bad;       /* a problem was already reported (cell too long) */
};

struct csvfile {
	char *path;       /* as given */
	const char *name; /* basename, points into path */
	enum sjis_encoding enc;
	const char *eol; /* "CRLF", "LF" or "CR" */
	char delim;      /* ',' or '\t' (tab-separated text, detected on line 1) */
	struct csvrow *rows;
	size_t nrows, alloc;
	int readable;  /* 0 when decoding failed */
	size_t errors; /* errors reported while reading */
	size_t broken; /* rows lost to quote errors (quoted in diags) */
	int sheet;     /* a sheet of a workbook (xlsx.c): path is "BOOK:SHEET",
	                * line an Excel row, and diagnostics name the cell */
};

/*
 * Reads and parses `path`.  Every problem is reported to `d` as
 * PATH:LINE and reading goes on where it can.  Returns 0 when no error
 * was reported, -1 otherwise; `f` holds whatever was read either way and
 * is released with csvfile_release().
 */
int csvread_file(struct csvfile *f, const char *path, struct diag *d);
/* Same as csvread_file() on raw bytes already in memory (tests). */
int csvread_buffer(struct csvfile *f, const char *path, const char *raw, size_t len,
                   struct diag *d);
void csvfile_release(struct csvfile *f);
/*
 * Where a diagnostic about column `col` (0-based; -1 for the whole row:
 * column A) of line `line` of `f` points: f->path with *dline = line for
 * a CSV file; "BOOK:SHEET!C12" with *dline = 0 for a sheet of a workbook
 * (mic.xlsx:実施状況!C12, the cell as Excel names it).  New string.
 */
char *csvfile_where(const struct csvfile *f, long line, int col, long *dline);
/* The row's cells joined by " | ", as quoted in diagnostics.  New string. */
char *csvrow_quote(const struct csvrow *row);

#endif
