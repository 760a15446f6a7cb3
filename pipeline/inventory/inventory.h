/*
 * inventory: the year's inputs as a manifest (issue 12).  Lists
 * input/Y/submissions/ itself with lstat (never following a link), gives
 * every entry a verdict (read, skip or error, with the reason in plain
 * words) and the sha256 of what is read, plus the sha256 of the registry,
 * plan and matrix and the settings that reach the PDFs.  Make depends on
 * the manifest, never on a file name or an mtime: docs/design.md.
 *
 * The manifest (build/Y/manifest.xml):
 *
 *   <manifest year="2014" dir="input/2014/submissions">
 *     <input kind="registry" path="…" sha256="…"/>   (also plan, matrix;
 *                                                     missing="yes" when absent)
 *     <setting name="REPORT_DATE" value="…"/>
 *     <entry name="…" verdict="read" size="…" sha256="…"/>
 *     <entry name="…" verdict="skip" reason="…"/>
 *     <entry name="…" verdict="error" reason="…"/>
 *   </manifest>
 *
 * Entries are in byte order of their names.  A name that is not valid
 * UTF-8 or holds a control character is written with \xNN escapes (and is
 * an error entry: it is never opened).
 */
#ifndef INVENTORY_INVENTORY_H
#define INVENTORY_INVENTORY_H
#include <stddef.h>

#include <libxml/tree.h>

#include "strbuf.h"

struct inventory_args {
	const char *year;
	const char *dir; /* the submissions folder */
	const char *registry, *plan, *matrix;
	const char *report_date; /* "" when unset */
};

/* The options that fill inventory_args, which inventory and publish both
 * take: INVENTORY_OPTIONS in the getopt_long table, inventory_option() for
 * the option letter C (1 when it was one of them, else 0). */
/* clang-format off */
#define INVENTORY_OPTIONS \
	{"year", required_argument, NULL, 'y'}, \
	{"submissions", required_argument, NULL, 's'}, \
	{"registry", required_argument, NULL, 'r'}, \
	{"plan", required_argument, NULL, 'p'}, \
	{"matrix", required_argument, NULL, 'm'}, \
	{"report-date", required_argument, NULL, 'D'}
/* clang-format on */
int inventory_option(struct inventory_args *a, int c, const char *arg);

/*
 * Writes the manifest of `a` into `out` (appended).  Returns 0, or -1 with
 * a message in `err` (a new string) when the folder exists but cannot be
 * listed or a write fails.  A missing folder gives a manifest without
 * entries (ingest then warns that there are no files).
 */
int inventory_write(const struct inventory_args *a, xmlBufferPtr out, char **err);

/*
 * The sha256 of the rest of `fd` as 64 hex digits (a new string), the
 * byte count in *size; the bytes are also appended to `keep` unless NULL.
 * NULL on a read error (errno set; EFBIG when `keep` reached its cap).
 */
char *inventory_hash_fd(int fd, long long *size, struct strbuf *keep);

enum manifest_verdict { MANIFEST_READ, MANIFEST_SKIP, MANIFEST_ERROR };

struct manifest_entry {
	char *name; /* as in the folder (escaped for bad names) */
	enum manifest_verdict verdict;
	char *reason; /* skip and error; else NULL */
	char *sha256; /* read; else NULL */
};

struct manifest {
	char *dir;
	struct manifest_entry *v;
	size_t n;
};

/* Loads a manifest.  0, or -1 with a message in `err` (a new string). */
int manifest_load(struct manifest *m, const char *path, char **err);
void manifest_release(struct manifest *m);

/*
 * Reads entry `e` of `m` (its folder opened with O_DIRECTORY as `dirfd`):
 * opens it with O_NOFOLLOW|O_NONBLOCK, checks with fstat that it is a
 * regular file, reads at most `max` bytes and checks that their sha256 is
 * the manifest's.  Returns 0 with the bytes in *buf (malloc'd, NUL after
 * them) and *len, or -1 with a message in `err` (a new string).
 */
int manifest_read_entry(int dirfd, const struct manifest_entry *e, size_t max, char **buf,
                        size_t *len, char **err);

#endif
