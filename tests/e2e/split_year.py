"""split_year.py SUBMISSIONS PLAN MATRIX DIR: what ingest writes for join
(DIR/year.xml, DIR/area-ID.xml; pipeline/ingest/emit.c) made from a
hand-written submissions.xml, so t0500 can join tests/fixtures/year."""
import copy, sys, xml.etree.ElementTree as E

subs, plan, matrix = (E.parse(p).getroot() for p in sys.argv[1:4])
out = sys.argv[4]
parent = {c: p for p in plan.iter() for c in p}
def area_of(n):
    while n is not None and not (n.tag == 'area' and parent.get(n) is plan):
        n = parent.get(n)
    return n
nodes, fns = {}, {}
for n in plan.iter():
    if n.get('id') is None: continue
    d = fns if n.tag == 'footnote' else nodes if n.tag != 'relist' else {}
    d.setdefault(n.get('id'), n)
where = {}  # id or relist position -> area id
for a in plan.findall('area'):
    for n in a.iter():
        for k in ('id', 'at'):
            if n.get(k): where[n.get(k)] = a.get('id')
rows = {a.get('id'): [] for a in plan.findall('area')}
unplaced = []
for r in [c for c in subs if c.tag in ('progress', 'indicator')] + \
        [c for s in subs.findall('area') for c in s]:
    a = where.get(r.get('target')) or where.get(r.get('measure'))
    (rows[a] if a else unplaced).append(r)
year = copy.copy(subs)
outline_plan = E.Element('plan', plan.attrib)
outline_plan.extend(copy.deepcopy(c) for c in plan if c.tag != 'area')
outline_matrix = E.Element('matrix', matrix.attrib)
outline_matrix.extend(copy.deepcopy(c) for c in matrix
                      if c.tag != 'entry' and not (c.tag == 'text' and c.get('target')))
year[:] = subs.findall('file') + [outline_plan, outline_matrix] + unplaced
for a in plan.findall('area'):
    E.SubElement(year, 'area', ref=a.get('id'), rows=str(len(rows[a.get('id')])))
year.extend(subs.findall('diag'))
E.ElementTree(year).write(f'{out}/year.xml', encoding='UTF-8', xml_declaration=True)
for a in plan.findall('area'):
    ids = {n.get('id') for n in a.iter() if n.get('id')} | {n.get('at') for n in a.iter('relist')}
    doc = E.Element('submissions', year=subs.get('year'), area=a.get('id'))
    p = E.SubElement(doc, 'plan', plan.attrib)
    ew = E.SubElement(p, 'elsewhere')
    for n in a.iter():
        to = fns.get(n.get('ref')) if n.tag == 'fnref' else nodes.get(n.get('ref')) if n.tag == 'relist' else None
        if to is None or area_of(to) is a: continue
        if n.tag == 'fnref': ew.append(copy.deepcopy(to)); continue
        chain, x = [], to
        while x is not plan: chain.insert(0, x); x = parent[x]
        at = ew
        for x in chain: at = E.SubElement(at, x.tag, x.attrib)
    p.append(copy.deepcopy(a))
    m = E.SubElement(doc, 'matrix', matrix.attrib)
    m.extend(copy.deepcopy(c) for c in matrix if c.get('target') in ids)
    names = {r.get('file') for r in rows[a.get('id')] + unplaced}
    doc.extend(copy.deepcopy(f) for f in subs.findall('file') if f.get('name') in names)
    E.SubElement(doc, 'unplaced').extend(copy.deepcopy(unplaced))
    doc.extend(copy.deepcopy(rows[a.get('id')]))
    E.ElementTree(doc).write(f"{out}/area-{a.get('id')}.xml", encoding='UTF-8', xml_declaration=True)
