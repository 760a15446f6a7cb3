#!/usr/bin/env python3
"""Parse the annex of seed 001 (平成26年度 評価に当たり考慮すべき状況).

Dev-time tool.  `matrix2014.py SEED > input/2014/matrix.xml` writes the FY2014
evaluation matrix; plan2014.py imports parse_annex() for the list of FY2014
measures.  The committed XML is the source of truth; this script documents
how it was made and the fixes applied to extraction slips.

The annex is a two-column table flattened to text: a measure heading
"(ア) title" whose title wraps over lines (with blank lines in between),
then conditions "・…" wrapping likewise; a condition may start on the
heading's own line after " ・".  Areas are " １ 「…」", fields "①…",
sections "１）…", groups "【…】".
"""
import re
import sys
import unicodedata
from xml.sax.saxutils import escape, quoteattr

ANNEX_START = 'サイバーセキュリティ政策領域における評価に当たり考慮'
KATA = r'[\u30a1-\u30fa]'
CIRCLED = '①②③④⑤⑥⑦⑧⑨'
FW_DIGITS = str.maketrans('０１２３４５６７８９', '0123456789')

# Titles clipped by the PDF's column width (extraction slips): the FY2013
# plan (seed 002) prints them in full.
TITLE_FIX = {
    'サイバー攻撃事前防止・早期対策に向けた取組の推':
        'サイバー攻撃事前防止・早期対策に向けた取組の推進',
    'サイバー攻撃に関する諸外国関係機関との連携の強':
        'サイバー攻撃に関する諸外国関係機関との連携の強化',
    '「情報セキュリティ研究開発戦略 」の研究開発の推進':
        '「情報セキュリティ研究開発戦略」の研究開発の推進',
}
TEXT_FIX = [('IPｖ６', 'IPv6')]

# Short ids for countable figures (件数, 数, 人数, 実績 …), so indicator CSVs
# can name them.  Key: indicator text; value: id.  First occurrence only
# (ids are unique per matrix).
IDS = {
    'インシデント報告関連件数': 'incident-reports',
    'コンピュータウィルス届出状況': 'virus-reports',
    'コンピュータ不正アクセス届出状況': 'intrusion-reports',
    '脆弱性関連情報の届出状況': 'vulnerability-reports',
    'インターネット安全教室開催数': 'internet-safety-classes',
    'e-ネットキャラバン開催状況': 'e-net-caravan',
    'サイバー犯罪の検挙状況': 'cybercrime-arrests',
    '不正アクセス行為の発生状況': 'unauthorized-access',
    '情報処理技術者試験（情報セキュリティスペシャリスト試験、システム監査技術者試験等）の合格者数':
        'security-exam-passers',
    'サイバー防犯ボランティアの育成状況': 'cyber-volunteers',
    '情報セキュリティ・サポーターの育成・活用状況': 'security-supporters',
    '事故事例等の収集実績': 'incident-cases',
    'ソフトウェア脆弱性に関する情報収集・提供の実績（JPCERT/CC、脆弱性関連情報届出受付制度、脆弱性対策情報データベース）等':
        'vulnerability-advisories',
    '普及啓発ロゴマークの利用状況': 'awareness-logo-use',
    '情報セキュリティに関するポータルサイト等のコンテンツ及びアクセスの状況':
        'portal-access',
    'サイバー攻撃に対する各種訓練及び研修の実施状況': 'cyber-drills',
    '経営層向けセミナーの開催状況': 'executive-seminars',
    '日・ASEAN情報セキュリティ政策会議等の開催状況': 'asean-meetings',
    '各国とのサイバー協議等の開催状況': 'bilateral-dialogues',
    'サイバー犯罪対策能力構築支援の実施状況': 'capacity-building',
    '各地域で情報教育を推進する中核的な役割を担う指導主事等を対象とした研修の実施状況':
        'supervisor-training',
    'スパムメール対策の状況': 'spam-countermeasures',
    'フィッシング対策協議会の活動状況': 'anti-phishing-council',
}

SOURCE_HINT = re.compile(r'[:：]|IPA|JPCERT|レポート|調査|省|庁|委員会')


def clean(s):
    for a, b in TEXT_FIX:
        s = s.replace(a, b)
    s = s.replace('\u3000', ' ')
    s = re.sub(r' {2,}', ' ', s)
    return s.strip()


def split_source(cond):
    """inputs.md: the condition without its trailing parenthesized source."""
    cond = cond.rstrip('。')
    m = re.match(r'^(.+?)[（(]([^（）()]+)[）)]$', cond)
    if not m or not SOURCE_HINT.search(m.group(2)):
        return cond, None
    return m.group(1).rstrip('。'), m.group(2).strip()


def split_conditions(cond):
    """One printed condition may name two figures with two sources."""
    m = re.match(r'^(.+?[）)])、(.+)$', cond)
    if m and split_source(m.group(1))[1] and split_source(m.group(2))[1]:
        return [m.group(1), m.group(2)]
    return [cond]


class Measure:
    def __init__(self, area, field, section, group, label):
        self.area, self.field, self.section = area, field, section
        self.group = group          # group title or None
        self.label = label
        self.title_parts = []
        self.conds = []

    @property
    def title(self):
        t = clean(''.join(self.title_parts))
        return TITLE_FIX.get(t, t)

    @property
    def id(self):
        parts = [self.area]
        if self.field:
            parts.append(self.field)
        if self.section:
            parts.append(self.section)
        parts.append(self.label)
        return '-'.join(parts)


def parse_annex(path):
    """Returns (measures, notes): the FY2014 measures in annex order and
    free text paragraphs found between them (the 1-2 note)."""
    lines = open(path, encoding='utf-8').read().split('\n')
    start = next(i for i, l in enumerate(lines) if ANNEX_START in l)
    area = field = section = group = None
    cur = None
    mode = None                 # 'title' | 'cond' | 'skip'
    measures, notes = [], []
    for raw in lines[start + 1:]:
        line = raw.strip().replace('\u3000', ' ').strip()
        if not line:
            continue
        m = re.match(r'^([１２３４1-4])\s*[ 　]?\s*(「.*|推進体制等)$', line)
        if m:
            area = m.group(1).translate(FW_DIGITS)
            field = section = group = None
            cur, mode = None, 'skip'
            continue
        if line[0] in CIRCLED:
            field = str(CIRCLED.index(line[0]) + 1)
            section = group = None
            cur, mode = None, 'skip'
            continue
        m = re.match(r'^([１２３1-3])）', line)
        if m:
            section = m.group(1).translate(FW_DIGITS)
            group = None
            cur, mode = None, 'skip'
            continue
        m = re.match(r'^【([^】]*)】$', line)
        if m:
            group = m.group(1).strip()
            cur, mode = None, 'skip'
            continue
        if line.startswith('【') and '】、' in line or mode == 'note':
            notes.append((area, field, line))
            mode = 'note' if not line.endswith('。') else 'skip'
            continue
        if line in ('サイバーセキュリティ政策分野・施策内容', '別添', '評価に当たり考慮すべき状況'):
            continue
        m = re.match(r'^\((' + KATA + r')\)\s*(.*)$', line)
        if m:
            cur = Measure(area, field, section, group, m.group(1))
            measures.append(cur)
            rest = m.group(2)
            mode = 'title'
            if ' ・' in rest:
                t, c = rest.split(' ・', 1)
                cur.title_parts.append(t.strip())
                cur.conds.append(c.strip())
                mode = 'cond'
            elif rest:
                cur.title_parts.append(rest)
            continue
        if cur is None:
            continue
        if line.startswith('・'):
            cur.conds.append(line[1:].strip())
            mode = 'cond'
        elif mode == 'title':
            cur.title_parts.append(line)
        elif mode == 'cond':
            cur.conds[-1] += line
    # join wrapped notes into paragraphs
    joined = []
    for a, f, l in notes:
        if joined and not joined[-1][2].endswith('。'):
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + l)
        else:
            joined.append((a, f, l))
    return measures, joined


def indicators(m, used):
    out = []
    for c in m.conds:
        for part in split_conditions(clean(c)):
            text, src = split_source(part)
            iid = IDS.get(text)
            if iid in used:
                iid = None
            if iid:
                used.add(iid)
            out.append((iid, text, src))
    return out


HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- FY2014 evaluation matrix, from the annex of seed 001 (平成26年度
     サイバーセキュリティ政策の評価等の実施方針, 別添).  Made with
     pipeline/tools/matrix2014.py, then kept by hand: this file is the source
     of truth.  Entry targets are FY2014 measure ids of input/2014/plan.xml.
     Fixed extraction slips: clipped titles (…の推 → …の推進, …の強 → …の強化),
     IPｖ６ → IPv6. -->
<matrix year="2014" title="平成26年度 サイバーセキュリティ政策の評価等の実施方針"
        body="サイバーセキュリティ戦略本部" date="2015-02-10">
'''

DOMAINS = [
    ('1', '「強靱な」サイバー空間の構築', ['政府機関等における対策', '重要インフラ事業者等における対策',
        '企業・研究機関等における対策', 'サイバー空間の衛生', 'サイバー空間の犯罪対策', 'サイバー空間の防衛']),
    ('2', '「活力ある」サイバー空間の構築', ['産業活性化', '研究開発', '人材育成', 'リテラシー向上']),
    ('3', '「世界を率先する」サイバー空間の構築', ['外交', '国際展開', '国際連携']),
    ('4', '推進体制等', []),
]


def domains_xml(title):
    out = ['  <domains title=%s>' % quoteattr(title)]
    for ref, t, fields in DOMAINS:
        if not fields:
            out.append('    <domain ref="%s" title=%s/>' % (ref, quoteattr(t)))
            continue
        out.append('    <domain ref="%s" title=%s>' % (ref, quoteattr(t)))
        for i, f in enumerate(fields, 1):
            out.append('      <domain ref="%s-%d" title=%s/>' % (ref, i, quoteattr(f)))
        out.append('    </domain>')
    out.append('  </domains>')
    return '\n'.join(out)


BODY = '''  <viewpoint kind="output" title="結果（アウトプット）を測る視点">
    <p>「結果を測る視点」による評価は、年度計画の個々の施策がどのような結果をもたらしたのか、各年度における進捗状況を確認するものである。</p>
  </viewpoint>
  <viewpoint kind="outcome" title="成果（アウトカム）を測る視点">
    <p>「成果を測る視点」による評価は、施策により実現した社会が戦略の目標、すなわち理想とする社会にどれだけ近づけたのか、戦略に照らして期間中の成果を確認するものである。</p>
  </viewpoint>
  <text title="前文">
    <p>サイバーセキュリティ戦略本部（以下「本部」という。）は、「サイバーセキュリティ政策の評価等の基本方針」（平成26年1月23日情報セキュリティ政策会議決定）に基づき、「サイバーセキュリティ戦略」（平成25年6月10日情報セキュリティ政策会議決定。以下「戦略」という。）及び「サイバーセキュリティ2014」（平成26年7月10日情報セキュリティ政策会議決定。以下「年次計画」という。）に基づく内閣官房及び各府省庁の取組につき、以下のとおり、評価指標に基づくデータの把握及び評価、補完調査、分析等（以下「評価等」という。）を実施するものとする。</p>
  </text>
  <text title="１ 評価等の対象">
    <p>本部は、戦略及び年度計画に基づき設定した「サイバーセキュリティ政策領域」（表１）を対象として、評価等を実施するものとする。</p>
  </text>
  <text title="２ 評価等の視点">
    <p>本部は、脅威やリスクが常に変化し続けるサイバーセキュリティ分野の特性を考慮しつつ、施策の実施主体や対象の特性を勘案のうえ、「結果（アウトプット）を測る視点」と「成果（アウトカム）を測る視点」から、総合的に評価等を実施するものとする。</p>
    <p>政府機関等における対策のうち、政府機関統一基準群<fn n="1">「政府機関の情報セキュリティ対策のための統一規範」、「政府機関の情報セキュリティ対策のための統一基準の策定と運用等に関する指針」、「政府機関の情報セキュリティ対策のための統一基準（平成26年度版）」（いずれも平成26年5月19日情報セキュリティ政策会議決定）等を指す。</fn>に関連する対策の具体的な実施状況については、同基準群に基づいた点検を踏まえた評価を行い、年次報告の一部として取りまとめるものとする。</p>
    <p>重要インフラ事業者等における対策のうち、内閣官房及び重要インフラ所管省庁におけるサイバーセキュリティ対策の具体的な実施状況については、「重要インフラの情報セキュリティ対策に係る第３次行動計画」（平成26年5月19日情報セキュリティ政策会議決定）に基づく施策の成果検証等から評価を行い、年次報告の一部として取りまとめるものとする。</p>
    <p>なお、政府機関等における対策、重要インフラ事業者等における対策については、必要に応じて各主体による調査等を実施し、これをもって評価等の仕組みとして活用するものとする。</p>
  </text>
  <text title="３ 評価等の方法">
    <p>本部は、内閣官房及び関係府省庁の協力のもと、各施策の進捗状況や成果を確認するとともに、別添「サイバーセキュリティ政策領域における評価に当たり考慮すべき状況」を踏まえて評価等を実施するものとする。</p>
    <p>内閣官房内閣サイバーセキュリティセンター（以下「NISC」という。）は、それに必要となる次の資料と年次報告の原案を取りまとめるものとする。</p>
    <p>(1) 評価指標に基づくデータの把握及び評価　NISCは、内閣官房のその他の部局及び各府省庁の協力を得て、評価指標に基づくデータを把握し、その評価資料を取りまとめる。</p>
    <p>(2) 補完調査　NISCは、(1)を実施することが困難な事項に関する状況を把握するため、内閣官房のその他の部局及び各府省庁の協力を得て補完調査を実施し、その資料を取りまとめる。補完調査の実施に当たっては、各々の取組の性質及びこれを取り巻く環境が異なることなどを十分に考慮し、柔軟に対応するものとする。</p>
    <p>(3) 分析　NISCは、必要に応じて、評価指標に基づくデータ、評価の結果及び補完調査の結果に基づき必要な分析を行い、その資料を取りまとめる。</p>
  </text>
'''


def entry_xml(m, used):
    out = ['  <entry target=%s title=%s>' % (quoteattr(m.id), quoteattr(m.title))]
    for iid, text, src in indicators(m, used):
        attr = ' id="%s"' % iid if iid else ''
        out.append('    <indicator%s><text>%s</text>%s</indicator>' % (
            attr, escape(text),
            '<source>%s</source>' % escape(src) if src else ''))
    out.append('  </entry>')
    return '\n'.join(out)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write('usage: matrix2014.py SEED001\n')
        sys.exit(2)
    measures, notes = parse_annex(sys.argv[1])
    used = set()
    out = [HEAD.rstrip('\n'), domains_xml('表１ サイバーセキュリティ政策領域'), BODY.rstrip('\n')]
    for a, f, text in notes:
        target = a + ('-' + f if f else '')
        name = DOMAINS[int(a) - 1][2][int(f) - 1] if f else DOMAINS[int(a) - 1][1]
        out.append('  <text title="%sの評価" target="%s">\n    <p>%s</p>\n  </text>' % (
            name, target, escape(clean(text))))
    for m in measures:
        out.append(entry_xml(m, used))
    out.append('</matrix>')
    sys.stdout.write(unicodedata.normalize('NFC', '\n'.join(out)) + '\n')


if __name__ == '__main__':
    main()
