"""join_pdocs.py OUT WORKDIR KIND: the report's (KIND=report) or slides'
files in WORKDIR (front.pdoc, area-ID.pdoc in areas.mk's order, back.pdoc;
issue 13) as the one document render lays them out as, for checkers that
read one .pdoc: every later file's flows' blocks are appended to the
front's last flow (report), or its slides to the front's (slides)."""
import sys, xml.etree.ElementTree as E

out, work, kind = sys.argv[1:4]
areas = open(f"{work}/areas.mk", encoding="utf-8").read().split(":=")[1].split()
files = [f"{work}/{kind}/area-{a}.pdoc" for a in areas] + [f"{work}/{kind}/back.pdoc"]
doc = E.parse(f"{work}/{kind}/front.pdoc").getroot()
for f in files:
    r = E.parse(f).getroot()
    if kind == "slides":
        doc.extend(r.findall("slide"))
    else:
        for fl in r.findall("flow"):
            doc.findall("flow")[-1].extend(list(fl))
E.ElementTree(doc).write(out, encoding="UTF-8", xml_declaration=True)
