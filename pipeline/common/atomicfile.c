#define _POSIX_C_SOURCE 200809L
#include "atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strbuf.h"
#include "xmem.h"

char *
atomicfile_tmpname(const char *path)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s.tmp", path);
	return strbuf_detach(&sb);
}

int
atomicfile_open(struct atomicfile *af, const char *path)
{
	af->path = xstrdup(path);
	af->tmp = atomicfile_tmpname(path);
	af->fp = fopen(af->tmp, "wb");
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
