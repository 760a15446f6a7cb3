/*
 * opts: the options of a stage that only store their argument.  A stage
 * lists them once, as a table, and its getopt_long() loop handles only
 * the others (flags, help, errors):
 *
 *	const struct opt_to to[] = {{'y', &year}, {'o', &out}, {0, NULL}};
 *	...
 *	default:
 *		if (opt_store(to, c, optarg))
 *			break;
 */
#ifndef OPTS_H
#define OPTS_H

struct opt_to {
	int c;           /* getopt_long()'s value for the option */
	const char **to; /* where its argument goes */
};

/* Stores `arg` where the entry of `v` (ended by {0, NULL}) for `c` says:
 * 1, or 0 when no entry is for `c`. */
int opt_store(const struct opt_to *v, int c, const char *arg);

#endif
