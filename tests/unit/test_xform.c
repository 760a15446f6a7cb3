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
	const char *names[] = {"in.xml",     "text.xsl",    "write.xsl", "stop.xsl",
	                       "out",        "pwned",       "sin.xml",   "plan.xml",
	                       "mx.xml",     "stream.xsl",  "stale.xml", "tin.xml",
	                       "tstream.xsl"};
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
	out = slurp("out");
	assert_null(out);
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

#define STREAM_XSL_HEAD \
	"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'" \
	" xmlns:xf='urn:pipeline:xform' exclude-result-prefixes='xf'>"

/*
 * Streaming (xform.c "Streaming"): with a run per chunk, the merged plan
 * drives the runs (chunk 2 has no input chunk), the input's chunk with the
 * same key joins it, the matrix's elements go with their target, what
 * no chunk took waits for the final run, carries are seen by the later
 * runs (to="final": by the final run only), the input's elements after
 * its chunks are there for the final run, and the chunks' output goes
 * where the final result has <xf:body/>.
 */
static void
test_stream(void **state)
{
	struct diag d;
	char *out, *pl = path("plan.xml"), *mx = path("mx.xml");
	struct xform_param p[] = {{"plan", pl}, {"mx", mx}};
	int k;

	(void)state;
	put("sin.xml", "<in a='1'><h>head</h><c k='1'><x>one</x></c>\n<c k='3'><x>three</x></c>"
	               "<t>tail</t></in>\n");
	put("plan.xml", "<p><i/><c id='1' n='A'/><c id='2' n='B'/><c id='3' n='C'/></p>\n");
	put("mx.xml", "<m><e target='3'>e3</e><e target='1'>e1</e><e>head-e</e>"
	              "<e target='9'>e9</e></m>\n");
	put("stream.xsl",
	    STREAM_XSL_HEAD
	    "<xf:stream chunk='c' key='k'/><xf:merge param='plan' chunk='c' key='id'/>"
	    "<xf:merge param='mx' by='target'/>"
	    "<xsl:param name='part'/><xsl:param name='plan'/><xsl:param name='mx'/>"
	    "<xsl:output method='xml' indent='no' omit-xml-declaration='yes'/>"
	    "<xsl:template match='/'><xsl:choose><xsl:when test=\"$part = 'chunk'\">"
	    "<o><xsl:for-each select='/in/p/c'>"
	    "<c id='{@id}' n='{@n}' x='{/in/c[@k = current()/@id]/x}'"
	    " e='{/in/m/e[@target = current()/@id]}' seen='{count(/in/xf:carry/s)}'"
	    " fin='{count(/in/xf:carry/f)}' head='{/in/h}' me='{count(/in/m/e)}'/>"
	    "</xsl:for-each>"
	    "<xf:carry><s/></xf:carry><xf:carry to='final'><f/></xf:carry></o>"
	    "</xsl:when><xsl:otherwise>"
	    "<o n='{count(/in/xf:carry/f)}' t='{/in/t}' left='{/in/m/e[@target]}'>"
	    "<b/><xf:body/><a/></o>"
	    "</xsl:otherwise></xsl:choose></xsl:template></xsl:stylesheet>\n");
	setenv("XFORM_CHUNK_ELEMENTS", "1", 1);
	/* Twice: the files parsed at once, then read as streams. */
	for (k = 0; k < 2; k++) {
	if (k == 1)
		setenv("XFORM_STREAM_ABOVE", "0", 1);
	diag_init(&d, NULL);
	assert_int_equal(run_on("stream.xsl", "sin.xml", p, 2, &d), XFORM_OK);
	assert_int_equal(d.errors, 0);
	out = slurp("out");
	assert_non_null(out);
	assert_string_equal(out,
	    "<o n=\"3\" t=\"tail\" left=\"e9\"><b/>"
	    "<c id=\"1\" n=\"A\" x=\"one\" e=\"e1\" seen=\"0\" fin=\"0\" head=\"head\" me=\"2\"/>"
	    "<c id=\"2\" n=\"B\" x=\"\" e=\"\" seen=\"1\" fin=\"0\" head=\"head\" me=\"1\"/>"
	    "<c id=\"3\" n=\"C\" x=\"three\" e=\"e3\" seen=\"2\" fin=\"0\" head=\"head\" me=\"2\"/>"
	    "<a/></o>");
	free(out);
	diag_release(&d);
	}
	unsetenv("XFORM_STREAM_ABOVE");

	/* The default chunk size takes the three chunks in one run. */
	unsetenv("XFORM_CHUNK_ELEMENTS");
	diag_init(&d, NULL);
	assert_int_equal(run_on("stream.xsl", "sin.xml", p, 2, &d), XFORM_OK);
	out = slurp("out");
	assert_non_null(out);
	assert_non_null(out ? strstr(out, "<c id=\"3\" n=\"C\" x=\"three\" e=\"e3\" seen=\"0\"") : NULL);
	free(out);
	diag_release(&d);

	/* An input chunk the plan does not have, in its order: refused. */
	put("stale.xml", "<in><c k='1'/><c k='7'/></in>\n");
	for (k = 0; k < 2; k++) {
		if (k == 1)
			setenv("XFORM_STREAM_ABOVE", "0", 1);
		diag_init(&d, NULL);
		assert_int_equal(run_on("stream.xsl", "stale.xml", p, 2, &d), XFORM_INPUT);
		assert_int_equal(d.errors, 1);
		assert_non_null(strstr(d.v[0].message, "<c k=\"7\"> has no counterpart in"));
		assert_int_equal(d.v[0].line, 1);
		diag_release(&d);
	}
	unsetenv("XFORM_STREAM_ABOVE");

	/* A merged file that is not given: the parameters are named. */
	diag_init(&d, NULL);
	assert_int_equal(run_on("stream.xsl", "sin.xml", p, 1, &d), XFORM_INPUT);
	assert_string_equal(d.v[0].message, "the parameters plan and mx are required (paths)");
	diag_release(&d);
	free(pl);
	free(mx);
}

/* Text output: the final run's text first (a CSV header), then the chunks'. */
static void
test_stream_text(void **state)
{
	struct diag d;
	char *out;

	(void)state;
	put("tin.xml", "<r><c>a</c><c>b</c><c>c</c></r>\n");
	put("tstream.xsl",
	    STREAM_XSL_HEAD
	    "<xf:stream chunk='c'/><xsl:param name='part'/><xsl:output method='text'/>"
	    "<xsl:template match='/'><xsl:choose>"
	    "<xsl:when test=\"$part = 'final'\">head&#10;</xsl:when>"
	    "<xsl:otherwise><xsl:for-each select='/r/c'><xsl:value-of select='.'/>"
	    "<xsl:text>&#10;</xsl:text></xsl:for-each></xsl:otherwise>"
	    "</xsl:choose></xsl:template></xsl:stylesheet>\n");
	setenv("XFORM_CHUNK_ELEMENTS", "1", 1);
	diag_init(&d, NULL);
	assert_int_equal(run_on("tstream.xsl", "tin.xml", NULL, 0, &d), XFORM_OK);
	out = slurp("out");
	assert_non_null(out);
	assert_string_equal(out, "head\na\nb\nc\n");
	free(out);
	diag_release(&d);
	unsetenv("XFORM_CHUNK_ELEMENTS");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_string_param),
	    cmocka_unit_test(test_write_refused),
	    cmocka_unit_test(test_terminate),
	    cmocka_unit_test(test_stream),
	    cmocka_unit_test(test_stream_text),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
