#!/usr/bin/env python3
"""Parse the annex table of seed 000 (平成25年度 評価に当たり考慮すべき状況).

Dev-time tool: `matrix2013.py SEED000 > input/2013/matrix.xml`.  The
committed XML is the source of truth.

The annex is a markdown table (field | policy content | conditions) whose
conditions are HTML lists or "・…<br>" runs; page breaks split it into
several tables and shift a few cells (see FIXES below).  FY2013 entries
target the field id (1-1 …; area 4 has no fields: "4"), with the policy
content (施策の内容) as title.
"""
import re
import sys
import unicodedata
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, __import__('os').path.dirname(__file__))
from matrix2014 import split_source, split_conditions, domains_xml  # noqa: E402

ANNEX_START = '## サイバーセキュリティ政策領域における評価に当たり考慮すべき状況'
CIRCLED = '①②③④⑤⑥⑦⑧⑨'

# Short ids for countable figures; the same id as FY2014 where the
# indicator is the same, so a series spans both years.
IDS = {
    'インシデント報告関連件数': 'incident-reports',
    'コンピュータウイルス届出状況': 'virus-reports',
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
    'サイバー攻撃に対する各種訓練及び研修の実施状況': 'cyber-drills',
    '経営層向けセミナーの開催状況': 'executive-seminars',
    '日・ASEAN情報セキュリティ政策会議等の開催状況': 'asean-meetings',
    'スパムメール対策の状況': 'spam-countermeasures',
    'フィッシング対策協議会の活動状況': 'anti-phishing-council',
    'クラウドサービスの利用状況': 'cloud-usage',
    'スマートフォンの利用状況': 'smartphone-usage',
    '共通脅威分析において実施した検討項目件数': 'common-threat-analysis',
    '重要インフラ事業者等の取組の検証における検証レベルを逸脱したIT障害等の発生状況': 'ci-it-failures',
    'SaaS利用に伴う外部への支払い費用': 'saas-spending',
    'BtoB EC（企業間電子商取引）市場規模について（我が国情報経済社会における基盤整備）':
        'b2b-ec-market',
    'EtoC EC（消費者向け電子商取引）市場規模について（我が国情報経済社会における基盤整備）':
        'b2c-ec-market',
    '分野横断的演習における参加規模と参加者の意向': 'ci-exercise-participants',
}

FW = str.maketrans({'(': '（', ')': '）', ':': '：'})


def clean(s):
    s = re.sub(r'</?b>', '', s)
    s = s.translate(FW).replace('\u3000', ' ')
    s = re.sub(r' {2,}', ' ', s)
    return s.strip()


def conditions(cell):
    cell = re.sub(r'<ul[^>]*>|</ul>', '', cell)
    out = []
    for part in re.split(r'<li>|</li>|<br\s*/?>', cell):
        part = clean(part).lstrip('・').strip()
        if not part:
            continue
        # two statements in one bullet: split at "。" not before a source
        for s in re.split(r'(?<=。)(?![（(])', part):
            s = s.strip()
            if s:
                out.extend(split_conditions(s))
    return out


class Entry:
    def __init__(self, target, title):
        self.target, self.title, self.conds = target, title, []


def parse(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    start = lines.index(ANNEX_START)
    area = field = None
    entries = []
    for line in lines[start + 1:]:
        m = re.match(r'^## (\d)\s*「', line)
        if m:
            area, field = m.group(1), None
            continue
        if not line.startswith('|'):
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) < 3 or re.match(r'^-+$', cells[0].replace(' ', '')):
            continue
        if all(not c for c in cells):
            continue
        a, b, c = cells[0], cells[1], cells[2]
        if a.startswith('サイバーセキュリティ政策分野'):
            area = '1'          # the header row
            continue
        ta, tb = clean(a), clean(b)
        m = re.match(r'^(\d)\s*(「|推進体制等)', ta)
        if m:
            area, field = m.group(1), None
            continue
        if tb and tb[0] in CIRCLED:
            # shifted row: field in the content column, content in the
            # conditions column, its conditions lost by the extraction
            field = str(CIRCLED.index(tb[0]) + 1)
            entries.append(Entry('%s-%s' % (area, field), clean(c).lstrip('・')))
            continue
        if ta and ta[0] in CIRCLED:
            field = str(CIRCLED.index(ta[0]) + 1)
            content = tb
        elif ta and not tb:
            content = ta            # shifted row: content in the field column
        else:
            content = tb
        if not content:
            # continuation across a page break: same entry
            entries[-1].conds.extend(conditions(c))
            continue
        target = area if field is None else '%s-%s' % (area, field)
        e = Entry(target, content)
        e.conds = conditions(c)
        entries.append(e)
    return entries


HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- FY2013 evaluation matrix, from the annex table of seed 000 (平成25年度
     サイバーセキュリティ政策の評価等の実施方針, 別添).  Made with
     pipeline/tools/matrix2013.py, then kept by hand: this file is the source
     of truth.  Entries target fields (area 4: the area) of input/2013/plan.xml;
     title = サイバーセキュリティ政策内容.  Half-width ( ) : of the extraction are
     written full-width; statements joined in one bullet are split.
     Page breaks shift cells in the seed's table: the row 中小企業に対する
     情報セキュリティ対策支援 has no conditions there, and the twelve
     情報処理実態調査 conditions on the next page continue the row
     情報セキュリティガバナンスの確立. -->
<matrix year="2013" title="平成25年度 サイバーセキュリティ政策の評価等の実施方針"
        body="情報セキュリティ政策会議" date="2014-01-23">
'''

BODY = '''  <viewpoint kind="output" title="結果（アウトプット）を測る視点">
    <p>「結果を測る視点」による評価は、年度計画の個々の施策がどのような結果をもたらしたのか、各年度における進捗状況を確認するものである。</p>
  </viewpoint>
  <viewpoint kind="outcome" title="成果（アウトカム）を測る視点">
    <p>「成果を測る視点」による評価は、施策により実現した社会が戦略の目標、すなわち理想とする社会にどれだけ近づけたのか、戦略に照らして期間中の成果を確認するものである。</p>
  </viewpoint>
  <text title="前文">
    <p>情報セキュリティ政策会議（以下「政策会議」という。）は、「サイバーセキュリティ政策の評価等の基本方針」（平成26年1月23日政策会議決定。）に基づき、「サイバーセキュリティ戦略」（平成25年6月10日政策会議決定。以下「戦略」という。）及び「サイバーセキュリティ2013」（平成25年6月27日政策会議決定。以下「年度計画」という。）に基づく内閣官房及び各府省庁の取組につき、以下のとおり、評価指標に基づくデータの把握及び評価、補完調査、分析等（以下「評価等」という。）を実施するものとする。</p>
  </text>
  <text title="1 評価等の対象">
    <p>政策会議は、戦略及び年度計画に基づき設定した「サイバーセキュリティ政策領域」（表1）を対象として、評価等を実施するものとする。</p>
  </text>
  <text title="2 評価等の視点">
    <p>政策会議は、リスクや脅威が常に変化し続けるサイバーセキュリティ分野の特性を考慮しつつ、施策の実施主体や対象の特性を勘案のうえ、「結果（アウトプット）を測る視点」と「成果（アウトカム）を測る視点」から、総合的に評価等を実施するものとする。</p>
    <p>政府機関等における対策のうち、内閣官房及び各府省庁におけるサイバーセキュリティ対策の具体的な実施状況については、政府機関統一基準群<fn n="1">「政府機関の情報セキュリティ対策のための統一規範」、「政府機関の情報セキュリティ対策における政府機関統一管理基準及び政府機関統一技術基準の策定と運用等に関する指針」、「政府機関の情報セキュリティ対策のための統一管理基準（平成24年度版）」及び「政府機関の情報セキュリティ対策のための統一技術基準（平成24年度版）」を指す。</fn>に基づき、対策実施状況報告書等をもとに客観的な評価を行い、年次報告の一部として取りまとめるものとする。</p>
    <p>重要インフラ事業者等における対策のうち、内閣官房及び重要インフラ所管省庁におけるサイバーセキュリティ対策の具体的な実施状況については、「重要インフラの情報セキュリティ対策に係る第2次行動計画」<fn n="2">平成21年2月3日政策会議決定、平成24年4月3日改定。</fn>に基づく施策の成果検証等をもとに評価を行い、年次報告の一部として取りまとめるものとする。</p>
    <p>なお、政府機関等における対策、重要インフラ事業者等における対策については、必要に応じて各主体による調査等を実施し、これをもって評価等の仕組みとして活用するものとする。</p>
  </text>
  <text title="3 評価等の方法">
    <p>政策会議は、内閣官房及び関係府省庁の協力のもと各施策の進捗状況や成果を確認するとともに、別添「サイバーセキュリティ政策領域における評価に当たり考慮すべき状況」を踏まえて評価等を実施するものとする。</p>
    <p>内閣官房情報セキュリティセンター（以下「NISC」という。）は、それに必要となる次の資料と年次報告の原案を取りまとめるものとする。</p>
    <p>(1) 評価指標に基づくデータの把握及び評価　NISCは、内閣官房のその他の部局及び各府省庁の協力を得て、評価指標に基づくデータを把握し、その評価資料を取りまとめる。</p>
    <p>(2) 補完調査　NISCは、(1)を実施することが困難な事項に関する状況を把握するため、内閣官房のその他の部局及び各府省庁の協力を得て補完調査を実施し、その資料を取りまとめる。補完調査の実施に当たっては、各々の取組の性質及びこれを取り巻く環境が異なることなどを十分に考慮し、柔軟に対応するものとする。</p>
    <p>(3) 分析　NISCは、必要に応じて、評価指標に基づくデータ、評価の結果及び補完調査の結果に基づき必要な分析を行い、その資料を取りまとめる。</p>
  </text>
'''


def main():
    if len(sys.argv) != 2:
        sys.stderr.write('usage: matrix2013.py SEED000\n')
        sys.exit(2)
    entries = parse(sys.argv[1])
    used = set()
    out = [HEAD.rstrip('\n'), domains_xml('表1 サイバーセキュリティ政策領域'), BODY.rstrip('\n')]
    for e in entries:
        out.append('  <entry target=%s title=%s>' % (quoteattr(e.target), quoteattr(e.title)))
        for cond in e.conds:
            text, src = split_source(cond)
            iid = IDS.get(text)
            if iid in used:
                iid = None
            if iid:
                used.add(iid)
            out.append('    <indicator%s><text>%s</text>%s</indicator>' % (
                ' id="%s"' % iid if iid else '', escape(text),
                '<source>%s</source>' % escape(src) if src else ''))
        out.append('  </entry>')
    out.append('</matrix>')
    missing = set(IDS.values()) - used
    if missing:
        sys.stderr.write('matrix2013: ids not placed: %s\n' % ' '.join(sorted(missing)))
    sys.stdout.write(unicodedata.normalize('NFC', '\n'.join(out)) + '\n')


if __name__ == '__main__':
    main()
