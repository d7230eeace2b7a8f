#!/usr/bin/env python3
"""One-off importer: the UN Statistics Division's HS 2022 - HS 2017 correlation table (xlsx) -> the rule pack's TSV.

Usage: python3 tools/hs_correlation_import.py PATH/TO/HS2022toHS2017ConversionAndCorrelationTables.xlsx OUT.tsv

Not run at build or test time: its output is a pack file, committed and reviewed like any other (rules/usmca/README.md,
"HS editions"; the pack reads it through `hsEditions.correlation` in pack.yaml), or, in a deployment, a file of the rule pack
overlay named by its hs-editions.yaml (docs/rule-pack-overlay.md). It reads the workbook's sheet
"HS2022-HS2017 Correlations" (columns HS2022, HS2017, Relationship; two header rows) with the standard library only, and
writes every row as it is, in the sheet's order: an HS 2022 subheading, an HS 2017 subheading and the relationship (1:1, 1:n,
n:1, n:n), tab-separated, six digits each, under one header row. Nothing is added, dropped or reordered, so the output can be
compared with the published sheet row by row. The pseudo-code 999999 (the sheet's own "not classified" row) is left out,
and the script says how many rows it wrote and how many HS 2022 subheadings differ from their HS 2017 counterparts.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

SHEET = 'HS2022-HS2017 Correlations'
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
RELATIONSHIPS = {'1:1', '1:n', 'n:1', 'n:n'}


def text_of(node):
    return ''.join(t.text or '' for t in node.iter('{%s}t' % NS['m']))


def column(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def sheet_rows(path):
    book = zipfile.ZipFile(path)
    shared = [text_of(si) for si in ET.fromstring(book.read('xl/sharedStrings.xml')).findall('m:si', NS)]
    workbook = ET.fromstring(book.read('xl/workbook.xml'))
    rels = ET.fromstring(book.read('xl/_rels/workbook.xml.rels'))
    targets = {r.get('Id'): r.get('Target') for r in rels}
    sheet_id = next(s.get('{%s}id' % NS['r']) for s in workbook.find('m:sheets', NS) if s.get('name') == SHEET)
    target = targets[sheet_id].lstrip('/')
    sheet = ET.fromstring(book.read(target if target.startswith('xl/') else 'xl/' + target))
    for row in sheet.iter('{%s}row' % NS['m']):
        cells = {}
        for c in row.findall('m:c', NS):
            v = c.find('m:v', NS)
            if v is None:
                inline = c.find('m:is', NS)
                value = text_of(inline) if inline is not None else ''
            else:
                value = shared[int(v.text)] if c.get('t') == 's' else v.text
            cells[column(c.get('r'))] = (value or '').strip()
        if cells:
            yield [cells.get(i, '') for i in range(max(cells) + 1)]


def main(source, out):
    written = []
    for cells in sheet_rows(source):
        if len(cells) < 3 or not re.fullmatch(r'\d{6}', cells[0]):
            continue  # the header rows
        hs2022, hs2017, relationship = cells[0], cells[1], cells[2]
        if hs2022 == '999999':
            continue
        if not re.fullmatch(r'\d{6}', hs2017) or relationship not in RELATIONSHIPS:
            sys.exit('unexpected row: %r' % cells)
        written.append((hs2022, hs2017, relationship))
    with open(out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('hs2022\ths2017\trelationship\n')
        for row in written:
            f.write('\t'.join(row) + '\n')
    changed = {a for a, b, _ in written if a != b}
    print('%d rows, %d HS 2022 subheadings, %d of them with an HS 2017 counterpart of another number'
          % (len(written), len({a for a, _, _ in written}), len(changed)))


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
