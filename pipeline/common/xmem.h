/*
 * xmem: the one place that dies on out-of-memory.  Every other module
 * treats allocation as infallible and reports input problems through diag.
 */
#ifndef XMEM_H
#define XMEM_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array to hold at least `need` elements of `size` bytes. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
