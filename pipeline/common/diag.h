/*
 * diag: collects every problem of a run (inputs.md "Errors and what is
 * never lost").  Each diagnostic is printed at once to stderr in GNU style
 * (`FILE:LINE: error: MESSAGE`) and kept, with the text of the row it
 * rejects, so a stage can write them into its output for the draft annex.
 */
#ifndef DIAG_H
#define DIAG_H
#include <stdio.h>

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

struct diag_entry {
	enum diag_severity severity;
	char *file;    /* display name, may be "" */
	long line;     /* 0 when not tied to a line */
	char *column;  /* column name or NULL */
	char *message; /* English: what the outputs keep, whatever the locale */
	char *shown;   /* the message as printed, in the user's language;
	                * NULL when it is the English one */
	char *row;     /* quoted input, or NULL */
};

struct diag {
	struct diag_entry *v;
	size_t n, alloc;
	size_t errors, warnings;
	FILE *out; /* where to print; NULL for silence */
};

void diag_init(struct diag *d, FILE *out);
void diag_release(struct diag *d);

/*
 * Records and prints an error; returns -1 so callers can write
 * `return diag_error(d, file, line, "…", …);` (git error()).
 * `file` may be NULL; `line` 0 omits the line.
 */
int diag_error(struct diag *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Records and prints a warning; returns 0. */
int diag_warning(struct diag *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/*
 * Full form: severity, location, the column name and the quoted row (both
 * may be NULL), then the message.  Returns -1 for errors, 0 for warnings.
 */
int diag_add(struct diag *d, enum diag_severity sev, const char *file, long line,
             const char *column, const char *row, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

#endif
