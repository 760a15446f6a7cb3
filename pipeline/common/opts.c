/* opts: options that store their argument (opts.h). */
#include "opts.h"

#include <stddef.h>

int
opt_store(const struct opt_to *v, int c, const char *arg)
{
	for (; v->to != NULL; v++)
		if (v->c == c) {
			*v->to = arg;
			return 1;
		}
	return 0;
}
