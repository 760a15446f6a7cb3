/*
 * xlsx: an Excel workbook (.xlsx, Office Open XML) → sheets of rows of
 * cells as UTF-8 text exactly as Excel displays them (issue 16 ".xlsx
 * read directly").  The zip container is read with libzip, each part
 * parsed with libxml2 through common/xmlio (no DTD, no entities, no
 * network); nothing is evaluated.
 *
 * What a cell's text is:
 *   - shared strings (t="s") and inline strings (t="inlineStr"): the text,
 *     rich-text runs concatenated, phonetic guides (ふりがな, <rPh>)
 *     dropped, _xHHHH_ escapes decoded, line breaks kept as "\n";
 *   - numbers, by the cell's number format: General → the shortest
 *     decimal that reads back as the same double (0.1, 1234, 12.3456);
 *     a date format (built-in 14–22, the Japanese built-ins 27–36 and
 *     50–58, or a custom format with y, d, or m without h/s) → YYYY-MM-DD
 *     (1900 and 1904 date systems); other formats as displayed for the
 *     common forms (0, 0.00, #,##0, #,##0.00, 0%, 0.00%, quoted literals
 *     around them) with XLSX_ROUNDED when the display holds fewer digits
 *     than the stored value;
 *   - formulas (<f>): the value Excel cached when it last saved, and
 *     XLSX_FORMULA (the caller warns: a formula's result may be stale);
 *   - booleans TRUE/FALSE; error values (#DIV/0!) as written, XLSX_ERROR.
 * Cells inside a merged range carry XLSX_MERGED; rows hidden in Excel
 * have `hidden` set; sheets hidden or very hidden have `hidden` set.
 *
 * A legacy .xls (an OLE2 compound file, as are password-protected .xlsx)
 * is refused with a message telling the user to save as .xlsx.
 */
#ifndef INGEST_XLSX_H
#define INGEST_XLSX_H
#include <stddef.h>

#include "csvread.h"
#include "diag.h"

#define XLSX_MAX_PART (256 * 1024 * 1024) /* uncompressed bytes of one part */

enum xlsx_flag {
	XLSX_FORMULA = 1, /* the text is a formula's cached value */
	XLSX_MERGED = 2,  /* the cell is part of a merged range */
	XLSX_DATE = 4,    /* a number shown through a date format */
	XLSX_ERROR = 8,   /* an error value such as #DIV/0! or #N/A */
	XLSX_ROUNDED = 16 /* the number format shows fewer digits than stored */
};

struct xlsxcell {
	char *text;     /* as displayed; "" for an empty cell */
	unsigned flags; /* enum xlsx_flag */
};

struct xlsxrow {
	long row;               /* Excel's row number, 1-based */
	int hidden;             /* the row is hidden in Excel */
	size_t ncells;          /* up to the last cell with text or flags */
	struct xlsxcell *cells; /* index 0 is column A */
};

struct xlsxsheet {
	char *name;           /* as on the tab */
	int hidden;           /* state="hidden" or "veryHidden" */
	struct xlsxrow *rows; /* rows that have a cell or are hidden, in order */
	size_t nrows;
	char **merged; /* merged ranges as written, "A1:C1" */
	size_t nmerged;
};

struct xlsxbook {
	char *path;               /* as given */
	const char *name;         /* basename, points into path */
	struct xlsxsheet *sheets; /* workbook order */
	size_t nsheets;
	int date1904;
};

/*
 * Reads the workbook `path`: every sheet (worksheets only; chart sheets
 * are listed with no rows).  Problems go to `d` as PATH: error: … .
 * Returns 0, or -1 after reporting (not a zip, an .xls, a damaged part);
 * `b` holds what was read either way; release it with xlsxbook_release().
 */
int xlsx_read_file(struct xlsxbook *b, const char *path, struct diag *d);
/* Same on bytes in memory; `path` names them in diagnostics. */
int xlsx_read_buffer(struct xlsxbook *b, const char *path, const void *raw, size_t len,
                     struct diag *d);
void xlsxbook_release(struct xlsxbook *b);

/* "C12" for column index 2 (0-based) of row 12, into buf (16 bytes). */
void xlsx_cellref(char buf[16], size_t col, long row);
/* "mic.xlsx:実施状況!C12", as diagnostics name a cell.  New string. */
char *xlsx_location(const struct xlsxbook *b, const struct xlsxsheet *s, long row, size_t col);

/*
 * `v` as displayed through number format `id` with format code `code`
 * (a custom format; NULL for a built-in id): the rules above.  ORs
 * XLSX_DATE or XLSX_ROUNDED into *flags.  New string.
 */
char *xlsx_format_number(double v, int id, const char *code, int date1904, unsigned *flags);

/*
 * One sheet as ingest's input, in place of csvread_file(): `f` gets the
 * rows with their Excel row number as `line`, cells cleaned as csvread
 * cleans a CSV cell (line ends "\n", control characters → 〓 U+3013, NFC,
 * trimmed), empty rows and trailing empty cells dropped; f->path is
 * "BOOK:SHEET" (so PATH:LINE reads mic.xlsx:実施状況:12).  Reports to `d`,
 * naming the cell (mic.xlsx:実施状況!C12): a warning per formula cell, per
 * merged range and per hidden row with text, and per cell whose display
 * rounds the stored number.  Returns 0, or -1 if an error was reported.
 * Release `f` with csvfile_release().
 */
int xlsx_sheet_csvfile(const struct xlsxbook *b, const struct xlsxsheet *s, struct csvfile *f,
                       struct diag *d);

#endif
