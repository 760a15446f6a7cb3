/*
 * strbuf: a growable NUL-terminated byte buffer (git strbuf).  Appending
 * never fails and never truncates: the buffer grows, and running out of
 * memory ends the program (xmem).  A stage with a real limit on an input
 * (csvread's file size) checks the length itself and names the input.
 */
#ifndef STRBUF_H
#define STRBUF_H
#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;    /* always NUL-terminated once initialised */
	size_t len;   /* bytes in use, without the NUL */
	size_t alloc; /* bytes allocated */
};

#define STRBUF_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* An empty buffer with room for `hint` bytes (0: none allocated yet). */
void strbuf_init(struct strbuf *sb, size_t hint);
/* Frees the storage; the buffer is empty and usable afterwards. */
void strbuf_release(struct strbuf *sb);
/* Empties the buffer, keeping its storage. */
void strbuf_reset(struct strbuf *sb);
/* Appending: the buffer grows as needed. */
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Returns the string and leaves the buffer empty; free() the result. */
char *strbuf_detach(struct strbuf *sb);
/* Removes leading and trailing ASCII and ideographic (U+3000) spaces. */
void strbuf_trim(struct strbuf *sb);
/* The part of `path` after its last '/' (all of it if none): a pointer
 * into `path`. */
const char *path_base(const char *path);

#endif
