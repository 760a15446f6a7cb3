#include "layout_int.h"
int
slides_layout(struct lctx *c, const struct model_node *slide)
{
	return 0;
}
