#!/usr/bin/env python3
"""Generate the sample submissions of one fiscal year (issue 2, item 5).

    python3 pipeline/tools/gen_samples.py 2014            # → input/2014/submissions/
    python3 pipeline/tools/gen_samples.py --out DIR 2013  # → DIR (for tests)
    python3 pipeline/tools/gen_samples.py --root R 2014   # inputs from R/input/

Reads input/ministries.xml, input/YEAR/plan.xml and input/YEAR/matrix.xml
(vocabularies of docs/design.md) and writes, into the submissions directory,
one progress CSV per ministry (one ministry split over two files), a few
indicator CSVs, and a README.md that lists every file and every deliberate
gap.  Every stale *.csv in the output directory is removed first.

These are samples, not ministry data: the prose is derived mechanically from
each measure's own plan text (past tense for 実績, future for 今年度の取組),
the figures are invented.  The output is deterministic: every choice is made
from an MD5 hash of ids, never from random() or hash(), so the same inputs
give the same bytes (tests/e2e/t0600-samples.sh checks this).

Everything written is valid per shared/spec/inputs.md; deliberately broken
inputs belong to the tests, not to input/.
"""

import argparse
import csv
import hashlib
import io
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

# ---------------------------------------------------------------------------
# Determinism helpers

def h(*parts):
    """A stable 32-bit hash of the parts."""
    s = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return int(hashlib.md5(s).hexdigest()[:8], 16)


def pick(seq, *parts):
    return seq[h(*parts) % len(seq)]


def chance(pct, *parts):
    return h("chance", *parts) % 100 < pct


# ---------------------------------------------------------------------------
# Inputs

class Ministry:
    def __init__(self, code, name, aliases):
        self.code, self.name, self.aliases = code, name, aliases


class Group:
    def __init__(self, code, name, expect, members, aliases):
        self.code, self.name, self.expect = code, name, expect
        self.members, self.aliases = members, aliases


class Registry:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.ministries = []
        self.groups = {}
        for el in root:
            if el.tag == "ministry":
                self.ministries.append(Ministry(
                    el.get("code"), el.get("name"),
                    [a.text.strip() for a in el.findall("alias") if a.text]))
            elif el.tag == "group":
                self.groups[el.get("code")] = Group(
                    el.get("code"), el.get("name"), el.get("expect", "none"),
                    [m.get("ref") for m in el.findall("member")],
                    [a.text.strip() for a in el.findall("alias") if a.text])
        self.by_code = {m.code: m for m in self.ministries}
        self.order = {m.code: i for i, m in enumerate(self.ministries)}
        # Names that identify a ministry inside plan prose, longest first.
        self.names = []
        for m in self.ministries:
            for n in [m.name] + m.aliases:
                if re.search(r"[^\x00-\x7f]", n) and len(n) >= 2:
                    self.names.append((n, m.code))
        self.names.sort(key=lambda x: (-len(x[0]), x[0]))
        self.generic = set()
        for g in self.groups.values():
            self.generic.add(g.name)
            self.generic.update(g.aliases)
        self.generic.update(["各府省庁", "関係府省庁", "全府省庁", "関係省庁",
                             "各府省", "関係府省", "政府機関", "各政府機関"])

    def mentioned(self, text):
        """Ministry codes named in `text` (longest names first, no overlap)."""
        found, t = [], text
        for n, code in self.names:
            if n in t:
                if code not in found:
                    found.append(code)
                t = t.replace(n, "\0")
        return found


class Node:
    """A plan node: area, field, section, group or measure."""

    def __init__(self, kind, el, parent):
        self.kind, self.el, self.parent = kind, el, parent
        self.id = el.get("id")
        self.num = el.get("num")
        self.mark = el.get("mark")
        self.label = el.get("label")
        self.title = clean(el.get("title") or "")
        self.children = []
        self.items = []
        self.resp_text = ""
        self.resp_min, self.resp_groups = [], []
        if kind == "measure":
            r = el.find("resp")
            if r is not None:
                self.resp_text = r.get("text", "")
                for c in r:
                    if c.tag == "ministry":
                        self.resp_min.append(c.get("ref"))
                    elif c.tag == "group":
                        self.resp_groups.append(c.get("ref"))
            for it in el.findall("item"):
                t = clean("".join(it.itertext()))
                if t:
                    self.items.append(t)

    def area(self):
        n = self
        while n.kind != "area":
            n = n.parent
        return n

    def field(self):
        n = self
        while n is not None and n.kind != "field":
            n = n.parent
        return n

    def section(self):
        n = self
        while n is not None and n.kind != "section":
            n = n.parent
        return n

    def measures(self):
        out = []
        for c in self.children:
            if c.kind == "measure":
                out.append(c)
            out.extend(c.measures())
        return out


def clean(s):
    s = re.sub(r"\s+", " ", s).strip()
    # A space between two Japanese characters is an extraction artefact.
    s = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", s)
    return unicodedata.normalize("NFC", s)


class Plan:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.year = int(root.get("year"))
        self.title = root.get("title", "")
        self.areas = []
        self.nodes = {}
        self.relists = [(r.get("at"), r.get("ref")) for r in root.iter("relist")
                        if r.get("at") and r.get("ref")]
        for el in root:
            if el.tag == "area":
                self.areas.append(self._walk(el, "area", None))

    KINDS = {"area": "area", "field": "field", "section": "section",
             "group": "group", "measure": "measure"}

    def _walk(self, el, kind, parent):
        n = Node(kind, el, parent)
        if n.id:
            self.nodes[n.id] = n
        if kind != "measure":
            for c in el:
                if c.tag in self.KINDS:
                    n.children.append(self._walk(c, self.KINDS[c.tag], n))
        return n

    def measures(self):
        out = []
        for a in self.areas:
            out.extend(a.measures())
        return out

    def fields(self):
        return [c for a in self.areas for c in a.children if c.kind == "field"]


class Indicator:
    def __init__(self, el, target, order):
        self.id = el.get("id")
        t = el.find("text")
        self.text = clean("".join(t.itertext())) if t is not None else ""
        s = el.find("source")
        self.source = clean("".join(s.itertext())) if s is not None else ""
        self.target = target
        self.order = order


def load_matrix(path):
    root = ET.parse(path).getroot()
    out = []
    for e in root.iter("entry"):
        for i in e.findall("indicator"):
            out.append(Indicator(i, e.get("target"), len(out)))
    return out


# ---------------------------------------------------------------------------
# Encodings

CP932_MAP = {
    "\u301c": "\uff5e",  # WAVE DASH → FULLWIDTH TILDE (what Excel writes)
    "\u2212": "\uff0d",  # MINUS SIGN
    "\u2016": "\u2225",  # DOUBLE VERTICAL LINE
    "\u2014": "\u2015",  # EM DASH → HORIZONTAL BAR
    "\u00a2": "\uffe0", "\u00a3": "\uffe1", "\u00ac": "\uffe2",
    "\u00a0": " ", "\u2013": "－", "\u2011": "-",
}


def cp932_safe(s):
    out = []
    for ch in s:
        ch = CP932_MAP.get(ch, ch)
        try:
            ch.encode("cp932")
        except UnicodeEncodeError:
            alt = unicodedata.normalize("NFKC", ch)
            try:
                alt.encode("cp932")
                ch = alt
            except UnicodeEncodeError:
                ch = "〓"
        out.append(ch)
    return "".join(out)


def encodable(s, enc):
    if enc != "cp932":
        return True
    try:
        s.encode("cp932")
        return True
    except UnicodeEncodeError:
        return False


# ---------------------------------------------------------------------------
# Measure id forms (inputs.md "Measure identifiers")

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
LOOKALIKE = {"ヘ": "へ", "ニ": "二", "カ": "力", "ロ": "口", "タ": "夕"}
FW = str.maketrans("0123456789-", "０１２３４５６７８９－")


def id_form(mid, form):
    parts = mid.split("-")
    nums, label = parts[:-1], parts[-1]
    if (not nums or not all(p.isdigit() for p in nums)
            or not re.fullmatch(r"[ァ-ヶ]+", label)):
        return mid
    if form == "canonical":
        return mid
    if form == "dots":
        return ".".join(nums + [label])
    if form == "fullwidth":
        return mid.translate(FW)
    if form == "paren":
        return "-".join(nums) + "-（" + label + "）"
    if form == "lookalike":
        if label in LOOKALIKE:
            return "-".join(nums) + "-" + LOOKALIKE[label]
        return mid
    if form in ("circled", "compact"):
        segs = [nums[0]]
        if len(nums) >= 2:
            f = int(nums[1])
            if not 1 <= f <= len(CIRCLED):
                return mid
            segs.append(CIRCLED[f - 1])
        for s in nums[2:]:
            segs.append(s + ")")
        segs.append("(" + label + ")")
        return ("-" if form == "circled" else "").join(segs)
    return mid


# ---------------------------------------------------------------------------
# Prose

# Sentence endings, present → past; longest first.  (ending, past)
PAST = [
    ("検討を行い、結論を得る。", None),
    ("検討し、結論を得る。", None),
    ("結論を得る。", "結論を得た。"),
    ("ていく。", "てきた。"),
    ("について検討する。", "について検討を行い、論点を整理した。"),
    ("を検討する。", "を検討した。"),
    ("検討する。", "検討を行った。"),
    ("講ずる。", "講じた。"),
    ("得る。", "得た。"), ("見る。", "見た。"), ("出る。", "出た。"),
    ("行く。", "行った。"),
    ("する。", "した。"), ("ある。", "あった。"),
    ("う。", "った。"), ("く。", "いた。"), ("す。", "した。"),
    ("む。", "んだ。"), ("ぶ。", "んだ。"), ("つ。", "った。"),
]
ICHIDAN = set("えけげせぜてでねへべめれいきぎしじちにみりび")
CONCLUDE = ["結論を得た。", "報告書を取りまとめた。", "対応方針を取りまとめた。",
            "検討結果を取りまとめた。"]


def split_sentences(t):
    out, buf, depth = [], "", 0
    for ch in t:
        buf += ch
        if ch in "（(「『":
            depth += 1
        elif ch in "）)」』" and depth:
            depth -= 1
        elif ch == "。" and depth == 0:
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip() if buf.strip().endswith("。") else buf.strip() + "。")
    # 〈…〉 is a heading inside an item, not a sentence.
    return [s for s in out if len(s) > 1 and not re.fullmatch(r"〈.*〉。", s)]


TRAIL_PAREN = re.compile(r"^(.*?)((?:[（(][^（()）]*[)）])*)。$")


def is_past(s):
    m = TRAIL_PAREN.match(s)
    body = m.group(1) if m else s
    return bool(re.search(r"(た|だ)$", body))


def to_past(s, key):
    """One plan sentence in the present/plain form → the past tense."""
    m = TRAIL_PAREN.match(s)
    if not m:
        return s
    body, paren = m.group(1), m.group(2)
    if re.search(r"(た|だ)$", body):
        return s
    b = body + "。"
    for end, past in PAST:
        if b.endswith(end):
            if past is None:        # "…検討を行い、結論を得る。"
                return (b[: -len("結論を得る。")] + pick(CONCLUDE, key)[:-1]
                        + paren + "。")
            return b[: -len(end)] + past[:-1] + paren + "。"
    if b.endswith("る。") and len(b) >= 3:
        before = b[-3]
        if before in ICHIDAN:
            return b[:-2] + "た" + paren + "。"
        return b[:-2] + "った" + paren + "。"
    # A noun ending: a verbal noun after を takes した, others are carried out.
    if re.search(r"を[一-龥]{2}。$", b):
        return b[:-1] + "した" + paren + "。"
    if b.endswith("等。") or re.search(r"[一-龥ァ-ヶA-Za-z0-9）」]。$", b):
        return b[:-1] + "に取り組んだ" + paren + "。"
    return s


CONNECTIVES = ("また、", "さらに、", "なお、", "加えて、", "併せて、", "あわせて、")
DEICTIC = ("これら", "この", "同", "上記", "具体的には", "その")
VERBAL_NOUN_ENDS = ("推進", "強化", "促進", "充実", "整備", "構築", "確保", "支援",
                    "実施", "検討", "普及", "向上", "育成", "拡充", "見直し", "活用",
                    "創設", "改善", "展開", "対応", "対策", "取組", "連携", "参画",
                    "利活用", "協力", "設計等", "促進等", "推進等", "整備等")


def drop_connective(p):
    """A paragraph stands alone: no leading また、 or なお、."""
    for c in CONNECTIVES:
        if p.startswith(c):
            return p[len(c):]
    return p


def lead_sentence(ss):
    """The sentence that best opens a summary bullet, or None."""
    good = [s for s in ss if not s.startswith(CONNECTIVES + DEICTIC)]
    short = [s for s in good if len(s) <= 150]
    if short:
        return short[0]
    if good:
        return min(good, key=len)
    return drop_connective(min(ss, key=len)) if ss else None


def title_act(t):
    """「title」 as the object of a verb: …の推進 に取り組む, else を推進する."""
    if t.endswith(VERBAL_NOUN_ENDS):
        return t + "に取り組む"
    return t + "を推進する"


FUTURE_VARIANTS = ["plain", "continue", "plan", "yearly", "promote"]


def to_future(s, key, next_fy):
    """One plan sentence → a sentence about the coming year."""
    m = TRAIL_PAREN.match(s)
    if not m:
        return s
    body, paren = m.group(1), m.group(2)
    v = pick(FUTURE_VARIANTS, "future", key)
    if v == "continue" and not body.startswith("引き続き"):
        return "引き続き、" + body + paren + "。"
    if v == "yearly":
        return "%d年度においても、%s%s。" % (next_fy, body, paren)
    if v == "plan" and body.endswith("する"):
        return body + paren + "予定である。"
    if v == "promote" and body.endswith("する"):
        return body[:-2] + "していく" + paren + "。"
    return body + paren + "。"


# Phrases that vary the prose; all encodable in CP932.
CHALLENGES = [
    "新たな脅威の動向を踏まえた継続的な見直し",
    "関係機関との連携の一層の強化",
    "取組の効果を定量的に把握するための指標の整備",
    "地方公共団体や中小企業への取組の浸透",
    "専門的な知見を有する人材の確保",
    "PDCAサイクルによる継続的な改善の定着",
    "最新の技術動向への迅速な対応",
    "取組の成果の国民への分かりやすい発信",
    "所管独立行政法人等を含めた対策水準の均質化",
    "標的型攻撃等の巧妙化への対応",
    "官民の情報共有の更なる迅速化",
    "CSIRT間の連携体制の実効性の検証",
]
FOCUS = ["関係府省庁との緊密な連携", "PDCAサイクルの着実な運用",
         "官民の情報共有の推進", "各府省庁における取組の進捗管理",
         "関係機関の協力", "訓練・演習の継続的な実施"]
EVAL_TEMPLATES = [
    "これらの取組により、{t}が着実に進んだ。一方、{c}が課題である。",
    "{t}に向けた取組は概ね計画どおり進捗した。一方、{c}が引き続き課題である。",
    "{y}年度の取組により、{t}について一定の成果が得られた。一方、{c}については更なる検討が必要である。",
    "{f}により、{t}が進んだ。一方、{c}が課題である。",
    "{t}については、{f}により取組が前進した。一方、{c}が課題であり、引き続き検討を要する。",
]
NUMBERS = [
    "説明会を計{a}回開催し、延べ{b:,}人が参加した。",
    "{y}年度中に{a}件の案件について対応を行った。",
    "所管する{a}団体に対して周知を行った。",
    "関係者向けの研修を{a}回実施した（受講者{b}人）。",
    "CSIRT訓練を年{c}回実施し、手順の有効性を確認した。",
    "PDCAサイクルに基づき、{y}年度の実施状況を点検した。",
]
GENERIC_RESULTS = [
    "{t}に関し、{lead}と連携し、所管分野における取組状況を確認するとともに、所管する独立行政法人等に対して周知を行った。",
    "{t}について、{lead}の方針を踏まえ、省内の関係部局と協力して所要の対応を実施した。",
    "{t}に係る{lead}の取組に協力し、所管分野の実態を把握して情報提供を行った。",
]
GENERIC_NEXT = [
    "引き続き、{lead}と連携し、{t}に係る取組を推進する。",
    "{ny}年度においても、{t}について、所管分野における対応を着実に実施する。",
    "{lead}の検討状況を踏まえ、{t}に係る所要の対応を行う予定である。",
]
NOTES = [
    "予算額：{a:,}百万円（{y}年度当初）",
    "詳細は別添資料「{t}の実施状況」を参照。",
    "一部の取組は{ny}年度に継続して実施。",
    "省内では\"重点施策\"として位置付けている。",
    "前年度報告から記載を更新（{b}か所）。",
    "担当部局の再編に伴い、{ny}年度から所管課が変更となる予定。",
    "数値は{y}年度末時点、速報値。",
]


def strip_subject(t, reg, code):
    """For ministry `code`: (applies, text without "Xにおいて、")."""
    m = re.match(r"^(.{1,40}?)(において|では|は)、", t)
    if not m:
        return True, t
    subj = m.group(1)
    named = reg.mentioned(subj)
    rest = t[m.end():]
    if code in named:
        return True, rest
    if any(g in subj for g in reg.generic):
        return True, rest
    if named:
        return False, t
    return True, t


# ---------------------------------------------------------------------------
# The sample set of one year

PROGRESS_COLS = ["measure", "ministry", "results", "evaluation", "next",
                 "highlight", "note"]
JA = {"measure": "施策番号", "ministry": "府省庁", "results": "実績",
      "evaluation": "評価", "next": "今年度の取組", "highlight": "重点",
      "note": "備考", "indicator": "指標", "year": "年度", "value": "値",
      "unit": "単位", "source": "出典"}

# File styles: encoding, line end, header language, column order, highlight
# mark, id form, ministry form, quoting.  Each is what some office's
# spreadsheet export looks like.
STYLES = {
    "A": dict(enc="utf-8", eol="\n", lang="ja", hl="○", ids="canonical",
              who="name", quote=csv.QUOTE_MINIMAL,
              cols=["measure", "ministry", "results", "evaluation", "next",
                    "highlight", "note"]),
    "B": dict(enc="cp932", eol="\r\n", lang="ja", hl="◯", ids="circled",
              who="alias", quote=csv.QUOTE_ALL,
              cols=["ministry", "measure", "highlight", "results",
                    "evaluation", "next", "note"]),
    "C": dict(enc="utf-8-sig", eol="\r\n", lang="ja", hl="○", ids="fullwidth",
              who="name", quote=csv.QUOTE_MINIMAL, extra="担当課",
              cols=["measure", "ministry", "results", "next", "evaluation",
                    "note", "highlight"]),
    "D": dict(enc="utf-8", eol="\r\n", lang="en", hl="yes", ids="dots",
              who="alias", quote=csv.QUOTE_MINIMAL,
              cols=["measure", "ministry", "results", "evaluation", "next",
                    "highlight", "note"]),
    "E": dict(enc="cp932", eol="\r\n", lang="ja", hl="1", ids="paren",
              who="name", quote=csv.QUOTE_MINIMAL, pad=True, trailing=True,
              cols=["measure", "ministry", "results", "evaluation", "next",
                    "note", "highlight"]),
    "F": dict(enc="utf-8-sig", eol="\n", lang="en", hl="true", ids="compact",
              who="code", quote=csv.QUOTE_MINIMAL,
              cols=["highlight", "measure", "ministry", "results", "next",
                    "evaluation", "note"]),
    "G": dict(enc="utf-8", eol="\n", lang="ja", hl="○", ids="mixed",
              who="name", quote=csv.QUOTE_MINIMAL,
              cols=["measure", "ministry", "results", "evaluation", "next",
                    "highlight", "note"]),
}
PREFERRED_STYLE = {"cas": "A", "meti": "B", "mic": "D", "npa": "C",
                   "mext": "E", "mofa": "F", "mod": "G"}
STYLE_CYCLE = ["C", "E", "G", "B", "F", "A", "D"]
PREFERRED_ALIAS = ["経産省", "MIC", "NISC", "厚労省", "国交省", "文科省", "農水省"]

IND_STYLES = {
    "IA": dict(enc="utf-8", eol="\n", lang="ja", quote=csv.QUOTE_MINIMAL,
               cols=["indicator", "year", "value", "unit", "source", "measure",
                     "ministry"]),
    "IB": dict(enc="cp932", eol="\r\n", lang="ja", quote=csv.QUOTE_MINIMAL,
               cols=["ministry", "indicator", "year", "value", "unit",
                     "source"]),
    "IC": dict(enc="utf-8-sig", eol="\r\n", lang="en", quote=csv.QUOTE_ALL,
               cols=["indicator", "year", "value", "unit", "source",
                     "measure"]),
}
IND_CYCLE = ["IB", "IC", "IA"]

ENC_NAME = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "cp932": "CP932 (Shift_JIS)"}
EOL_NAME = {"\n": "LF", "\r\n": "CRLF"}

AREA_POOL = {"1": ["mic", "meti", "npa", "fsa", "mod"],
             "2": ["meti", "mext", "mic", "mhlw"],
             "3": ["mofa", "meti", "mic", "mod"],
             "4": ["mic", "meti", "npa"]}

N_MISSING = 6


class Row(dict):
    pass


class Samples:
    def __init__(self, root, year):
        self.year = year
        self.next_fy = year + 1
        self.reg = Registry(os.path.join(root, "input", "ministries.xml"))
        self.plan = Plan(os.path.join(root, "input", str(year), "plan.xml"))
        self.inds = load_matrix(os.path.join(root, "input", str(year),
                                             "matrix.xml"))
        self.codes = [m.code for m in self.reg.ministries]

    # -- who reports what ------------------------------------------------

    def expected(self, m):
        out = []
        for c in m.resp_min:
            if c in self.reg.by_code and c not in out:
                out.append(c)
        for g in m.resp_groups:
            grp = self.reg.groups.get(g)
            if grp is None:
                continue
            if grp.expect == "all":
                cand = self.codes
            elif grp.expect == "members":
                cand = grp.members
            else:
                cand = []
            for c in cand:
                if c not in out:
                    out.append(c)
        return out

    def volunteers(self, m, expected):
        """For 関係府省庁 (expect="none"): 1–2 ministries that report anyway."""
        if not any(self.reg.groups.get(g) is not None
                   and self.reg.groups[g].expect == "none"
                   for g in m.resp_groups):
            return []
        named = []
        for t in m.items:
            for c in self.reg.mentioned(t):
                if c not in expected and c not in named:
                    named.append(c)
        pool = [c for c in AREA_POOL.get(m.area().num or m.area().id, [])
                if c in self.reg.by_code and c not in expected]
        if not pool:
            pool = [c for c in self.codes if c not in expected and c != "cas"]
        n = 1 + h("vol-n", m.id) % 2
        out = named[:n]
        start = h("vol", m.id)
        i = 0
        while len(out) < n and i < len(pool):
            c = pool[(start + i) % len(pool)]
            if c not in out:
                out.append(c)
            i += 1
        return out

    def plan_rows(self):
        measures = self.plan.measures()
        self.pairs = []            # (measure, code, expected?)
        self.exp = {}
        for m in measures:
            e = self.expected(m)
            self.exp[m.id] = e
            for c in e:
                self.pairs.append((m, c, True))
            for c in self.volunteers(m, e):
                self.pairs.append((m, c, False))
        # A ministry expected for nothing still reports on a 関係府省庁 measure.
        have = {c for _, c, _ in self.pairs}
        related = [m for m in measures
                   if any(self.reg.groups.get(g) is not None
                          and self.reg.groups[g].expect == "none"
                          for g in m.resp_groups)]
        for c in self.codes:
            if c in have or not related:
                continue
            rel = sorted(related, key=lambda m: h("orphan", c, m.id))[:2]
            for m in rel:
                self.pairs.append((m, c, False))
        order = {m.id: i for i, m in enumerate(measures)}
        self.pairs.sort(key=lambda p: (order[p[0].id], self.reg.order[p[1]]))
        self.choose_highlights(measures)
        self.choose_missing()

    def choose_highlights(self, measures):
        self.highlight = set()      # (measure id, code)
        for a in self.plan.areas:
            ms = a.measures()
            k = 2 + h("hl-n", a.id) % 3
            for m in sorted(ms, key=lambda x: h("hl", x.id))[:k]:
                rep = self.exp[m.id][0] if self.exp[m.id] else None
                if rep:
                    self.highlight.add((m.id, rep))

    def choose_missing(self):
        hl_measures = {mid for mid, _ in self.highlight}
        exp_pairs = [(m, c) for m, c, e in self.pairs if e
                     and m.id not in hl_measures]
        singles = [(m, c) for m, c in exp_pairs
                   if len(self.exp[m.id]) == 1 and c != "cas"]
        multi = [(m, c) for m, c in exp_pairs
                 if len(self.exp[m.id]) > 1 and c != "cas"]
        chosen, used = [], set()
        for pool, n in ((singles, 2), (multi, N_MISSING)):
            for m, c in sorted(pool, key=lambda p: h("missing", p[0].id, p[1])):
                if len(chosen) >= N_MISSING or n == 0:
                    break
                if c in used or any(m.id == x.id for x, _ in chosen):
                    continue
                chosen.append((m, c))
                used.add(c)
                n -= 1
        order = {m.id: i for i, m in enumerate(self.plan.measures())}
        chosen.sort(key=lambda p: (order[p[0].id], self.reg.order[p[1]]))
        self.missing = chosen
        self.missing_set = {(m.id, c) for m, c in chosen}

    # -- prose ---------------------------------------------------------------

    def lead_of(self, m, code):
        for c in m.resp_min:
            if c != code and c in self.reg.by_code:
                return self.reg.by_code[c].name
        return "内閣官房" if code != "cas" else "関係府省庁"

    def own_sentences(self, m, code):
        out = []
        for t in m.items:
            ok, rest = strip_subject(t, self.reg, code)
            if ok:
                out.append(rest)
        return out

    def results(self, m, code):
        key = (m.id, code)
        paras = []
        for t in self.own_sentences(m, code)[:3]:
            ss = [s for s in split_sentences(t) if "今後" not in s][:2]
            if not ss:
                continue
            paras.append(drop_connective("".join(to_past(s, (key, s)) for s in ss)))
        if not paras:
            paras.append(pick(GENERIC_RESULTS, "gr", *key).format(
                t=m.title, lead=self.lead_of(m, code)))
        if chance(30, "num", *key):
            a = 2 + h("a", *key) % 23
            b = 40 + h("b", *key) % 1900
            c = 1 + h("c", *key) % 4
            paras.append(pick(NUMBERS, "numt", *key).format(
                a=a, b=b, c=c, y=self.year))
        return paras

    def evaluation(self, m, code):
        key = (m.id, code)
        return pick(EVAL_TEMPLATES, "ev", *key).format(
            t=m.title, c=pick(CHALLENGES, "ch", *key),
            f=pick(FOCUS, "fo", *key), y=self.year)

    def nxt(self, m, code):
        key = (m.id, code)
        paras = []
        for t in self.own_sentences(m, code)[:2]:
            ss = [s for s in split_sentences(t) if not is_past(s)][:2]
            if ss:
                first = drop_connective(ss[0])
                paras.append(to_future(first, (key, first), self.next_fy)
                             + "".join(ss[1:]))
        if not paras:
            paras.append(pick(GENERIC_NEXT, "gn", *key).format(
                t=m.title, lead=self.lead_of(m, code), ny=self.next_fy))
        return paras

    def note(self, m, code):
        key = (m.id, code)
        if not chance(12, "note", *key):
            return ""
        return pick(NOTES, "nt", *key).format(
            a=50 + h("na", *key) % 4000, b=1 + h("nb", *key) % 9,
            y=self.year, ny=self.next_fy,
            t=m.title)

    # -- rows ------------------------------------------------------------------

    def progress_rows(self):
        rows = {}
        for m, c, _ in self.pairs:
            if (m.id, c) in self.missing_set:
                continue
            r = Row(measure=m.id, ministry=c, area=m.area().id,
                    results=self.results(m, c), next=self.nxt(m, c),
                    evaluation=[self.evaluation(m, c)]
                    if chance(70, "has-ev", m.id, c) else [],
                    highlight=(m.id, c) in self.highlight,
                    note=self.note(m, c))
            rows.setdefault(c, []).append(r)
        # Summaries: one per area from 内閣官房, and a few field summaries.
        cas = "cas" if "cas" in self.reg.by_code else self.codes[0]
        summ = []
        for a in self.plan.areas:
            summ.append(self.area_summary(a, cas))
        for f in self.summary_fields():
            summ.append(self.field_summary(f))
        for r in summ:
            rows.setdefault(r["ministry"], []).append(r)
        # Two rows written under a re-listed position (※再掲): ingest
        # normalizes the `at` id to the canonical one (design.md <relist>).
        self.relist_rows = []
        for at, ref in sorted(self.plan.relists, key=lambda p: h("relist", *p)):
            if len(self.relist_rows) >= 2:
                break
            cands = [r for c in self.codes if c != "cas" for r in rows.get(c, [])
                     if r["measure"] == ref and not r.get("summary")]
            if cands and at in self.plan.nodes:
                continue                    # `at` must not be a node id itself
            if cands:
                cands[0]["written"] = at
                self.relist_rows.append((at, ref, cands[0]["ministry"]))
        order = {}
        i = 0
        for a in self.plan.areas:
            order[a.id] = i
            i += 1
            for m in [a] + a.measures() + [x for x in self.plan.fields()
                                           if x.area() is a]:
                order.setdefault(m.id, i)
                i += 1
        for c in rows:
            rows[c].sort(key=lambda r: (order.get(r["area"], 0),
                                        0 if r.get("summary") else 1,
                                        order.get(r["measure"], 0)))
        return rows

    def summary_fields(self):
        """Field summaries: none (issue 15: the slides take one area-level
        voice, as seed 003 does; a field's summary row is still read and
        shown, credited, when a ministry writes one)."""
        return []

    # The area summary in the voice of seed 003: 実績 bullets that each sum
    # up a group of the area's fields (or measures) in a noun-stop sentence,
    # one 評価 paragraph across the area, and 今年度の取組 bullets; made
    # from titles and set phrases, never pasted from one measure's text.
    SUM_RESULTS = [
        "{F}については、{T}等に関する取組を推進。",
        "{F}の観点から、{T}等に取り組み、関係府省庁の対策を着実に実施。",
        "{F}として、{T}等の取組を関係府省庁が連携して実施。",
        "{F}では、{T}等について、所管分野の状況を踏まえた取組を実施。",
    ]
    SUM_NEXT = [
        "{F}については、{T}等の取組を引き続き推進する。",
        "{F}に関しては、これまでの取組の成果を検証しつつ、{T}等を着実に実施する。",
        "{F}について、{T}等の取組を一層強化する。",
    ]

    def summary_groups(self, a):
        """The area's fields in at most 4 groups: (label, titles)."""
        fields = [f for f in self.plan.fields() if f.area() is a and f.measures()]
        if not fields:
            ms = a.measures()
            k = max(1, min(3, len(ms) // 2))
            return [("", [m]) for m in ms[:k]] if ms else []
        n = min(4, len(fields))
        groups = [fields[i * len(fields) // n:(i + 1) * len(fields) // n] for i in range(n)]
        out = []
        for g in groups:
            label = "及び".join(f.title for f in g) if len(g) <= 2 else g[0].title
            ms = [m for f in g for m in f.measures()]
            out.append((label, ms))
        return out

    def pick_titles(self, ms, key, k=2):
        """k short titles of `ms`, highlighted measures first."""
        hl = [m for m in ms if any((m.id, c) in self.highlight for c in self.exp[m.id])]
        short = sorted([m for m in ms if m not in hl and len(m.title) <= 24],
                       key=lambda m: h("st", key, m.id))
        rest = sorted([m for m in ms if m not in hl and m not in short],
                      key=lambda m: len(m.title))
        out = []
        for m in hl + short + rest:
            if m.title not in out and len(m.title) <= 30:
                out.append(m.title)
        return out[:k] or [ms[0].title]

    def area_summary(self, a, cas):
        groups = self.summary_groups(a)
        results, nexts = [], []
        for i, (label, ms) in enumerate(groups):
            ts = self.pick_titles(ms, (a.id, i), 2 if label else 1)
            if label:
                results.append(pick(self.SUM_RESULTS, "sr", a.id, i).format(
                    F=label, T="、".join(ts)).replace("等等", "等"))
            else:
                results.append("%sに向けて、関係府省庁と連携した取組を推進。" % ts[0])
        results.append("%d年度の年次計画に基づく各府省庁の取組状況を取りまとめ、"
                       "施策の進捗を点検。" % self.year if len(results) < 2 else "")
        results = [r for r in results if r]
        c1 = pick(CHALLENGES, "ac1", a.id)
        c2 = pick([c for c in CHALLENGES if c != c1], "ac2", a.id)
        labels = [g[0] for g in groups if g[0]]
        if len(labels) >= 2:
            ev = ("%sについては、関係府省庁の取組により対策の強化が図られた。また、%sについても、"
                  "取組が着実に進んだ。一方、%sや%sが課題であり、引き続き関係府省庁が"
                  "連携して取組を推進する必要がある。" % (labels[0], labels[1], c1, c2))
        else:
            ev = ("%sに係る取組は概ね計画どおり進捗した。一方、%sや%sが課題であり、"
                  "引き続き関係府省庁が連携して取組を推進する必要がある。"
                  % (a.title, c1, c2))
        for i, (label, ms) in enumerate(groups[:3]):
            ts = self.pick_titles(ms, (a.id, "n", i), 1)
            if label:
                nexts.append(pick(self.SUM_NEXT, "sn", a.id, i).format(
                    F=label, T=ts[0]).replace("等等", "等"))
            else:
                nexts.append("%sについて、%d年度の取組を着実に実施する。" % (ts[0], self.next_fy))
        nexts.append("%sに向け、取組の評価・見直しを実施する。" % c1)
        return Row(measure=a.id, ministry=cas, area=a.id, summary=True,
                   results=results, evaluation=[ev], next=nexts[:3],
                   highlight=False, note="")

    def field_summary(self, f):
        ms = f.measures()
        counts = {}
        for m in ms:
            for c in m.resp_min:
                if c in self.reg.by_code:
                    counts[c] = counts.get(c, 0) + 1
        who = max(sorted(counts), key=lambda c: (counts[c], -self.reg.order[c])) \
            if counts else "cas"
        picks = sorted(ms, key=lambda m: h("fs", m.id))[:2]
        results = ["%sについて、所管分野における取組を進め、%d件の施策を計画どおり実施した。"
                   % (f.title, len(ms))]
        for m in picks:
            results.append("%sに係る取組を実施した。" % m.title)
        ev = pick(EVAL_TEMPLATES, "fev", f.id).format(
            t=f.title, c=pick(CHALLENGES, "fch", f.id),
            f=pick(FOCUS, "ffo", f.id), y=self.year)
        nx = ["引き続き、%sに係る取組を推進する。" % f.title]
        return Row(measure=f.id, ministry=who, area=f.area().id, summary=True,
                   results=results, evaluation=[ev], next=nx,
                   highlight=False,
                   note="分野全体の概要として記載。" if h("fn", f.id) % 2 else "")

    # -- indicators ------------------------------------------------------------

    def indicator_set(self):
        texts = {}
        for i in self.inds:
            texts[i.text] = texts.get(i.text, 0) + 1
        with_id = [i for i in self.inds if i.id]
        chosen = sorted(with_id, key=lambda i: h("ind", i.id))[:12]
        # A few more named by their exact text (unique texts only).
        by_text = [i for i in self.inds if i not in chosen and texts[i.text] == 1
                   and 4 <= len(i.text) <= 40]
        extra = sorted(by_text, key=lambda i: h("indt", i.text))[:3]
        for i in extra:
            i.by_text = True
        for i in chosen:
            i.by_text = False
        if len(chosen) + len(extra) < 10:       # a matrix without ids
            more = [i for i in self.inds if i not in chosen and i not in extra
                    and texts[i.text] == 1]
            for i in sorted(more, key=lambda i: h("indm", i.text)):
                if len(chosen) + len(extra) >= 10:
                    break
                i.by_text = True
                extra.append(i)
        out = sorted(chosen + extra, key=lambda i: i.order)
        return out

    def indicator_owner(self, ind):
        node = self.plan.nodes.get(ind.target)
        if node is None:
            return "cas"
        ms = [node] if node.kind == "measure" else node.measures()
        counts = {}
        for m in ms:
            for c in m.resp_min:
                if c in self.reg.by_code and c != "cas":
                    counts[c] = counts.get(c, 0) + 1
        if not counts:
            return "cas"
        return max(sorted(counts), key=lambda c: (counts[c], -self.reg.order[c]))

    @staticmethod
    def unit_of(text):
        rules = [("割合", "%"), ("率", "%"), ("満足度", "%"),
                 ("合格者", "人"), ("人数", "人"), ("受講", "人"), ("参加者", "人"),
                 ("人材", "人"), ("育成", "人"), ("ボランティア", "人"),
                 ("サポーター", "人"), ("指導主事", "人"),
                 ("団体", "団体"), ("ロゴ", "団体"), ("利用状況", "団体"),
                 ("協議会", "団体"),
                 ("開催", "回"), ("協議", "回"), ("会議", "回"), ("訓練", "回"),
                 ("演習", "回"), ("研修", "回"), ("教室", "回"), ("キャラバン", "回"),
                 ("策定状況", "%"), ("見直し状況", "%"), ("実施状況", "件"),
                 ("件数", "件"), ("届出", "件"), ("検挙", "件"), ("アクセス", "件"),
                 ("発生", "件")]
        for k, u in rules:
            if k in text:
                return u
        return "件"

    def series(self, ind, unit):
        key = ind.id or ind.text
        n_years = 3 + h("ny", key) % 2
        years = list(range(self.year - n_years + 1, self.year + 1))
        base = {"件": (200, 30000), "人": (80, 6000), "団体": (15, 1700),
                "回": (4, 180), "%": (20, 70)}[unit]
        v = base[0] + h("base", key) % (base[1] - base[0])
        grow = 1.04 + (h("grow", key) % 30) / 100.0
        if "犯罪" in ind.text or "不正" in ind.text:
            grow = 1.10 + (h("grow", key) % 25) / 100.0
        out = []
        for y in years:
            if unit == "%":
                val = min(99.5, v + (y - years[0]) * (3 + h("pstep", key) % 8))
                out.append((y, round(val + (h("frac", key, y) % 10) / 10.0, 1)))
            else:
                out.append((y, int(v)))
                v = v * grow
        return out

    def year_form(self, y, key):
        era = y - 1988
        return pick([str(y), str(y), "平成%d年度" % era, "H%d" % era,
                     str(y).translate(FW), "%d年度" % y], "yf", *key)

    def value_form(self, v, unit, key):
        if unit == "%":
            s = ("%.1f" % v).rstrip("0").rstrip(".") if isinstance(v, float) else str(v)
            return pick([s, s + "%", s], "pf", *key)
        f = pick(["comma", "plain", "comma", "fullwidth"], "vf", *key)
        if f == "comma":
            return "{:,}".format(v)
        if f == "fullwidth":
            return str(v).translate(FW)
        return str(v)

    def indicator_rows(self):
        files = {}
        for ind in self.indicator_set():
            owner = self.indicator_owner(ind)
            unit = self.unit_of(ind.text)
            src = ind.source or "%s調べ" % self.reg.by_code[owner].name
            target = self.plan.nodes.get(ind.target)
            for y, v in self.series(ind, unit):
                key = (ind.id or ind.text, y)
                files.setdefault(owner, []).append(Row(
                    indicator=ind.text if ind.by_text else ind.id,
                    year=self.year_form(y, key), value=self.value_form(v, unit, key),
                    unit=unit, source=src, ministry=owner,
                    measure=ind.target if target is not None
                    and target.kind == "measure" else "",
                    plain_year=y, by_text=ind.by_text))
        return files

    # -- writing -----------------------------------------------------------------

    def style_for(self, code, taken):
        if code in PREFERRED_STYLE:
            return PREFERRED_STYLE[code]
        return STYLE_CYCLE[taken % len(STYLE_CYCLE)]

    def who_form(self, code, style, key):
        m = self.reg.by_code[code]
        if code == "cas":
            return pick([m.name, "NISC", m.name], "cas-who", *key)
        if style["who"] == "code":
            return code
        if style["who"] == "alias":
            al = [a for a in PREFERRED_ALIAS if a in m.aliases]
            if style["lang"] == "en":
                al += [a for a in m.aliases if re.fullmatch(r"[A-Z]+", a)]
            al += [a for a in m.aliases if len(a) <= 6]
            return al[0] if al else m.name
        return m.name

    def write_csv(self, path, style, header, records):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator=style["eol"], quoting=style["quote"])
        w.writerow(header)
        for r in records:
            w.writerow(r)
        text = buf.getvalue()
        if style.get("trailing"):
            text += "," * (len(header) - 1) + style["eol"]
        if style["enc"] == "cp932":
            text = cp932_safe(text)
        data = text.encode(style["enc"])
        with open(path, "wb") as f:
            f.write(data)
        return len(records)

    def cell(self, r, col, style, key):
        if col == "measure":
            if r.get("summary"):
                return r["measure"]
            if r.get("written"):
                return r["written"]
            form = style["ids"]
            if form == "mixed":
                form = pick(["canonical", "circled", "lookalike", "canonical",
                             "paren"], "mix", *key)
            return id_form(r["measure"], form)
        if col == "ministry":
            return self.who_form(r["ministry"], style, key)
        if col == "highlight":
            return style["hl"] if r["highlight"] else ""
        if col in ("results", "evaluation", "next"):
            return "\n".join(r[col])
        return r.get(col, "")

    def write(self, out):
        os.makedirs(out, exist_ok=True)
        for f in sorted(os.listdir(out)):
            if f.endswith(".csv"):
                os.remove(os.path.join(out, f))
        self.plan_rows()
        rows = self.progress_rows()
        self.files = []
        split = self.split_ministry(rows)
        taken = 0
        for code in self.codes:
            if code not in rows:
                continue
            sname = self.style_for(code, taken)
            if code not in PREFERRED_STYLE:
                taken += 1
            parts = [("%s-progress.csv" % code, rows[code], sname)]
            if code == split:
                first = self.plan.areas[0].id
                parts = [("%s-progress-1.csv" % code,
                          [r for r in rows[code] if r["area"] == first], sname),
                         ("%s-progress-2.csv" % code,
                          [r for r in rows[code] if r["area"] != first], "G")]
            for name, rs, sn in parts:
                st = STYLES[sn]
                cols = list(st["cols"])
                hdr = [(JA[c] if st["lang"] == "ja" else c) for c in cols]
                if st.get("pad"):
                    hdr = [" %s " % x if i % 2 else x for i, x in enumerate(hdr)]
                if st.get("extra"):
                    hdr.append(st["extra"])
                recs = []
                for r in rs:
                    key = (name, r["measure"], r["ministry"])
                    rec = [self.cell(r, c, st, key) for c in cols]
                    if st.get("extra"):
                        rec.append(pick(["情報システム課", "サイバーセキュリティ対策室",
                                         "情報政策課", "総務課"], "dept", code))
                    recs.append(rec)
                n = self.write_csv(os.path.join(out, name), st, hdr, recs)
                self.files.append((name, code, "progress", sn, st, n, hdr))
        ind = self.indicator_rows()
        i = 0
        for code in self.codes:
            if code not in ind:
                continue
            sn = "IA" if code == "cas" else IND_CYCLE[i % len(IND_CYCLE)]
            if code != "cas":
                i += 1
            st = dict(IND_STYLES[sn])
            # A row naming an indicator by a text CP932 cannot carry exactly
            # would no longer match the matrix: such files stay in UTF-8.
            if st["enc"] == "cp932" and not all(
                    encodable(r["indicator"] + r["source"], "cp932")
                    for r in ind[code]):
                sn = "IA"
                st = dict(IND_STYLES[sn])
            cols = st["cols"]
            hdr = [(JA[c] if st["lang"] == "ja" else c) for c in cols]
            recs = []
            for r in ind[code]:
                rec = []
                for c in cols:
                    if c == "ministry":
                        rec.append(self.who_form(code, {"who": "name", "lang": st["lang"]},
                                                 ("ind", r["indicator"])))
                    else:
                        rec.append(r[c])
                recs.append(rec)
            name = "%s-indicators.csv" % code
            n = self.write_csv(os.path.join(out, name), st, hdr, recs)
            self.files.append((name, code, "indicators", sn, st, n, hdr))
        self.ind_rows = ind
        self.write_readme(out, rows)

    def split_ministry(self, rows):
        if len(self.plan.areas) < 2:
            return None
        first = self.plan.areas[0].id

        def splittable(c):
            rs = rows.get(c, [])
            return any(r["area"] == first for r in rs) and \
                any(r["area"] != first for r in rs)
        if splittable("meti"):
            return "meti"
        cands = [c for c in self.codes if c != "cas" and splittable(c)]
        return max(cands, key=lambda c: len(rows[c])) if cands else None

    def write_readme(self, out, rows):
        y = self.year
        era = y - 1988
        L = []
        L.append("# Sample submissions for FY%d (平成%d年度)" % (y, era))
        L.append("")
        L.append("**These are samples, not real ministry data.** Every file here was "
                 "generated by `pipeline/tools/gen_samples.py` from `input/%d/plan.xml`, "
                 "`input/%d/matrix.xml` and `input/ministries.xml`; the prose is derived "
                 "mechanically from each measure's own plan text (実績 in the past tense, "
                 "今年度の取組 in the future) and every figure is invented. Do not edit "
                 "the files by hand: change the generator or the plan and run" % (y, y))
        L.append("")
        L.append("    python3 pipeline/tools/gen_samples.py %d" % y)
        L.append("")
        L.append("`tests/e2e/t0600-samples.sh` checks that the committed files are what "
                 "the generator produces, and that ingest accepts them with no errors.")
        L.append("")
        L.append("## Files")
        L.append("")
        L.append("| file | ministry | kind | encoding | line ends | header | rows |")
        L.append("| --- | --- | --- | --- | --- | --- | --- |")
        nmin = set()
        nprog = 0
        for name, code, kind, sn, st, n, hdr in self.files:
            nmin.add(code)
            if kind == "progress":
                nprog += n
            L.append("| `%s` | %s | %s | %s | %s | %s | %d |" % (
                name, self.reg.by_code[code].name, kind, ENC_NAME[st["enc"]],
                EOL_NAME[st["eol"]], "Japanese" if st["lang"] == "ja" else "English", n))
        L.append("")
        L.append("%d files from %d ministries; %d progress rows, %d indicator rows." % (
            len(self.files), len(nmin), nprog,
            sum(len(v) for v in self.ind_rows.values())))
        L.append("")
        L.append("## What the files exercise (all valid per `shared/spec/inputs.md`)")
        L.append("")
        L.append("- Encodings: UTF-8, UTF-8 with BOM and CP932 (what Excel writes on "
                 "Japanese Windows); line ends CRLF and LF.")
        L.append("- Japanese headers in most files, English headers "
                 "(`measure, ministry, results, evaluation, next, highlight, note`; "
                 "`indicator, year, value, unit, source, measure`) in some; "
                 "columns in varying order; headers padded with spaces in the CP932 "
                 "files of one style, which also end with an empty trailing row.")
        L.append("- Multi-line quoted cells (one paragraph per line), quoted commas and "
                 "doubled quotes (`\"\"`) in 備考.")
        L.append("- Measure ids in every accepted form: `1-1-1-ア`, `1-①-1)-(ア)`, "
                 "`1①1)(ア)`, `1.1.1.ア`, `１－１－１－ア`, `1-1-1-（ア）` and hiragana/kanji "
                 "look-alike labels (`へ`, `二`, `力`, `口`, `夕`); summary rows use the "
                 "plain area or field id (`1`, `1-2`).")
        L.append("- Ministries written as canonical name, code or alias "
                 "(`NISC`, `経産省`, `MIC`, `mofa`).")
        L.append("- 重点 written as `○`, `◯`, `1`, `yes` or `true`.")
        extra = [f for f in self.files if f[4].get("extra")]
        if extra:
            L.append("- A column outside the contract (`担当課`) in %s: ingest keeps it "
                     "and reports one warning per file." % ", ".join(
                         "`%s`" % f[0] for f in extra))
        L.append("- Indicators named by the matrix's short id or by its exact text; "
                 "years written as `%d`, `平成%d年度`, `H%d`, `%s`, `%d年度`; values as "
                 "`1,234`, `１２３４`, `12.5`, `45%%`." % (
                     y, era, era, str(y).translate(FW), y))
        L.append("")
        L.append("## Summary rows")
        L.append("")
        L.append("内閣官房 gives one summary row per area (施策番号 = the area id), with "
                 "実績 as 2–4 paragraphs, 評価 as one paragraph and 今年度の取組 as 2–3 "
                 "paragraphs, in the voice of seed 003 (bullets that sum up the area's fields, one "
                 "評価 paragraph across the area).")
        L.append("")
        fsum = [r for c in self.codes for r in rows.get(c, [])
                if r.get("summary") and "-" in r["measure"]]
        L.append("Field summaries (施策番号 = a field id): %s" % (
            "" if fsum else "none (a field's summary row is read, and shown credited "
            "on the slides, when a ministry writes one)."))
        L.append("")
        for c in self.codes:
            for r in rows.get(c, []):
                if r.get("summary") and "-" in r["measure"]:
                    L.append("- `%s` %s, from %s" % (
                        r["measure"], self.plan.nodes[r["measure"]].title,
                        self.reg.by_code[c].name))
        L.append("")
        L.append("Rows marked 重点 (2–4 measures per area):")
        L.append("")
        for mid, c in sorted(self.highlight, key=lambda p: self.order_of(p[0])):
            L.append("- `%s` (%s)" % (mid, self.reg.by_code[c].name))
        L.append("")
        L.append("## Deliberate gaps")
        L.append("")
        L.append("These (measure, ministry) pairs are expected by the plan's "
                 "responsibility but have **no row**, so that the submission status "
                 "shows what missing looks like:")
        L.append("")
        for m, c in self.missing:
            alone = len(self.exp[m.id]) == 1
            L.append("- `%s` %s — %s%s" % (
                m.id, m.title, self.reg.by_code[c].name,
                " (the only ministry expected: the measure is 未提出)" if alone else ""))
        L.append("")
        L.append("Re-listed measures (※再掲, `<relist>` in the plan) have no rows of "
                 "their own: they are reported under their canonical id%s." % (
                     "" if not self.relist_rows else
                     ", except rows written under the re-listed position, which "
                     "ingest normalizes to the canonical id: %s" % "; ".join(
                         "%s wrote `%s` (= `%s`)" % (self.reg.by_code[c].name, at, ref)
                         for at, ref, c in self.relist_rows)))
        L.append("")
        L.append("For measures naming 関係府省庁 (expect=\"none\"), one or two "
                 "plausible ministries report anyway.")
        L.append("")
        with open(os.path.join(out, "README.md"), "w", encoding="utf-8",
                  newline="\n") as f:
            f.write("\n".join(L).rstrip("\n") + "\n")

    def order_of(self, mid):
        for i, m in enumerate(self.plan.measures()):
            if m.id == mid:
                return i
        return -1


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("years", nargs="+", type=int)
    ap.add_argument("--root", default=os.path.normpath(os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..")),
        help="repository with input/ (default: this script's repository)")
    ap.add_argument("--out", help="output directory (default: "
                    "ROOT/input/YEAR/submissions; with several years, OUT/YEAR)")
    a = ap.parse_args(argv)
    for y in a.years:
        if a.out:
            out = a.out if len(a.years) == 1 else os.path.join(a.out, str(y))
        else:
            out = os.path.join(a.root, "input", str(y), "submissions")
        s = Samples(a.root, y)
        s.write(out)
        print("gen_samples: %d: %d files, %d missing pairs → %s" % (
            y, len(s.files), len(s.missing), out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
