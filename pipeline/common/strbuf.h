/*
 * strbuf: a growable NUL-terminated byte buffer with a cap (git strbuf,
 * curl's toobig).  Appending past `max` bytes fails with -1 and leaves the
 * buffer as it was, so a runaway input becomes a diagnostic, not an OOM.
 */
#ifndef STRBUF_H
#define STRBUF_H
#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char	*buf;		/* always NUL-terminated once initialised */
	size_t	 len;		/* bytes in use, without the NUL */
	size_t	 alloc;		/* bytes allocated */
	size_t	 max;		/* cap on len; 0 means SIZE_MAX */
};

#define STRBUF_INIT { NULL, 0, 0, 0 }

void	 strbuf_init(struct strbuf *sb, size_t hint, size_t max);
/* Frees the storage; the buffer is empty and usable afterwards. */
void	 strbuf_release(struct strbuf *sb);
/* Empties the buffer, keeping its storage. */
void	 strbuf_reset(struct strbuf *sb);
/* Each returns 0, or -1 when the cap would be exceeded (nothing appended). */
int	 strbuf_add(struct strbuf *sb, const void *data, size_t len);
int	 strbuf_addstr(struct strbuf *sb, const char *s);
int	 strbuf_addch(struct strbuf *sb, int c);
int	 strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	 strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Returns the string and leaves the buffer empty; free() the result. */
char	*strbuf_detach(struct strbuf *sb);
/* Removes leading and trailing ASCII and ideographic (U+3000) spaces. */
void	 strbuf_trim(struct strbuf *sb);

#endif
