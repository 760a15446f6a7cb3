/*
 * manifest: reading build/Y/manifest.xml back, and reading one of its
 * entries with the checks the inventory promised (inventory.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "inventory.h"
#include "strbuf.h"
#include "xmem.h"

static char *
prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *s = v ? xstrdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

static char *
msg(const char *fmt, const char *a)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, fmt, a);
	return strbuf_detach(&sb);
}

int
manifest_load(struct manifest *m, const char *path, char **err)
{
	xmlDocPtr doc;
	xmlNodePtr root, n;
	size_t alloc = 0;

	memset(m, 0, sizeof(*m));
	*err = NULL;
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "manifest")) {
		xmlFreeDoc(doc);
		*err = msg("%s: cannot read the manifest; run make again", path);
		return -1;
	}
	m->dir = prop(root, "dir");
	for (n = root->children; n; n = n->next) {
		struct manifest_entry *e;
		char *verdict;

		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "entry"))
			continue;
		if (m->n == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			m->v = xreallocarray(m->v, alloc, sizeof(*m->v));
		}
		e = &m->v[m->n++];
		memset(e, 0, sizeof(*e));
		e->name = prop(n, "name");
		e->reason = prop(n, "reason");
		e->sha256 = prop(n, "sha256");
		verdict = prop(n, "verdict");
		e->verdict = verdict && strcmp(verdict, "read") == 0   ? MANIFEST_READ
		             : verdict && strcmp(verdict, "skip") == 0 ? MANIFEST_SKIP
		                                                       : MANIFEST_ERROR;
		free(verdict);
		if (e->name == NULL || (e->verdict == MANIFEST_READ && e->sha256 == NULL)) {
			xmlFreeDoc(doc);
			manifest_release(m);
			*err = msg("%s: a broken entry in the manifest; run make again", path);
			return -1;
		}
		if (e->reason == NULL && e->verdict != MANIFEST_READ)
			e->reason = xstrdup("not read");
	}
	xmlFreeDoc(doc);
	if (m->dir == NULL) {
		manifest_release(m);
		*err = msg("%s: the manifest names no folder; run make again", path);
		return -1;
	}
	return 0;
}

void
manifest_release(struct manifest *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->v[i].name);
		free(m->v[i].reason);
		free(m->v[i].sha256);
	}
	free(m->v);
	free(m->dir);
	memset(m, 0, sizeof(*m));
}

int
manifest_read_entry(int dirfd, const struct manifest_entry *e, size_t max, char **buf, size_t *len,
                    char **err)
{
	int fd = openat(dirfd, e->name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct strbuf sb;
	struct stat st;
	long long size;
	char *hex;

	*buf = NULL;
	*len = 0;
	if (fd < 0) {
		*err = msg("cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		*err = xstrdup("changed during the run (no longer a regular file); run make again");
		return -1;
	}
	if ((unsigned long long)st.st_size > max) {
		struct strbuf m2 = STRBUF_INIT;

		close(fd);
		strbuf_addf(&m2, "file larger than %zu bytes", max);
		*err = strbuf_detach(&m2);
		return -1;
	}
	strbuf_init(&sb, (size_t)st.st_size);
	hex = inventory_hash_fd(fd, &size, &sb);
	close(fd);
	if (hex == NULL) {
		int e2 = errno;

		strbuf_release(&sb);
		*err = msg("cannot read: %s", strerror(e2));
		return -1;
	}
	if (strcmp(hex, e->sha256) != 0) {
		free(hex);
		strbuf_release(&sb);
		*err = xstrdup("changed during the run (its content is not what the inventory "
		               "saw); run make again");
		return -1;
	}
	free(hex);
	*len = sb.len;
	*buf = sb.buf ? strbuf_detach(&sb) : xstrdup("");
	return 0;
}
