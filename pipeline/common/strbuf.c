#include "strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmem.h"

static char strbuf_empty[1];

void
strbuf_init(struct strbuf *sb, size_t hint)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->alloc = 0;
	if (hint) {
		sb->buf = xmalloc(hint + 1);
		sb->alloc = hint + 1;
		sb->buf[0] = '\0';
	}
}

void
strbuf_release(struct strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	sb->buf = NULL;
	sb->len = 0;
	sb->alloc = 0;
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->alloc)
		sb->buf[0] = '\0';
}

static void
grow(struct strbuf *sb, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - 1 - sb->len) {
		fputs("fatal: out of memory: a string longer than SIZE_MAX\n", stderr);
		exit(3);
	}
	need = sb->len + extra + 1;
	if (need > sb->alloc) {
		size_t n = sb->alloc ? sb->alloc : 64;

		while (n < need)
			n = n > SIZE_MAX / 2 ? need : n * 2;
		sb->buf = xrealloc(sb->alloc ? sb->buf : NULL, n);
		if (sb->alloc == 0)
			sb->buf[0] = '\0';
		sb->alloc = n;
	}
}

void
strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void
strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_addch(struct strbuf *sb, int c)
{
	char ch = (char)c;

	strbuf_add(sb, &ch, 1);
}

void
strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) { /* an encoding error in a %ls argument: we pass none */
		fputs("fatal: vsnprintf failed\n", stderr);
		exit(3);
	}
	grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

char *
strbuf_detach(struct strbuf *sb)
{
	char *s = sb->alloc ? sb->buf : xstrdup(strbuf_empty);

	sb->buf = NULL;
	sb->len = 0;
	sb->alloc = 0;
	return s;
}

static size_t
space_at(const char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n'))
		return 1;
	if (len >= 3 && (unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0x80)
		return 3;
	return 0;
}

void
strbuf_trim(struct strbuf *sb)
{
	size_t start = 0, end = sb->len, n;

	if (sb->len == 0)
		return;
	while (start < end && (n = space_at(sb->buf + start, end - start)) > 0)
		start += n;
	for (;;) {
		if (end > start && (sb->buf[end - 1] == ' ' || sb->buf[end - 1] == '\t' ||
		                    sb->buf[end - 1] == '\r' || sb->buf[end - 1] == '\n'))
			end--;
		else if (end >= start + 3 && space_at(sb->buf + end - 3, 3) == 3)
			end -= 3;
		else
			break;
	}
	memmove(sb->buf, sb->buf + start, end - start);
	sb->len = end - start;
	sb->buf[sb->len] = '\0';
}

const char *
path_base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}
