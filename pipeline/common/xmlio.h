/*
 * xmlio: the one way the pipeline reads XML.  No network, no DTD loading,
 * no external entities, no entity substitution, bounded depth
 * (issue 6: XXE and billion-laughs inputs fail with a clear error).
 * Parse errors go to `d` as FILE:LINE: error: MESSAGE.
 */
#ifndef XMLIO_H
#define XMLIO_H
#include <libxml/tree.h>

#include "diag.h"

/* Parser options used everywhere: NONET, no DTD, no entities, line numbers. */
int	 xmlio_options(void);
/*
 * Parses `path`.  Returns a new document (free with xmlFreeDoc), or NULL
 * after reporting every parse error, or a DOCTYPE with an internal subset
 * declaring entities, to `d`.
 */
xmlDocPtr xmlio_load(const char *path, struct diag *d);
/* Writes `doc` atomically (UTF-8, indented).  0, or -1 after reporting. */
int	 xmlio_save(xmlDocPtr doc, const char *path, struct diag *d);
/* Attribute value or NULL; the pointer is owned by the caller (xmlFree). */
char	*xmlio_attr(xmlNodePtr n, const char *name);

#endif
