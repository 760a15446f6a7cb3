#!/usr/bin/env python3
"""gen_long.py: a year with one thing made large (issue 12 item 9).

    gen_long.py [--from INPUT] [--year Y] (--cell N | --rows N) -o OUTDIR

Copies INPUT/ministries.xml and INPUT/Y/ (default: input, 2014) to OUTDIR
and changes cas-progress.csv (UTF-8, LF):

  --cell N  the 実績 of area 1's summary row (施策番号 1) becomes N
            characters of ordinary Japanese text in one paragraph, so the
            cell is one paragraph of the report and one bullet of the slides
            (issue 15: the slides show an area's summary rows in full, and
            a 重点 row's first sentence only where there is none);
  --rows N  the file gets N more rows for that measure (1-1-1-ア, 内閣官房),
            each with a short 実績, 評価 and 今年度の取組 of its own.

The number of files is scaled by gen_year.py --scale K --split 5 (K copies of
the year, 30 CSVs each: 30, 300, 3,000).  Standard library only.
"""
import argparse
import csv
import io
import os
import shutil

SENTENCE = ("政府機関における情報セキュリティ対策の強化に向けて、関係府省庁と連携し、"
            "研修及び訓練を計画どおり実施した。")


def long_text(n):
    """n characters: SENTENCE repeated, cut at n."""
    reps = n // len(SENTENCE) + 1
    return (SENTENCE * reps)[:n]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="src", default="input")
    ap.add_argument("--year", default="2014")
    ap.add_argument("--cell", type=int)
    ap.add_argument("--rows", type=int)
    ap.add_argument("-o", dest="out", required=True)
    a = ap.parse_args()
    if (a.cell is None) == (a.rows is None):
        ap.error("one of --cell N and --rows N")
    os.makedirs(a.out, exist_ok=True)
    shutil.copy(os.path.join(a.src, "ministries.xml"), a.out)
    ydir = os.path.join(a.out, a.year)
    if os.path.exists(ydir):
        shutil.rmtree(ydir)
    shutil.copytree(os.path.join(a.src, a.year), ydir)
    path = os.path.join(ydir, "submissions", "cas-progress.csv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    i_id, i_who, i_done = head.index("施策番号"), head.index("府省庁"), head.index("実績")
    i_eval, i_next, i_hl = head.index("評価"), head.index("今年度の取組"), head.index("重点")
    if a.cell is not None:
        k = next(j for j, r in enumerate(rows) if j and r[i_id] == "1")
        rows[k][i_done] = long_text(a.cell)
    else:
        for j in range(a.rows):
            r = [""] * len(head)
            r[i_id], r[i_who] = "1-1-1-ア", "内閣官房"
            r[i_done] = "研修を%d回実施した（受講者%d人）。" % (j % 9 + 1, j + 10)
            r[i_eval] = "概ね計画どおり進捗した（%d）。" % j
            r[i_next] = "引き続き取組を推進する（%d）。" % j
            rows.append(r)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


if __name__ == "__main__":
    main()
