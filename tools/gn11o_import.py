#!/usr/bin/env python3
"""One-off importer: HTSUS General Note 11(o) rule texts (third-party transcription, TSV) -> rule pack files.

Usage: python3 tools/gn11o_import.py PATH/TO/gn11o-psr.tsv [--force]

Not run at build or test time: its output, rules/usmca/psr/gn11o/chapter-NN.yaml and
rules/usmca/psr/gn11o/IMPORT-REPORT.md, is committed and reviewed like any other pack file. Decisions,
all on the conservative side (a wrong "originating" costs duties plus penalties):
- rows whose text is not a verbatim quote (text_source != notes-verbatim) are marked `unverified`: the
  transcription's structured field may have dropped the RVC proviso, so the pack applies them only
  provisionally (every determination reviewed) or, with options.unverifiedRules: REFUSE, holds them for review;
- several rows for one scope (trade-direction variants, duplicates) become ONE manual-review rule whose
  text holds every variant, labelled;
- phased rows ("phase 1: 2020-07-01 until 2023-07-01", "time-based rule") become rules with effective dates;
  "until D" is read as ending the day before D, when the next phase begins;
- chapter, heading and subheading rules (chapter notes, definitions) and GN 11(n) general rules become
  chapter notes, not product-specific rules;
- a row whose scope overlaps a hand-encoded rule (rules/usmca/psr/chapter-NN.yaml) is left out: the
  hand-encoded rule wins; rows whose scope cannot be read are left out; both are listed in the report.
"""
import csv, os, re, sys, glob
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'rules', 'usmca', 'psr', 'gn11o')
SOURCE = ("HTSUS General Note 11(o), 2026 Revision 15, as transcribed in the public repository "
          "piksen-digital/origynlx (commit c8c04ac85c127fb36f80691b721ff630688d0a95)")
PROV = r'\d{2}(?:\.?\d{2}){0,3}'

END_USES = {
    'passenger vehicle or light truck': ['PASSENGER_VEHICLE_OE', 'LIGHT_TRUCK_OE'],
    'passenger vehicle, light truck or heavy truck': ['PASSENGER_VEHICLE_OE', 'LIGHT_TRUCK_OE', 'HEAVY_TRUCK_OE'],
    'heavy truck': ['HEAVY_TRUCK_OE'],
    'any other use': [],
}

def digits(p):
    return p.replace('.', '')

def fmt(d):
    if len(d) == 2: return d
    if len(d) == 4: return d[:2] + '.' + d[2:]
    out = d[:4]
    for i in range(4, len(d), 2):
        out += '.' + d[i:i+2]
    return out

def parse_scope(text):
    """'Subheadings 8402.11 through 8402.20 (heavy truck)' -> (['8402.11-8402.20'], 'heavy truck') or (None, reason)."""
    qual = None
    m = re.search(r'\(([^)]*)\)\s*$', text)
    core = text
    if m:
        qual = m.group(1).strip()
        core = text[:m.start()].strip()
    if re.search(r'except|,\s*except', core, re.I):
        return None, qual, 'scope with exceptions'
    core = re.sub(r'^(chapters?|headings?|subheadings?|tariff items?)\s+', '', core.strip(), flags=re.I)
    parts = re.split(r'\s*(?:,|\bor\b|\band\b)\s*', core)
    ranges = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        m2 = re.fullmatch(r'(' + PROV + r')\s*(?:through|-|–)\s*(' + PROV + r')', part)
        if m2:
            a, b = digits(m2.group(1)), digits(m2.group(2))
        elif re.fullmatch(PROV, part):
            a = b = digits(part)
        else:
            return None, qual, 'scope not read: ' + text
        if len(a) != len(b) or len(a) not in (2, 4, 6, 8):
            return None, qual, 'scope not read: ' + text
        ranges.append((a, b))
    if not ranges:
        return None, qual, 'scope not read: ' + text
    return ranges, qual, None

def rng_str(r):
    return fmt(r[0]) if r[0] == r[1] else fmt(r[0]) + '-' + fmt(r[1])

def overlaps(r1, r2):
    return len(r1[0]) == len(r2[0]) and r1[0] <= r2[1] and r2[0] <= r1[1]

PHASE = re.compile(r'(\d{4}-\d{2}-\d{2})')

def period(rule_number):
    rn = rule_number or ''
    if 'phase' not in rn and 'time-based' not in rn:
        return None, None
    dates = PHASE.findall(rn)
    if 'until' in rn or ' to ' in rn:
        # The transcription's "until D" is exclusive: the next phase begins on D (e.g. the chapter 73 steel rules
        # of 1 July 2023). The pack's periods are inclusive, so a phase ends the day before.
        end = None
        if len(dates) > 1:
            import datetime
            end = (datetime.date.fromisoformat(dates[1]) - datetime.timedelta(days=1)).isoformat()
        return (dates[0] if dates else None), end
    return (dates[0] if dates else None), None

def is_note(row):
    rn = (row['rule_number'] or '').lower()
    scope = row['hs_scope'].lower()
    if rn.startswith('gn ') or row['chapter'] in ('28-38', '39-40'):
        return True
    if re.match(r'(chapter|heading|subheading) rule', rn) and 'trade' not in rn and 'phase' not in rn:
        return True
    return any(k in scope for k in ('(chapter rule)', '(subheading rule)', '(heading rule)', '(definitions)'))

def hand_encoded():
    out = []
    for f in glob.glob(os.path.join(ROOT, 'rules', 'usmca', 'psr', 'chapter-*.yaml')):
        doc = yaml.safe_load(open(f))
        for r in doc.get('rules', []):
            for s in r['scope']:
                a, _, b = s.partition('-')
                out.append(((digits(a), digits(b or a)), r['id'], frozenset(r.get('endUses') or [])))
    return out

def end_uses_clash(a, b):
    """Rules for one scope may coexist when one is generic ("any other use") and the other end-use specific,
    or both are specific to different end uses (the index prefers the specific one)."""
    a, b = frozenset(a or []), frozenset(b or [])
    if not a and not b:
        return True
    if not a or not b:
        return False
    return bool(a & b)

def main(tsv):
    if os.path.isdir(OUT) and '--force' not in sys.argv:
        # After the import, rules were corrected and verified by hand against the official text (see each
        # rule's `verification`); re-importing would silently undo that.
        sys.exit(OUT + ' exists and holds hand corrections; re-run with --force only to start over')
    rows = list(csv.DictReader(open(tsv, encoding='utf-8'), delimiter='\t'))
    hand = hand_encoded()
    notes, groups, left_out = {}, {}, []
    for row in rows:
        chapter = row['chapter']
        if is_note(row):
            notes.setdefault(chapter.split('-')[0], []).append(row)
            continue
        ranges, qual, problem = parse_scope(row['hs_scope'])
        if problem:
            left_out.append((row, problem))
            continue
        end_use = None
        trade = None
        if qual:
            q = qual.lower()
            if q in END_USES:
                end_use = END_USES[q]
            elif 'trade' in q:
                trade = qual
            elif q not in ('subheading rule', 'heading rule'):
                trade = qual
        if len({len(r[0]) for r in ranges}) > 1:
            left_out.append((row, 'scope mixes levels (e.g. tariff items and a heading): split by hand'))
            continue
        covered = [rid for (hr, rid, uses) in hand for r in ranges if overlaps(hr, r) and end_uses_clash(uses, end_use)]
        if covered:
            left_out.append((row, 'covered by hand-encoded rule ' + ', '.join(sorted(set(covered)))))
            continue
        start, end = period(row['rule_number'])
        key = (tuple(ranges), tuple(end_use) if end_use is not None else None, start, end)
        groups.setdefault(key, []).append((row, trade))

    # partial overlaps between different groups at the same level and period: keep the first, leave out the rest
    kept = []
    for key, members in groups.items():
        ranges, end_use, start, end = key
        clash = None
        for other in kept:
            o_ranges, o_end_use, o_start, o_end = other[0]
            same_period = not ((end and o_start and end < o_start) or (o_end and start and o_end < start))
            end_use_disjoint = (end_use is not None and o_end_use is not None and not set(end_use) & set(o_end_use)) \
                or ((end_use == ()) != (o_end_use == ()) and end_use is not None and o_end_use is not None)
            generic_vs_specific = (end_use in (None, ()) ) != (o_end_use in (None, ()))
            if not same_period or end_use_disjoint or generic_vs_specific:
                continue
            if any(overlaps(a, b) for a in ranges for b in o_ranges):
                if ranges == o_ranges and end_use == o_end_use:
                    continue
                clash = other
                break
        if clash:
            for row, _ in members:
                left_out.append((row, 'scope overlaps ' + ', '.join(rng_str(r) for r in clash[0][0]) + ' (' + clash[1][0][0]['record_id'] + ')'))
            continue
        kept.append((key, members))

    by_chapter = {}
    for key, members in kept:
        ranges, end_use, start, end = key
        chapter = members[0][0]['chapter'].split('-')[0]
        first = members[0][0]
        rule = {'id': 'GN11o-' + first['record_id']}
        rule['scope'] = [rng_str(r) for r in ranges]
        if end_use:
            rule['endUses'] = list(end_use)
        if start:
            rule['effectiveFrom'] = start
        if end:
            rule['effectiveTo'] = end
        number = first['rule_number']
        rule['citation'] = 'HTSUS General Note 11(o), Chapter ' + chapter + (', rule ' + number if number and re.fullmatch(r'\d+', number) else
                                                                          (', ' + number if number else '')) + '; USMCA Annex 4-B'
        rule['source'] = SOURCE + ', record ' + ', '.join(m[0]['record_id'] for m in members)
        problems = []
        if len(members) > 1:
            texts = ' / '.join('[' + (m[1] or m[0]['rule_number'] or m[0]['record_id']) + '] ' + m[0]['rule_text'] for m in members)
            rule['text'] = texts
            trades = [m[1] for m in members if m[1]]
            problems.append('the rule depends on the direction of trade (' + '; '.join(sorted(set(trades))) + '), which the submission does not carry'
                            if trades else str(len(members)) + ' different texts are recorded for this scope')
        else:
            rule['text'] = first['rule_text']
            if members[0][1]:
                problems.append('the rule applies only to ' + members[0][1] + ', which the submission does not carry')
        if any(m[0]['text_source'] != 'notes-verbatim' for m in members):
            # The note is quoted in reasons: it says why the rule is provisional, not where the text came from (that is 'source').
            # The pack's options.unverifiedRules decides whether such a rule is applied provisionally or held for review.
            rule['unverified'] = 'the text is not verified as a verbatim quote of the law, so an RVC proviso may be missing'
        note = '; '.join(m[0]['extraction_note'] for m in members if m[0]['extraction_note'])
        rule['verification'] = 'transcription only: not yet checked against the USITC text' + ('; transcriber\'s note: ' + note if note else '')
        if problems:
            rule['manualReview'] = '; '.join(problems)
        by_chapter.setdefault(chapter, []).append(rule)

    os.makedirs(OUT, exist_ok=True)
    for old in glob.glob(os.path.join(OUT, 'chapter-*.yaml')):
        os.remove(old)
    chapters = sorted(set(by_chapter) | set(notes))
    for chapter in chapters:
        doc = {'chapter': chapter}
        if chapter in notes:
            doc['notes'] = [{'id': 'GN11o-' + r['record_id'], 'citation': 'HTSUS General Note 11' + (
                '(n)' if r['chapter'] in ('28-38', '39-40') else '(o), Chapter ' + chapter + (', ' + r['rule_number'] if r['rule_number'] else '')),
                'scope': r['hs_scope'], 'text': r['rule_text']} for r in notes[chapter]]
        rules = sorted(by_chapter.get(chapter, []), key=lambda r: (r['scope'][0].replace('.', '').ljust(8, '0'), r['id']))
        doc['rules'] = rules
        with open(os.path.join(OUT, 'chapter-' + chapter + '.yaml'), 'w') as f:
            f.write('# Generated by tools/gn11o_import.py from a third-party transcription of HTSUS General Note 11(o).\n'
                    '# Edit by hand only to correct a rule against the official text, then record it in `verification`.\n')
            yaml.safe_dump(doc, f, sort_keys=False, allow_unicode=True, width=120)
    with open(os.path.join(OUT, 'IMPORT-REPORT.md'), 'w') as f:
        f.write('# Import report: HTSUS General Note 11(o) transcription\n\n')
        f.write('Generated by `python3 tools/gn11o_import.py gn11o-psr.tsv` from ' + SOURCE + '.\n\n')
        f.write('- rows read: %d\n- rules written: %d (in %d chapter files)\n- chapter notes written: %d\n- rows left out: %d\n\n' % (
            len(rows), sum(len(v) for v in by_chapter.values()), len(chapters), sum(len(v) for v in notes.values()), len(left_out)))
        f.write('Chapters absent from the transcription (no rule in this pack): 64, 65, 66, 67 (77 is reserved in the HS).\n\n')
        f.write('## Rows left out\n\n| chapter | record | scope | why |\n|---|---|---|---|\n')
        for row, why in left_out:
            f.write('| %s | %s | %s | %s |\n' % (row['chapter'], row['record_id'], row['hs_scope'], why))
    print('rules', sum(len(v) for v in by_chapter.values()), 'notes', sum(len(v) for v in notes.values()), 'left out', len(left_out), 'chapters', len(chapters))

if __name__ == '__main__':
    main(sys.argv[1])
