#!/usr/bin/env python3
"""Count the measure headings "(ア)" of seed 001's annex, independently of
matrix2014.py's parser: a heading is a line that starts with a katakana
label in half-width parentheses, after the annex title.

    matrix_count.py SEED001          prints the count
    matrix_count.py --ids SEED001    prints one FY2014 id per heading

The e2e test t0200-validate compares these with input/2014/matrix.xml.
"""
import re
import sys

ANNEX = 'サイバーセキュリティ政策領域における評価に当たり考慮'
HEAD = re.compile(r'^\s*\(([\u30a1-\u30fa])\)')
AREA = re.compile(r'^\s*([１２３４])[ 　]')
FIELD = re.compile(r'^\s*([①②③④⑤⑥])')
SECTION = re.compile(r'^\s*([１２３])）')


def main():
    args = sys.argv[1:]
    ids = args[:1] == ['--ids']
    if ids:
        args = args[1:]
    if len(args) != 1:
        sys.stderr.write('usage: matrix_count.py [--ids] SEED001\n')
        return 2
    lines = open(args[0], encoding='utf-8').read().split('\n')
    start = next(i for i, l in enumerate(lines) if ANNEX in l)
    area = field = section = None
    out = []
    for line in lines[start:]:
        m = AREA.match(line)
        if m and ('「' in line or '推進体制等' in line):
            area, field, section = '１２３４'.index(m.group(1)) + 1, None, None
            continue
        m = FIELD.match(line)
        if m:
            field, section = '①②③④⑤⑥'.index(m.group(1)) + 1, None
            continue
        m = SECTION.match(line)
        if m:
            section = '１２３'.index(m.group(1)) + 1
            continue
        m = HEAD.match(line)
        if m:
            parts = [str(p) for p in (area, field, section) if p is not None]
            out.append('-'.join(parts + [m.group(1)]))
    if ids:
        sys.stdout.write(''.join(i + '\n' for i in out))
    else:
        print(len(out))
    return 0


if __name__ == '__main__':
    sys.exit(main())
