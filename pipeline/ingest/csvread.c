/*
 * Why line by line: libcsv reports cells and row ends but no positions.
 * Feeding it one physical line at a time, and noting the line whenever
 * the parser is between rows (pstate 0, ROW_NOT_BEGUN in libcsv.c), gives
 * every row the line it starts on, also when a quoted cell spans lines.
 */
#include "csvread.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "nfc.h"
#include "strbuf.h"
#include "utf8.h"
#include "xmem.h"

struct reader {
	struct csvfile *f;
	struct diag *d;
	long line;      /* physical line being fed */
	long row_line;  /* line where the current row started */
	size_t row_off; /* its offset in the decoded text */
	char **cells;   /* the row being built */
	size_t ncells, alloc;
	int bad;
};

void
csvfile_release(struct csvfile *f)
{
	size_t i, j;

	for (i = 0; i < f->nrows; i++) {
		for (j = 0; j < f->rows[i].ncells; j++)
			free(f->rows[i].cells[j]);
		free(f->rows[i].cells);
	}
	free(f->rows);
	free(f->path);
	memset(f, 0, sizeof(*f));
}

char *
csvfile_where(const struct csvfile *f, long line, int col, long *dline)
{
	struct strbuf sb = STRBUF_INIT;
	size_t c = col < 0 ? 0 : (size_t)col;
	char letters[8];
	int n = 0;

	if (!f->sheet || line <= 0) {
		*dline = line;
		return xstrdup(f->path);
	}
	*dline = 0;
	c++;
	while (c > 0 && n < 7) {
		letters[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	strbuf_addf(&sb, "%s!", f->path);
	while (n > 0)
		strbuf_add(&sb, &letters[--n], 1);
	strbuf_addf(&sb, "%ld", line);
	return strbuf_detach(&sb);
}

char *
csvrow_quote(const struct csvrow *row)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < row->ncells; i++) {
		if (i)
			strbuf_addstr(&sb, " | ");
		strbuf_addstr(&sb, row->cells[i]);
	}
	return strbuf_detach(&sb);
}

/*
 * NFC, line ends to "\n", then trimmed (inputs.md "Encoding and syntax").
 * A vertical tab (Excel's in-cell line break in some exports) is a line
 * break too; other control characters cannot be written in XML and
 * become 〓 (U+3013, the geta mark typesetters put for a character that
 * cannot be set; every pinned font has it, unlike U+FFFD), counted in
 * *ctrl (may be NULL).  The result is allocated to its size: every cell
 * of every file is kept until the output is written (issue 7).
 */
static char *
clean_cell(const char *s, size_t len, size_t *ctrl)
{
	struct strbuf sb;
	char *nfc;
	size_t i, run = 0;

	strbuf_init(&sb, len);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != 0x7F)
			continue;
		if (c == '\t' || c == '\n')
			continue;
		strbuf_add(&sb, s + run, i - run);
		if (c == '\r') {
			strbuf_addch(&sb, '\n');
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else if (c == 0x0B)
			strbuf_addch(&sb, '\n');
		else {
			strbuf_addstr(&sb, "\xE3\x80\x93"); /* 〓 U+3013 */
			if (ctrl)
				(*ctrl)++;
		}
		run = i + 1;
	}
	strbuf_add(&sb, s + run, len - run);
	if (sb.buf == NULL)
		return xstrdup("");
	/* The file was validated as a whole: NULL (not UTF-8) cannot happen. */
	if (!nfc_quick(sb.buf) && (nfc = utf8_nfc(sb.buf)) != NULL) {
		strbuf_reset(&sb);
		strbuf_addstr(&sb, nfc);
		free(nfc);
	}
	strbuf_trim(&sb);
	if (sb.alloc > sb.len + 1 + 16) { /* trimmed, or 〓 made it grow */
		nfc = xstrndup(sb.buf, sb.len);
		strbuf_release(&sb);
		return nfc;
	}
	return strbuf_detach(&sb);
}

/* At most `max` bytes of s[0..len), not cutting a UTF-8 sequence. */
static size_t
cut_at(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

/* The warning for a cell whose control characters became 〓, quoting
 * the cell's start on one line. */
static void
warn_control(struct reader *r, const char *cell, size_t ctrl)
{
	char *one = xstrdup(cell), *q, *p;

	for (p = one; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	q = utf8_truncate(one, 40);
	diag_add(r->d, DIAG_WARNING, r->f->path, r->row_line, NULL, NULL,
	         "cell %zu: %zu control character(s) replaced by 〓 (U+3013): '%s'", r->ncells + 1,
	         ctrl, q);
	free(q);
	free(one);
}

static void
on_cell(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;
	char *cell;
	size_t ctrl = 0;

	if (len > CSVREAD_MAX_CELL) {
		char *head = clean_cell(data, cut_at(data, len, 400), NULL);
		char *cut = utf8_truncate(head, 100);

		diag_add(r->d, DIAG_ERROR, r->f->path, r->row_line, NULL, cut,
		         "cell %zu is %zu bytes long, more than the limit of %d bytes",
		         r->ncells + 1, len, CSVREAD_MAX_CELL);
		free(head);
		free(cut);
		cell = xstrdup("");
		r->bad = 1;
	} else
		cell = clean_cell(data ? data : "", data ? len : 0, &ctrl);
	if (ctrl)
		warn_control(r, cell, ctrl);
	if (r->ncells == r->alloc) {
		r->alloc = r->alloc ? r->alloc * 2 : 8;
		r->cells = xreallocarray(r->cells, r->alloc, sizeof(*r->cells));
	}
	r->cells[r->ncells++] = cell;
}

static void
on_row(int term, void *ctx)
{
	struct reader *r = ctx;
	struct csvfile *f = r->f;
	struct csvrow *row;
	size_t n = r->ncells, i;

	while (n > 0 && r->cells[n - 1][0] == '\0')
		n--;
	if (n == 0 && !r->bad) { /* empty row: nothing to keep */
		for (i = 0; i < r->ncells; i++)
			free(r->cells[i]);
		r->ncells = 0;
		return;
	}
	for (i = n; i < r->ncells; i++)
		free(r->cells[i]);
	if (f->nrows == f->alloc) {
		f->alloc = f->alloc ? f->alloc * 2 : 64;
		f->rows = xreallocarray(f->rows, f->alloc, sizeof(*f->rows));
	}
	row = &f->rows[f->nrows++];
	row->line = r->row_line;
	row->ncells = n;
	row->cells = r->cells;
	row->bad = r->bad;
	r->cells = NULL;
	r->ncells = r->alloc = 0;
	r->bad = 0;
}

static void
drop_row(struct reader *r)
{
	size_t i;

	for (i = 0; i < r->ncells; i++)
		free(r->cells[i]);
	r->ncells = 0;
	r->bad = 0;
}

/* Line number (1-based) of byte offset `off` in raw bytes. */
static long
line_of(const char *s, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n')))
			line++;
	return line;
}

/* The same for UTF-16 (big-endian when `be`): code units LF, CR, CRLF
 * before raw[off], after the BOM. */
static long
line_of_utf16(const char *raw, size_t off, int be)
{
	long line = 1;
	size_t i;
	unsigned u, next;

	for (i = 2; i + 1 < off; i += 2) {
		u = be ? ((unsigned char)raw[i] << 8 | (unsigned char)raw[i + 1])
		       : ((unsigned char)raw[i + 1] << 8 | (unsigned char)raw[i]);
		next = 0;
		if (i + 3 < off)
			next = be ? ((unsigned char)raw[i + 2] << 8 | (unsigned char)raw[i + 3])
			          : ((unsigned char)raw[i + 3] << 8 | (unsigned char)raw[i + 2]);
		if (u == '\n' || (u == '\r' && next != '\n'))
			line++;
	}
	return line;
}

/* Length of the line at s (up to and including its line end). */
static size_t
line_len(const char *s, size_t left)
{
	size_t i;

	for (i = 0; i < left; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == '\r')
			return i + 1 < left && s[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return left;
}

static const char *
detect_eol(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			return "LF";
		if (s[i] == '\r')
			return i + 1 < len && s[i + 1] == '\n' ? "CRLF" : "CR";
	}
	return "LF";
}

/*
 * The delimiter: a tab when the first line has more tabs than commas
 * (Excel's 「Unicode テキスト」 and 「テキスト (タブ区切り)」; a header name
 * holds neither), else a comma.
 */
static char
detect_delim(const char *s, size_t len)
{
	size_t i, tabs = 0, commas = 0;

	for (i = 0; i < len && s[i] != '\n' && s[i] != '\r'; i++) {
		if (s[i] == '\t')
			tabs++;
		else if (s[i] == ',')
			commas++;
	}
	return tabs > commas ? '\t' : ',';
}

static void
parser_init(struct csv_parser *p, char delim)
{
	csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_realloc_func(p, xrealloc);
	csv_set_delim(p, (unsigned char)delim);
}

/* The raw text of a broken row, shortened, for the diagnostic's quote. */
static char *
raw_quote(const char *s, size_t len)
{
	char *c = clean_cell(s, cut_at(s, len, 4000), NULL);
	char *t = utf8_truncate(c, 500);

	free(c);
	return t;
}

static void
init_file(struct csvfile *f, const char *path)
{
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	f->name = path_base(f->path);
	f->eol = "LF";
	f->enc = SJIS_UTF8;
	f->delim = ',';
}

/*
 * libcsv grows a cell's buffer by a fixed block (128 bytes by default), so
 * a long cell costs quadratic copying (a 20 MB line: minutes under ASan,
 * whose realloc always copies).  The line is fed in pieces, and before
 * each the block is set to the buffer's current size: the buffer doubles.
 * Returns the bytes of s[0..n) parsed (n unless the quotes are malformed).
 */
#define FEED_PIECE ((size_t)64 * 1024)

static size_t
feed(struct csv_parser *p, const char *s, size_t n, struct reader *r)
{
	size_t off = 0;

	while (off < n) {
		size_t k = n - off < FEED_PIECE ? n - off : FEED_PIECE, got;

		csv_set_blk_size(p, p->entry_size > FEED_PIECE ? p->entry_size : FEED_PIECE);
		got = csv_parse(p, s + off, k, on_cell, on_row, r);
		off += got;
		if (got != k)
			break;
	}
	return off;
}

int
csvread_buffer(struct csvfile *f, const char *path, const char *raw, size_t len, struct diag *d)
{
	struct reader r;
	struct csv_parser p;
	struct sjis_text text;
	const char *nul;
	size_t bad = 0, off = 0;
	size_t before = d->errors;
	int be;

	init_file(f, path);
	if ((be = sjis_bom_utf16(raw, len)) != 0) {
		if (sjis_decode(raw, len, &text, &bad) < 0)
			return diag_error(
			    d, path, line_of_utf16(raw, bad, be == 2),
			    "byte offset %zu is not valid UTF-16 (the file starts with "
			    "a UTF-16 byte order mark): save it again from Excel as "
			    "\"Unicode text\" or \"CSV UTF-8\"",
			    bad);
	} else if ((nul = memchr(raw, '\0', len)) != NULL) {
		bad = (size_t)(nul - raw);
		return diag_error(
		    d, path, line_of(raw, bad),
		    "NUL byte at byte offset %zu: not a CSV text file (UTF-16 or binary?)", bad);
	} else if (sjis_decode(raw, len, &text, &bad) < 0)
		return diag_error(d, path, line_of(raw, bad),
		                  "byte 0x%02X at byte offset %zu is valid in neither UTF-8 nor "
		                  "CP932 (Shift_JIS)",
		                  (unsigned char)raw[bad < len ? bad : 0], bad);
	f->readable = 1;
	f->enc = text.enc;
	f->eol = detect_eol(text.buf, text.len);
	f->delim = detect_delim(text.buf, text.len);

	memset(&r, 0, sizeof(r));
	r.f = f;
	r.d = d;
	parser_init(&p, f->delim);
	while (off < text.len) {
		size_t n = line_len(text.buf + off, text.len - off);

		r.line++;
		if (p.pstate == 0) { /* ROW_NOT_BEGUN: a row may start here */
			r.row_line = r.line;
			r.row_off = off;
		}
		if (feed(&p, text.buf + off, n, &r) != n) {
			char *q = raw_quote(text.buf + r.row_off, off + n - r.row_off);

			diag_add(d, DIAG_ERROR, path, r.line, NULL, q,
			         "malformed quotes: a quote inside a quoted cell must be doubled "
			         "(\"\"), "
			         "and a quoted cell must end at a comma or line end");
			free(q);
			drop_row(&r);
			f->broken++;
			csv_free(&p);
			parser_init(&p, f->delim);
		}
		off += n;
	}
	if (csv_fini(&p, on_cell, on_row, &r) != 0) {
		char *q = raw_quote(text.buf + r.row_off, text.len - r.row_off);

		diag_add(d, DIAG_ERROR, path, r.row_line, NULL, q,
		         "unterminated quoted cell: the quote opened in the row starting here is "
		         "never closed");
		free(q);
		drop_row(&r);
		f->broken++;
	}
	csv_free(&p);
	free(r.cells);
	sjis_text_release(&text);
	f->errors = d->errors - before;
	return f->errors ? -1 : 0;
}

/* What a file that is not regular is, for the message. */
static const char *
file_type(mode_t m)
{
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISDIR(m))
		return "a folder";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	if (S_ISSOCK(m))
		return "a socket";
	return "a special file";
}

/*
 * Issue 12: only a regular file is read.  O_NOFOLLOW: a symlink is never
 * followed (submissions/zz.csv -> /etc/passwd); O_NONBLOCK: opening a FIFO
 * does not wait for a writer; fstat() then refuses it, a device or a
 * folder before a byte is read.
 */
int
csvread_file(struct csvfile *f, const char *path, struct diag *d)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct strbuf sb;
	struct stat st;
	char buf[65536];
	ssize_t n;
	int ret, e;

	init_file(f, path);
	if (fd < 0 && errno == ELOOP)
		return diag_error(d, path, 0,
		                  "is a symbolic link; it is not followed: put the file itself "
		                  "in its place");
	if (fd < 0)
		return diag_error(d, path, 0, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) < 0) {
		e = errno;
		close(fd);
		return diag_error(d, path, 0, "cannot read: %s", strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return diag_error(d, path, 0,
		                  "not a regular file (%s); it is not read: remove it or put the "
		                  "file itself in its place",
		                  file_type(st.st_mode));
	}
	strbuf_init(&sb, 0);
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e = errno;
			close(fd);
			strbuf_release(&sb);
			return diag_error(d, path, 0, "cannot read: %s", strerror(e));
		}
		if ((size_t)n > CSVREAD_MAX_FILE - sb.len) {
			close(fd);
			strbuf_release(&sb);
			return diag_error(d, path, 0, "file larger than %d bytes",
			                  CSVREAD_MAX_FILE);
		}
		strbuf_add(&sb, buf, (size_t)n);
	}
	close(fd);
	csvfile_release(f);
	ret = csvread_buffer(f, path, sb.buf ? sb.buf : "", sb.len, d);
	strbuf_release(&sb);
	return ret;
}
