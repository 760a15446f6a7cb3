/*
 * xmlio: the one way the pipeline reads XML (docs/design.md "Stage
 * contract"; issue 6).  Every document is parsed with no network access,
 * no DTD loading, no entity substitution and libxml2's default limits
 * (depth 256, text node 10 MB: no XML_PARSE_HUGE).  An entity declaration
 * (general or parameter: XXE, billion laughs) stops the parser at once
 * with one clear error; a plain DOCTYPE without declarations is ignored.
 * Parse errors go to `d` as FILE:LINE: error: MESSAGE (the structured
 * error handler in force before a call is restored after it).  See
 * docs/errors.md.
 */
#ifndef XMLIO_H
#define XMLIO_H
#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"

/* Parser options used everywhere: NONET, no DTD, no entities, line numbers. */
int xmlio_options(void);
/*
 * Parses `path`.  Returns a new document (free with xmlFreeDoc), or NULL
 * after reporting every parse error, an entity declaration, or an
 * unreadable file to `d`.
 */
xmlDocPtr xmlio_load(const char *path, struct diag *d);
/*
 * Same as xmlio_load(), the document's strings in `dict` (may be NULL),
 * as libxslt's document loader needs (xsltSetLoaderFunc).
 */
xmlDocPtr xmlio_load_dict(const char *path, xmlDictPtr dict, struct diag *d);
/*
 * Same rules on `len` bytes in memory; `name` is the file name used in
 * diagnostics (tests, fuzzing).
 */
xmlDocPtr xmlio_load_memory(const char *buf, size_t len, const char *name, struct diag *d);
/*
 * Same rules, for a file too large to hold whole: `each` is called on
 * every element of depth 1 (a child of the root) or 2 as soon as it ends,
 * in document order, with its subtree complete; when it returns 1 the
 * element is freed.  The document returned holds what was kept.  Errors
 * `each` reports are about the rows: the document is still returned.
 */
xmlDocPtr xmlio_load_each(const char *path, struct diag *d,
                          int (*each)(xmlNodePtr n, int depth, void *arg), void *arg);
/* Attribute value or NULL; the pointer is owned by the caller (xmlFree). */
char *xmlio_attr(xmlNodePtr n, const char *name);
/* Attribute value as a new string (free()), "" when absent. */
char *xmlio_attr_dup(xmlNodePtr n, const char *name);
/* 1 when `n` is an element named `name`; 0 otherwise (also for NULL). */
int xmlio_is(xmlNodePtr n, const char *name);

#endif
