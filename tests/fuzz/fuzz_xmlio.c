/*
 * libFuzzer harness: common/xmlio on arbitrary bytes.  Invariants: a
 * document is returned exactly when no error was reported, and a
 * returned document never holds an entity declaration or reference
 * (issue 6: no entity reaches a stage).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <libxml/tree.h>

#include "diag.h"
#include "xmlio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
has_entity(xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_ENTITY_REF_NODE || n->type == XML_ENTITY_DECL)
			return 1;
		if (n->type == XML_ELEMENT_NODE && has_entity(n->children))
			return 1;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	xmlDocPtr doc;

	diag_init(&d, NULL);
	doc = xmlio_load_memory((const char *)data, size, "fuzz.xml", &d);
	if ((doc != NULL) != (d.errors == 0))
		abort();
	if (doc != NULL) {
		if (doc->intSubset && (doc->intSubset->entities || doc->intSubset->pentities))
			abort();
		if (has_entity(doc->children))
			abort();
		xmlFreeDoc(doc);
	}
	diag_release(&d);
	return 0;
}
