/*
 * inventory: the submissions folder → manifest (inventory.h).
 */
#include "inventory.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/xmlwriter.h>

#include "opts.h"
#include "strbuf.h"
#include "xmem.h"

struct entry {
	char *raw;  /* the name's bytes */
	char *name; /* what the manifest shows */
	const char *verdict;
	char *reason;
	long long size; /* -1: not recorded */
	char *sha256;
};

/* Names the operating system or Excel leaves beside files. */
static const char *const litter[] = {".DS_Store", "Thumbs.db", "desktop.ini", "ehthumbs.db"};

static int
name_ok(const char *s)
{
	const char *p;

	if (!g_utf8_validate(s, -1, NULL))
		return 0;
	for (p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c < 0x20 || (c >= 0x7f && c < 0xa0))
			return 0;
	}
	return 1;
}

/* The name with every byte outside printable ASCII as \xNN. */
static char *
escape_name(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c < 0x7f && c != '\\')
			strbuf_addch(&sb, c);
		else
			strbuf_addf(&sb, "\\x%02X", c);
	}
	return strbuf_detach(&sb);
}

char *
inventory_hash_fd(int fd, long long *size, struct strbuf *keep)
{
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
	char buf[65536], *hex;
	ssize_t n;

	*size = 0;
	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		g_checksum_update(ck, (const guchar *)buf, (gsize)n);
		*size += n;
		if (keep)
			strbuf_add(keep, buf, (size_t)n);
	}
	if (n < 0) {
		int e = errno;

		g_checksum_free(ck);
		errno = e;
		return NULL;
	}
	hex = xstrdup(g_checksum_get_string(ck));
	g_checksum_free(ck);
	return hex;
}

static const char *
extension(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot && dot != name ? dot + 1 : "";
}

static void
set(struct entry *e, const char *verdict, const char *reason)
{
	e->verdict = verdict;
	free(e->reason);
	e->reason = reason ? xstrdup(reason) : NULL;
}

/* Opens a regular file without following a link or blocking on a FIFO and
 * hashes it into `e`; an error entry when it cannot be read. */
static void
hash_entry(int dirfd, struct entry *e)
{
	int fd = openat(dirfd, e->raw, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	const char *why = NULL;
	struct stat st;

	if (fd < 0 || fstat(fd, &st) < 0)
		why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	else if ((e->sha256 = inventory_hash_fd(fd, &e->size, NULL)) == NULL)
		why = strerror(errno);
	if (fd >= 0)
		close(fd);
	if (why) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "cannot be read (%s); check that it is a file you may read", why);
		e->verdict = "error";
		free(e->reason);
		e->reason = strbuf_detach(&sb);
		e->size = -1;
	}
}

static void
classify(int dirfd, struct entry *e)
{
	struct stat st;
	const char *ext = extension(e->raw);
	size_t i;

	e->size = -1;
	e->name = name_ok(e->raw) ? xstrdup(e->raw) : escape_name(e->raw);
	if (!name_ok(e->raw))
		return set(e, "error",
		           "the file name is not valid UTF-8 or holds a control character; "
		           "rename the file and run again");
	if (fstatat(dirfd, e->raw, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return set(e, "error", "vanished while the folder was listed; run again");
	if (S_ISLNK(st.st_mode))
		return set(e, "error",
		           "a symbolic link; links are not followed: put the file itself in "
		           "the folder");
	if (S_ISDIR(st.st_mode))
		return set(e, "error",
		           "a folder; files in folders are not read: move the CSV files into "
		           "submissions/ itself");
	if (!S_ISREG(st.st_mode))
		return set(e, "error",
		           "not a regular file (a FIFO, device or socket); remove it from the "
		           "folder");
	if (strncmp(e->raw, "~$", 2) == 0)
		return set(e, "skip",
		           "an Excel lock file (the workbook is open in Excel); skipped");
	if (strncmp(e->raw, "._", 2) == 0)
		return set(e, "skip", "a file the operating system made (macOS); skipped");
	for (i = 0; i < sizeof(litter) / sizeof(litter[0]); i++)
		if (g_ascii_strcasecmp(e->raw, litter[i]) == 0)
			return set(e, "skip", "a file the operating system made; skipped");
	if (g_ascii_strcasecmp(e->raw, "README.md") == 0 ||
	    g_ascii_strcasecmp(e->raw, "README") == 0)
		return set(e, "skip", "notes for people, not a submission; skipped");
	if (g_ascii_strcasecmp(ext, "csv") == 0 || g_ascii_strcasecmp(ext, "txt") == 0 ||
	    g_ascii_strcasecmp(ext, "tsv") == 0 || g_ascii_strcasecmp(ext, "xlsx") == 0 ||
	    g_ascii_strcasecmp(ext, "xlsm") == 0) {
		set(e, "read", NULL);
		return hash_entry(dirfd, e);
	}
	if (g_ascii_strcasecmp(ext, "xls") == 0)
		set(e, "error",
		    "an old Excel workbook (.xls) is not read; open it in Excel and save it as "
		    "Excel Workbook (.xlsx), then put the .xlsx here instead");
	else
		set(e, "error",
		    "not a submission file (only .csv, .xlsx, or Excel's Unicode text .txt, is "
		    "read); remove it or save it as .xlsx or CSV");
	e->size = (long long)st.st_size;
}

static int
by_raw(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->raw, ((const struct entry *)b)->raw);
}

static int
write_input(xmlTextWriterPtr w, const char *kind, const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC), rc = 0;
	struct stat st;
	long long size;
	char *hex = NULL;

	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		hex = inventory_hash_fd(fd, &size, NULL);
	if (fd >= 0)
		close(fd);
	rc |= xmlTextWriterStartElement(w, BAD_CAST "input") < 0;
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "kind", BAD_CAST kind) < 0;
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "path", BAD_CAST path) < 0;
	if (hex)
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "sha256", BAD_CAST hex) < 0;
	else
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "missing", BAD_CAST "yes") < 0;
	rc |= xmlTextWriterEndElement(w) < 0;
	free(hex);
	return rc ? -1 : 0;
}

int
inventory_write(const struct inventory_args *a, xmlBufferPtr out, char **err)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	struct entry *v = NULL;
	size_t n = 0, alloc = 0, i;
	int dirfd, rc = 0;
	DIR *dp = NULL;
	struct dirent *de;
	xmlTextWriterPtr w;

	*err = NULL;
	dirfd = open(a->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0 && errno != ENOENT) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "%s: cannot list the folder: %s", a->dir, strerror(errno));
		*err = strbuf_detach(&sb);
		return -1;
	}
	if (dirfd >= 0) {
		int dupfd = dup(dirfd);

		if (dupfd < 0 || (dp = fdopendir(dupfd)) == NULL) {
			struct strbuf sb = STRBUF_INIT;

			strbuf_addf(&sb, "%s: cannot list the folder: %s", a->dir, strerror(errno));
			*err = strbuf_detach(&sb);
			close(dirfd);
			return -1;
		}
		while ((errno = 0, de = readdir(dp)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			if (n == alloc) {
				alloc = alloc ? 2 * alloc : 64;
				v = xreallocarray(v, alloc, sizeof(*v));
			}
			memset(&v[n], 0, sizeof(v[n]));
			v[n++].raw = xstrdup(de->d_name);
		}
		closedir(dp);
		if (n > 1)
			qsort(v, n, sizeof(*v), by_raw);
		for (i = 0; i < n; i++)
			classify(dirfd, &v[i]);
		close(dirfd);
	}

	w = xmlNewTextWriterMemory(out, 0);
	rc |= w == NULL;
	if (w) {
		rc |= xmlTextWriterSetIndent(w, 1) < 0;
		rc |= xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0;
		rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
		rc |= xmlTextWriterStartElement(w, BAD_CAST "manifest") < 0;
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "year", BAD_CAST a->year) < 0;
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "dir", BAD_CAST a->dir) < 0;
		if (dirfd < 0)
			rc |=
			    xmlTextWriterWriteAttribute(w, BAD_CAST "missing", BAD_CAST "yes") < 0;
		rc |= write_input(w, "registry", a->registry);
		rc |= write_input(w, "plan", a->plan);
		rc |= write_input(w, "matrix", a->matrix);
		rc |= xmlTextWriterStartElement(w, BAD_CAST "setting") < 0;
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST "REPORT_DATE") < 0;
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST a->report_date) < 0;
		rc |= xmlTextWriterEndElement(w) < 0;
		/* render dates the PDFs from it (reproducible builds): it reaches
		 * the PDFs like REPORT_DATE, so a change rebuilds them */
		rc |= xmlTextWriterStartElement(w, BAD_CAST "setting") < 0;
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "name",
		                                  BAD_CAST "SOURCE_DATE_EPOCH") < 0;
		rc |= xmlTextWriterWriteAttribute(
		          w, BAD_CAST "value",
		          BAD_CAST(epoch && g_utf8_validate(epoch, -1, NULL) ? epoch : "")) < 0;
		rc |= xmlTextWriterEndElement(w) < 0;
		for (i = 0; i < n; i++) {
			rc |= xmlTextWriterStartElement(w, BAD_CAST "entry") < 0;
			rc |=
			    xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST v[i].name) < 0;
			rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "verdict",
			                                  BAD_CAST v[i].verdict) < 0;
			if (v[i].size >= 0)
				rc |= xmlTextWriterWriteFormatAttribute(w, BAD_CAST "size", "%lld",
				                                        v[i].size) < 0;
			if (v[i].sha256)
				rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "sha256",
				                                  BAD_CAST v[i].sha256) < 0;
			if (v[i].reason)
				rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "reason",
				                                  BAD_CAST v[i].reason) < 0;
			rc |= xmlTextWriterEndElement(w) < 0;
		}
		rc |= xmlTextWriterEndDocument(w) < 0;
		xmlFreeTextWriter(w);
	}
	for (i = 0; i < n; i++) {
		free(v[i].raw);
		free(v[i].name);
		free(v[i].reason);
		free(v[i].sha256);
	}
	free(v);
	if (rc) {
		*err = xstrdup("cannot write the manifest (out of memory?)");
		return -1;
	}
	return 0;
}

int
inventory_option(struct inventory_args *a, int c, const char *arg)
{
	const struct opt_to to[] = {{'y', &a->year}, {'s', &a->dir},    {'r', &a->registry},
	                            {'p', &a->plan}, {'m', &a->matrix}, {'D', &a->report_date},
	                            {0, NULL}};

	return opt_store(to, c, arg);
}
