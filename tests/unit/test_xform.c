/*
 * xform_run() (pipeline/xform/xform.h): string parameters, text output,
 * the sandbox and the status of each failure, on stylesheets written to
 * a scratch directory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "xform/xform.h"

static char dir[] = "/tmp/test_xform.XXXXXX";

static char *
path(const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static void
put(const char *name, const char *text)
{
	char *p = path(name);
	FILE *fp = fopen(p, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	free(p);
}

static char *
slurp(const char *name)
{
	char *p = path(name), *buf = calloc(1, 4096);
	FILE *fp = fopen(p, "r");

	free(p);
	if (fp == NULL) {
		free(buf);
		return NULL;
	}
	(void)!fread(buf, 1, 4095, fp);
	fclose(fp);
	return buf;
}

static enum xform_status run_on(const char *xsl, const char *input,
                                const struct xform_param *params, size_t n, struct diag *d);

/* xform_run() on NAME with in.xml, output to "out". */
static enum xform_status
run(const char *xsl, const struct xform_param *params, size_t n, struct diag *d)
{
	return run_on(xsl, "in.xml", params, n, d);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	put("in.xml", "<r><a/><a/></r>\n");
	put("text.xsl",
	    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	    "<xsl:param name='year'/><xsl:output method='text'/>"
	    "<xsl:template match='/'>[<xsl:value-of select='$year'/>]"
	    "<xsl:value-of select='count(//a)'/></xsl:template></xsl:stylesheet>\n");
	put("write.xsl",
	    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
	    " xmlns:exsl='http://exslt.org/common' extension-element-prefixes='exsl'>"
	    "<xsl:template match='/'><exsl:document href='pwned' method='text'>x"
	    "</exsl:document><o/></xsl:template></xsl:stylesheet>\n");
	put("stop.xsl",
	    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	    "<xsl:template match='/'><xsl:message terminate='yes'>no</xsl:message>"
	    "</xsl:template></xsl:stylesheet>\n");
	xform_global_init();
	return 0;
}

static int
teardown(void **state)
{
	const char *names[] = {"in.xml", "text.xsl", "write.xsl", "stop.xsl",  "out",
	                       "pwned",  "sin.xml",  "plan.xml",  "stream.xsl"};
	size_t i;

	(void)state;
	xform_global_release();
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *p = path(names[i]);

		unlink(p);
		free(p);
	}
	rmdir(dir);
	return 0;
}

/* A parameter is a string even when it looks like XPath. */
static void
test_string_param(void **state)
{
	struct xform_param p[] = {{"year", "count(//a) + 'x'"}};
	struct diag d;
	char *out;

	(void)state;
	diag_init(&d, NULL);
	assert_int_equal(run("text.xsl", p, 1, &d), XFORM_OK);
	assert_int_equal(d.errors, 0);
	out = slurp("out");
	assert_non_null(out);
	assert_string_equal(out, "[count(//a) + 'x']2");
	free(out);
	diag_release(&d);
}

static void
test_write_refused(void **state)
{
	struct diag d;
	char *out;

	(void)state;
	diag_init(&d, NULL);
	{
		char *o = path("out");

		unlink(o);
		free(o);
	}
	assert_int_equal(run("write.xsl", NULL, 0, &d), XFORM_INPUT);
	assert_true(d.errors > 0);
	out = slurp("pwned");
	assert_null(out);
	free(out);
	out = slurp("out");
	assert_null(out);
	free(out);
	diag_release(&d);
}

static void
test_terminate(void **state)
{
	struct diag d;

	(void)state;
	diag_init(&d, NULL);
	assert_int_equal(run("stop.xsl", NULL, 0, &d), XFORM_INPUT);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].message, "transformation stopped by xsl:message: no");
	diag_release(&d);
}

/* xform_run() on NAME with INPUT and parameters, output to "out". */
static enum xform_status
run_on(const char *xsl, const char *input, const struct xform_param *params, size_t n,
       struct diag *d)
{
	struct xform_opts o;
	char *s = path(xsl), *in = path(input), *out = path("out");
	enum xform_status st;

	memset(&o, 0, sizeof(o));
	o.stylesheet = s;
	o.input = in;
	o.output = out;
	o.params = params;
	o.nparams = n;
	st = xform_run(&o, d, NULL);
	free(s);
	free(in);
	free(out);
	return st;
}

/*
 * One run over the whole input, with document() for a file named by a
 * parameter (join.xsl's registry, year.xsl's summaries); a stylesheet
 * that still declares xf:stream is run the same way (the element is an
 * unknown top-level element, ignored): no mode of xform's own.
 */
static void
test_document(void **state)
{
	struct diag d;
	char *out, *pl = path("plan.xml");
	struct xform_param p[] = {{"plan", pl}};

	(void)state;
	put("sin.xml", "<in><c k='1'>one</c><c k='2'>two</c></in>\n");
	put("plan.xml", "<plan><area id='1'>A</area><area id='2'>B</area></plan>\n");
	put("stream.xsl",
	    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
	    " xmlns:xf='urn:pipeline:xform' exclude-result-prefixes='xf'>"
	    "<xf:stream chunk='c' key='k'/><xsl:param name='plan'/><xsl:param name='part' "
	    "select=\"'none'\"/>"
	    "<xsl:output method='text'/>"
	    "<xsl:template match='/'><xsl:value-of select='$part'/>"
	    "<xsl:for-each select='/in/c'>"
	    "<xsl:value-of select=\"concat(' ', ., '=', document($plan)/plan/area[@id = "
	    "current()/@k])\"/>"
	    "</xsl:for-each></xsl:template></xsl:stylesheet>\n");
	setenv("XFORM_CHUNK_ELEMENTS", "1", 1); /* gone: changes nothing */
	diag_init(&d, NULL);
	assert_int_equal(run_on("stream.xsl", "sin.xml", p, 1, &d), XFORM_OK);
	out = slurp("out");
	assert_non_null(out);
	assert_string_equal(out, "none one=A two=B");
	free(out);
	diag_release(&d);
	unsetenv("XFORM_CHUNK_ELEMENTS");
	free(pl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_string_param),
	    cmocka_unit_test(test_write_refused),
	    cmocka_unit_test(test_terminate),
	    cmocka_unit_test(test_document),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
