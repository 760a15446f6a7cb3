#define _POSIX_C_SOURCE 200809L
#include "atomicfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "strbuf.h"
#include "xmem.h"

/*
 * Creates `tmp` as a new regular file: O_EXCL|O_NOFOLLOW, so neither a
 * symlink planted there nor a special file is ever opened.  A leftover of
 * a killed run (or a planted link) is removed first, itself, not what it
 * points to.  Returns the descriptor or -1 (errno).
 */
static int
create_tmp(const char *tmp)
{
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);

	if (fd < 0 && errno == EEXIST && unlink(tmp) == 0)
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	return fd;
}

char *
atomicfile_tmpname(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	int fd;

	strbuf_addf(&sb, "%s.tmp", path);
	fd = create_tmp(sb.buf);
	if (fd >= 0)
		close(fd);
	return strbuf_detach(&sb);
}

int
atomicfile_open(struct atomicfile *af, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	int fd;

	af->path = xstrdup(path);
	strbuf_addf(&sb, "%s.tmp", path);
	af->tmp = strbuf_detach(&sb);
	af->fp = NULL;
	fd = create_tmp(af->tmp);
	if (fd >= 0 && (af->fp = fdopen(fd, "wb")) == NULL)
		close(fd);
	if (af->fp == NULL) {
		int e = errno;

		free(af->path);
		free(af->tmp);
		af->path = af->tmp = NULL;
		errno = e;
		return -1;
	}
	return 0;
}

int
atomicfile_rename(const char *tmp, const char *path)
{
	int fd = open(tmp, O_RDONLY);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	if (rename(tmp, path) < 0) {
		int e = errno;

		unlink(tmp);
		errno = e;
		return -1;
	}
	return 0;
}

int
atomicfile_same(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fa ? fopen(b, "rb") : NULL;
	char ba[8192], bb[8192];
	size_t na, nb;
	int same = fb != NULL;

	while (same) {
		na = fread(ba, 1, sizeof ba, fa);
		nb = fread(bb, 1, sizeof bb, fb);
		same = na == nb && memcmp(ba, bb, na) == 0 && !ferror(fa) && !ferror(fb);
		if (na < sizeof ba)
			break;
	}
	if (fb)
		fclose(fb);
	if (fa)
		fclose(fa);
	return same;
}

int
atomicfile_holds(const char *path, const void *buf, size_t len)
{
	gchar *old = NULL;
	gsize oldlen = 0;
	int same;

	if (!g_file_get_contents(path, &old, &oldlen, NULL))
		return 0;
	same = oldlen == len && memcmp(old, buf, len) == 0;
	g_free(old);
	return same;
}

int
atomicfile_replace(const char *tmp, const char *path)
{
	if (atomicfile_same(tmp, path)) {
		unlink(tmp);
		return 0;
	}
	return atomicfile_rename(tmp, path);
}

int
atomicfile_commit(struct atomicfile *af)
{
	int ret = 0, e = 0;

	if (af->fp == NULL)
		return -1;
	if (fflush(af->fp) != 0 || ferror(af->fp) || fsync(fileno(af->fp)) != 0) {
		e = errno;
		ret = -1;
	}
	if (fclose(af->fp) != 0 && ret == 0) {
		e = errno;
		ret = -1;
	}
	af->fp = NULL;
	if (ret == 0 && rename(af->tmp, af->path) < 0) {
		e = errno;
		ret = -1;
	}
	if (ret < 0)
		unlink(af->tmp);
	free(af->path);
	free(af->tmp);
	af->path = af->tmp = NULL;
	errno = e;
	return ret;
}

void
atomicfile_abort(struct atomicfile *af)
{
	if (af->fp)
		fclose(af->fp);
	if (af->tmp)
		unlink(af->tmp);
	free(af->path);
	free(af->tmp);
	af->fp = NULL;
	af->path = af->tmp = NULL;
}

/* Unlinks NAME in DFD; a folder, with what it holds down to DEPTH levels. */
static int
remove_in(int dfd, const char *name, int depth)
{
	struct dirent *de;
	DIR *dp;
	int fd;

	if (unlinkat(dfd, name, 0) == 0 || errno == ENOENT)
		return 0;
	if (depth == 0 ||
	    (fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return -1;
	dp = fdopendir(fd);
	if (dp == NULL) {
		close(fd);
		return -1;
	}
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			(void)remove_in(dirfd(dp), de->d_name, depth - 1);
	closedir(dp);
	return unlinkat(dfd, name, AT_REMOVEDIR);
}

int
atomicfile_remove_dir(const char *path)
{
	return remove_in(AT_FDCWD, path, 2);
}
