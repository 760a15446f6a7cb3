/*
 * atomicfile: write OUT through OUT.tmp in the same directory, then fsync
 * and rename, so an interrupted or failing run never leaves a truncated
 * target (inputs.md "Outputs are written to a temporary file and renamed").
 * The temporary file is always created new (O_CREAT|O_EXCL|O_NOFOLLOW):
 * a leftover or a symlink planted at PATH.tmp is removed, never followed.
 */
#ifndef ATOMICFILE_H
#define ATOMICFILE_H
#include <stdio.h>

struct atomicfile {
	char *path; /* final name */
	char *tmp;  /* PATH.tmp */
	FILE *fp;   /* open on tmp between _open and _commit/_abort */
};

/* Opens PATH.tmp for writing.  Returns 0, or -1 with errno set. */
int atomicfile_open(struct atomicfile *af, const char *path);
/* Flushes, fsyncs, closes and renames onto the final name.  0 or -1 (errno);
 * on failure the temporary file is removed and the target left as it was. */
int atomicfile_commit(struct atomicfile *af);
/* Closes and removes the temporary file.  Safe after a failed open. */
void atomicfile_abort(struct atomicfile *af);
/* Temporary name for writers that need a path (cairo, libxml2): PATH.tmp,
 * created empty as a new regular file (as above) for them to open.
 * Returns a new string; free() it.  Commit with atomicfile_rename(). */
char *atomicfile_tmpname(const char *path);
/* fsyncs TMP and renames it onto PATH; removes TMP on failure.  0 or -1. */
int atomicfile_rename(const char *tmp, const char *path);
/*
 * As atomicfile_rename, but when PATH already holds the same bytes, TMP is
 * removed and PATH left as it is, mtime included, so make rebuilds nothing
 * that depends on it (a per-area file whose rows did not change).
 */
int atomicfile_replace(const char *tmp, const char *path);
/* 1 when the files A and B hold the same bytes, else 0 (also when either
 * cannot be read). */
int atomicfile_same(const char *a, const char *b);
/* 1 when the file PATH holds exactly the LEN bytes at BUF, else 0 (also
 * when it cannot be read): a writer need not replace it. */
int atomicfile_holds(const char *path, const void *buf, size_t len);
/*
 * Removes the folder PATH, its files and its folders of files (what the
 * stages write: a staged output folder, the feedback folder); a file or
 * symlink at PATH is removed, never followed.  0 when PATH is gone (or was
 * never there), else -1 with errno set.
 */
int atomicfile_remove_dir(const char *path);

#endif
