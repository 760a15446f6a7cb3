#!/usr/bin/python3
"""Writes, as a .pot on stdout, the messages of the stylesheets' xsl:message
elements, for po/build.mk's `make pot`.  A stylesheet prints
`WHERE: error: MESSAGE` (or warning); the msgid is MESSAGE, with each
xsl:value-of inside it written %s.  pipeline/xform translates such a line
by looking MESSAGE up, and when it has variable parts, MESSAGE with one
quoted part ('…') replaced by '%s': so a variable part must be in quotes."""
import re
import sys
import xml.etree.ElementTree as ET

XSL = "{http://www.w3.org/1999/XSL/Transform}"
HEAD = re.compile(r"^(?:.*?): (?:error|warning): ")


def text_of(el):
    out = [el.text or ""]
    for c in el:
        if c.tag == XSL + "value-of":
            out.append("%s")
        elif c.tag == XSL + "text":
            out.append(c.text or "")
        else:
            out.append(text_of(c))
        out.append(c.tail or "")
    return "".join(out)


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


msgs = {}
for path in sys.argv[1:]:
    for el in ET.parse(path).iter(XSL + "message"):
        t = " ".join(text_of(el).split())
        m = HEAD.match(t)
        if not m:
            sys.exit("%s: xsl:message without 'WHERE: error: ': %s" % (path, t))
        msgs.setdefault(t[m.end():], path)
print('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
for msg in sorted(msgs):
    if "%s" in msg:
        print("#, c-format")
    print("msgid %s\nmsgstr \"\"\n" % quote(msg))
