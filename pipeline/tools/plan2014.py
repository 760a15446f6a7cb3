#!/usr/bin/env python3
"""Build input/2014/plan.xml: the FY2014 measures as seed 001's annex lists
them, with the text of their FY2013 counterparts.

Dev-time tool:
    plan2014.py SEED001 input/2013/plan.xml > input/2014/plan.xml
The committed XML is the source of truth; the match report goes to stderr.

- Structure (areas, fields, sections, 【groups】) and every measure's id,
  label and title come from the annex (pipeline/tools/matrix2014.py parses
  it).  Areas, fields and sections take their titles and lead paragraphs
  from the FY2013 plan, so every area and field exists even where the annex
  lists nothing.
- A FY2014 measure is matched to a FY2013 measure (or 再掲 entry, resolved
  to its canonical measure) by title: exact after normalisation, else the
  best similarity >= THRESHOLD, preferring the same field.  The match gives
  <resp>, <item>s and <footnote>s, and from="<2013 id>".
- A FY2013 measure matched twice (the annex lists a 再掲 twice) is carried
  once; the second listing becomes <relist> pointing at the first.
- Without a counterpart: the title only, and a <resp> taken from the most
  similar FY2013 measure of the same field, stated in a comment.
- Footnotes are renumbered fn1, fn2 … in FY2014 document order.
"""
import copy
import difflib
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, os.path.dirname(__file__))
from matrix2014 import parse_annex  # noqa: E402

THRESHOLD = 0.72

# Measures without a FY2013 counterpart: the FY2013 measure whose <resp> is
# taken, chosen by hand from what the measure is about (the FY2013 text that
# names the same subject).  Each choice is stated in a comment in the XML.
RESP_FROM = {
    '1-1-1-イ': ('1-1-1-ク', '各府省庁が統一基準群に沿って自らのポリシーを見直す: 内閣官房及び全府省庁'),
    '1-1-1-セ': ('1-1-1-ツ', 'サプライチェーン・リスクへの調達時の対策: 政府調達の情報セキュリティ確保と同じ担当'),
    '1-4-ウ': ('1-4-カ', '「サイバーセキュリティの日」は「情報セキュリティ月間」の取組の一部'),
    '1-5-イ': ('1-5-エ', '日本版NCFTAは FY2013 では官民連携の施策の中で警察庁が担当'),
    '1-6-ア': ('1-6-カ', '自衛隊のサイバー防護装置: 防衛省'),
    '1-6-イ': ('1-6-カ', '現行サイバー防護分析装置の後継: 防衛省'),
    '1-6-エ': ('1-6-ウ', 'DII は FY2013 ではネットワーク監視態勢の強化の中で防衛省が担当'),
    '2-3-タ': ('2-3-セ', '情報セキュリティ監査人材の育成は FY2013 の専門家育成の施策と同じ担当'),
    '3-2-イ': ('3-3-イ', 'サイバー犯罪の国際協力は警察庁'),
}


def norm(s):
    s = unicodedata.normalize('NFKC', s)
    s = re.sub(r'[\s・、。,.「」『』()（）【】"]', '', s)
    return s.replace('なりすまし', '成りすまし')


def sim(a, b):
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()


class Old:
    """A FY2013 measure (or relist resolved to its measure)."""

    def __init__(self, el, field, canonical=None):
        self.el = el                          # <measure> (canonical)
        self.title = el.get('title') if canonical is None else canonical[1]
        self.id = el.get('id')
        self.field = field                    # "1-1" or "4"


def load_2013(path):
    tree = ET.parse(path)
    root = tree.getroot()
    measures = {}
    olds = []

    def walk(el, field):
        for ch in el:
            if ch.tag == 'area':
                walk(ch, ch.get('id'))
            elif ch.tag == 'field':
                walk(ch, ch.get('id'))
            elif ch.tag in ('section', 'group'):
                walk(ch, field)
            elif ch.tag == 'measure':
                measures[ch.get('id')] = ch
                olds.append(Old(ch, field))
            elif ch.tag == 'relist':
                olds.append(('relist', ch, field))
    walk(root, None)
    out = []
    for o in olds:
        if isinstance(o, tuple):
            _, rl, field = o
            m = measures.get(rl.get('ref'))
            if m is not None:
                out.append(Old(m, field, canonical=(rl.get('at'), rl.get('title'))))
        else:
            out.append(o)
    return root, out


def field_of(m):
    return m.area + ('-' + m.field if m.field else '')


def match(m, olds):
    title = m.title
    nt = norm(title)
    f = field_of(m)
    exact = [o for o in olds if norm(o.title) == nt]
    if exact:
        same = [o for o in exact if o.field == f]
        return (same or exact)[0], 1.0
    best, score = None, 0.0
    for o in olds:
        # same field, and more so the same position: evidence beyond the title
        s = sim(title, o.title) + (0.05 if o.field == f else 0.0) + \
            (0.05 if o.id == m.id else 0.0)
        if s > score:
            best, score = o, s
    if score >= THRESHOLD:
        return best, min(score, 0.99)
    return None, score


def infer_resp(m, olds):
    if m.id in RESP_FROM:
        oid, why = RESP_FROM[m.id]
        o = next(o for o in olds if o.id == oid)
        return o, o.el.find('resp'), why
    f = field_of(m)
    cands = [o for o in olds if o.field == f and o.el.find('resp') is not None]
    if not cands:
        return None, None, None
    best = max(cands, key=lambda o: sim(m.title, o.title))
    return best, best.el.find('resp'), 'the most similar title in the field'



def serialize(el, indent):
    s = ET.tostring(el, encoding='unicode').strip().replace(' />', '/>')
    return indent + s


class Writer:
    def __init__(self):
        self.out = []
        self.fn = 0
        self.stats = {'exact': 0, 'fuzzy': 0, 'none': 0, 'relist': 0}
        self.report = []

    def w(self, s):
        self.out.append(s)

    def measure(self, m, old, score, used, olds, ind):
        attrs = 'id=%s label=%s title=%s' % (quoteattr(m.id), quoteattr(m.label),
                                             quoteattr(m.title))
        if old is not None and old.id in used:
            self.stats['relist'] += 1
            first = used[old.id]
            self.report.append('%s -> relist of %s (2013 %s)' % (m.id, first, old.id))
            resp = old.el.find('resp')
            self.w('%s<relist at=%s label=%s ref=%s title=%s>' % (
                ind, quoteattr(m.id), quoteattr(m.label), quoteattr(first), quoteattr(m.title)))
            if resp is not None:
                self.w(serialize(resp, ind + '  '))
            self.w('%s</relist>' % ind)
            return
        if old is None:
            self.stats['none'] += 1
            src, resp, why = infer_resp(m, olds)
            self.report.append('%s %s: no FY2013 counterpart (best %.2f); resp from %s' % (
                m.id, m.title, score, src.id if src else '-'))
            self.w('%s<!-- No FY2013 counterpart (title only).  resp inferred from FY2013 %s'
                   ' 「%s」: %s. -->' % (ind, src.id if src else '-',
                                        src.title if src else '-', why))
            self.w('%s<measure %s>' % (ind, attrs))
            if resp is not None:
                self.w(serialize(resp, ind + '  '))
            self.w('%s</measure>' % ind)
            return
        used[old.id] = m.id
        kind = 'exact' if score >= 1.0 else 'fuzzy'
        self.stats[kind] += 1
        self.report.append('%s %s <- 2013 %s %s (%s %.2f)' % (
            m.id, m.title, old.id, old.title, kind, score))
        self.w('%s<measure %s from=%s>' % (ind, attrs, quoteattr(old.id)))
        el = copy.deepcopy(old.el)
        # renumber footnotes in FY2014 order
        ren = {}
        for fn in el.findall('footnote'):
            self.fn += 1
            ren[fn.get('id')] = 'fn%d' % self.fn
            fn.set('id', 'fn%d' % self.fn)
            fn.set('n', str(self.fn))
        for ref in el.iter('fnref'):
            ref.set('ref', ren.get(ref.get('ref'), ref.get('ref')))
        for ch in el:
            if ch.tag in ('resp', 'item', 'footnote'):
                ch.tail = None
                self.w(serialize(ch, ind + '  '))
        self.w('%s</measure>' % ind)


def build(seed, plan2013):
    measures, _ = parse_annex(seed)
    root13, olds = load_2013(plan2013)
    wr = Writer()
    used = {}
    wr.w('<?xml version="1.0" encoding="UTF-8"?>')
    wr.w('<!-- FY2014 plan: the measures that the annex of seed 001 lists (labels,'
         ' titles, fields, sections, groups as printed there), with responsibility,'
         ' sub-items and footnotes carried over from the FY2013 plan (seed 002) where'
         ' the title matches (from="2013 id").  Made with pipeline/tools/plan2014.py,'
         ' then kept as the source of truth.  Schema: stylesheets/plan.rng. -->')
    wr.w('<plan year="2014" title="サイバーセキュリティ2014" body="情報セキュリティ政策会議"'
         ' date="2014-07-10">')
    by_area = {}
    for m in measures:
        by_area.setdefault(m.area, []).append(m)
    for area in root13.findall('area'):
        aid = area.get('id')
        wr.w('  <area id=%s num=%s title=%s>' % (
            quoteattr(aid), quoteattr(area.get('num')), quoteattr(area.get('title'))))
        for p in area.findall('p'):
            p.tail = None
            wr.w(serialize(p, '    '))
        ams = by_area.get(aid, [])
        fields = area.findall('field')
        if not fields:
            emit_content(wr, [m for m in ams], aid, '    ', used, olds)
        for field in fields:
            fid = field.get('id')
            wr.w('    <field id=%s num=%s mark=%s title=%s>' % (
                quoteattr(fid), quoteattr(field.get('num')), quoteattr(field.get('mark')),
                quoteattr(field.get('title'))))
            for p in field.findall('p'):
                p.tail = None
                wr.w(serialize(p, '      '))
            fms = [m for m in ams if field_of(m) == fid]
            sections = field.findall('section')
            if not fms:
                sys.stderr.write('plan2014: field %s has no FY2014 measure in 001\n' % fid)
            if sections and any(m.section for m in fms):
                for sec in sections:
                    sid = sec.get('id')
                    sms = [m for m in fms if m.section and '%s-%s' % (fid, m.section) == sid]
                    wr.w('      <section id=%s num=%s title=%s>' % (
                        quoteattr(sid), quoteattr(sec.get('num')), quoteattr(sec.get('title'))))
                    emit_content(wr, sms, sid, '        ', used, olds)
                    wr.w('      </section>')
            else:
                emit_content(wr, fms, fid, '      ', used, olds)
            wr.w('    </field>')
        wr.w('  </area>')
    wr.w('</plan>')
    return wr


def emit_content(wr, ms, pid, ind, used, olds):
    """Measures in annex order; consecutive ones of one 【group】 grouped."""
    gn = 0
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.group is None:
            old, score = match(m, olds)
            wr.measure(m, old, score, used, olds, ind)
            i += 1
            continue
        j = i
        while j < len(ms) and ms[j].group == m.group:
            j += 1
        gn += 1
        wr.w('%s<group id="%s-G%d" title=%s>' % (ind, pid, gn, quoteattr(m.group)))
        for g in ms[i:j]:
            old, score = match(g, olds)
            wr.measure(g, old, score, used, olds, ind + '  ')
        wr.w('%s</group>' % ind)
        i = j


def main():
    if len(sys.argv) != 3:
        sys.stderr.write('usage: plan2014.py SEED001 PLAN2013\n')
        sys.exit(2)
    wr = build(sys.argv[1], sys.argv[2])
    for line in wr.report:
        sys.stderr.write(line + '\n')
    s = wr.stats
    sys.stderr.write('plan2014: %d measures matched (%d exact, %d fuzzy), %d relisted, '
                     '%d without counterpart\n' % (s['exact'] + s['fuzzy'], s['exact'],
                                                    s['fuzzy'], s['relist'], s['none']))
    sys.stdout.write(unicodedata.normalize('NFC', '\n'.join(wr.out)) + '\n')


if __name__ == '__main__':
    main()
