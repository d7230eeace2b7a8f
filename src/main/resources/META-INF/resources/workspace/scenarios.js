// The scenario page (issue 18): pick a scenario (GET /api/v1/scenarios, each labelled: a proposal, never law), run it on
// the tenant's stored determinations (POST /api/v1/scenario-runs), follow its progress once a second, chart what changes
// (by status change, by chapter, by value) from the run's summary, list the goods that change, each linked to its
// determination, and download the changes as CSV. The page draws what the API returns and decides nothing itself.
let timer = null;
let scenarios = [];
const CHANGES_SHOWN = 200; // the table stays readable; the CSV has every change

const LABEL_TEXT = { PROPOSAL: 'Proposal', REPORTED_OR_STAKEHOLDER_PROPOSAL: 'Reported or stakeholder proposal', STRESS_TEST: 'Stress test' };
function labelBadge(label) { return OC.el('span', { class: 'badge scenario-label' }, (LABEL_TEXT[label] || label) + ' · not law'); }
function money(v) { return v === null || v === undefined ? '' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 }); }

function showScenario(id) {
  const s = scenarios.find(x => x.id === id);
  const out = document.getElementById('scenario-detail');
  if (!s) { out.replaceChildren(); return; }
  const what = [...s.changes.map(c => c.description), ...s.conditions.map(c => c.description)];
  out.replaceChildren(
    OC.el('h2', {}, labelBadge(s.label), ' ', s.title),
    OC.el('p', {}, s.summary),
    OC.el('h3', {}, 'What it changes'), OC.el('ul', {}, ...what.map(w => OC.el('li', {}, w))),
    OC.el('h3', {}, 'Source of the proposal'),
    OC.el('ul', { class: 'muted' }, ...s.sources.map(src => OC.el('li', {}, [src.status, src.date, src.source, src.confidence ? 'confidence ' + src.confidence : null, src.note]
      .filter(x => x).join(' · ')))),
    OC.el('p', { class: 'muted' }, `Scenario ${s.id} on rule pack ${s.basePack} (file ${s.file}, SHA-256 ${s.sha256.slice(0, 12)}…)`));
}

// A horizontal stacked bar per row, scaled to the largest row; each segment labelled in its <title> and the row's total
// written beside it. rows: [{ label, segments: [{ value, kind, text }] , total }]
function barChart(title, rows, valueText) {
  const ns = 'http://www.w3.org/2000/svg', width = 560, row = 26, x0 = 190, span = 250;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, rows.length) * row + 6}`);
  svg.setAttribute('class', 'impact-chart'); svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title + ': ' + rows.map(r => r.label + ' ' + r.segments.filter(s => s.value > 0).map(s => s.text).join(', ')).join('; '));
  const mk = (tag, attrs, parent = svg) => { const n = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); parent.append(n); return n; };
  const max = Math.max(1, ...rows.map(r => r.segments.reduce((a, s) => a + Number(s.value), 0)));
  rows.forEach((r, i) => {
    const y = 4 + i * row;
    mk('text', { x: 0, y: y + 14 }).textContent = r.label;
    mk('rect', { x: x0, y, width: span, height: 18, class: 'track' });
    let x = x0;
    for (const s of r.segments) {
      const w = Number(s.value) / max * span;
      if (w <= 0) continue;
      const g = mk('g', {});
      mk('rect', { x, y, width: Math.max(w, 1.5), height: 18, class: 'seg-' + s.kind }, g);
      mk('title', {}, g).textContent = s.text;
      x += w;
    }
    mk('text', { x: x0 + span + 6, y: y + 14, class: 'value-label' }).textContent = valueText(r);
  });
  return OC.el('div', { class: 'panel chart' }, OC.el('h3', {}, title), svg);
}

function legend() {
  const item = (kind, text) => OC.el('span', { class: 'legend-item' }, OC.el('span', { class: 'swatch seg-' + kind }), text);
  return OC.el('p', { class: 'legend muted', id: 'legend' }, item('stop', 'stops qualifying'), item('start', 'starts qualifying'),
    item('other', 'other change'), item('same', 'no change'), item('failed', 'could not be evaluated'));
}

function kindOf(from, to) { return from === 'ORIGINATING' ? 'stop' : to === 'ORIGINATING' ? 'start' : 'other'; }

function charts(run) {
  const s = run.summary;
  const unchanged = Math.max(0, run.done - run.changed - run.failed);
  const statusRows = s.byStatusChange.map(c => ({ label: `${OC.label(c.from)} → ${OC.label(c.to)}`,
    segments: [{ value: c.count, kind: kindOf(c.from, c.to), text: `${c.count} from ${OC.label(c.from)} to ${OC.label(c.to)}` }], total: c.count }));
  statusRows.push({ label: 'No change', segments: [{ value: unchanged, kind: 'same', text: `${unchanged} unchanged` }], total: unchanged });
  if (run.failed > 0) statusRows.push({ label: 'Could not be evaluated', segments: [{ value: run.failed, kind: 'failed', text: `${run.failed} failed` }], total: run.failed });

  const chapterRows = s.byChapter.slice(0, 15).map(c => {
    const other = c.changed - c.stopQualifying - c.startQualifying;
    return { label: 'Chapter ' + c.chapter, total: c.evaluated, changed: c.changed, segments: [
      { value: c.stopQualifying, kind: 'stop', text: `${c.stopQualifying} stop qualifying` }, { value: c.startQualifying, kind: 'start', text: `${c.startQualifying} start qualifying` },
      { value: other, kind: 'other', text: `${other} other changes` }, { value: c.evaluated - c.changed, kind: 'same', text: `${c.evaluated - c.changed} unchanged` }] };
  });
  const valueRows = s.byValue.map(v => {
    const other = Number(v.valueChanged) - Number(v.valueStopQualifying) - Number(v.valueStartQualifying);
    return { label: v.currency, total: v.valueEvaluated, changed: v.valueChanged, segments: [
      { value: Number(v.valueStopQualifying), kind: 'stop', text: `${money(v.valueStopQualifying)} ${v.currency} stop qualifying` },
      { value: Number(v.valueStartQualifying), kind: 'start', text: `${money(v.valueStartQualifying)} ${v.currency} start qualifying` },
      { value: other, kind: 'other', text: `${money(other)} ${v.currency} other changes` },
      { value: Number(v.valueEvaluated) - Number(v.valueChanged), kind: 'same', text: `${money(Number(v.valueEvaluated) - Number(v.valueChanged))} ${v.currency} unchanged` }] };
  });
  const out = [barChart('By status change (law → scenario)', statusRows, r => String(r.total))];
  out.push(chapterRows.length ? barChart('By chapter' + (s.byChapter.length > 15 ? ' (the 15 with most changes)' : ''), chapterRows, r => `${r.changed} of ${r.total} change`)
    : OC.el('div', { class: 'panel' }, OC.el('h3', {}, 'By chapter'), OC.el('p', { class: 'muted' }, 'Nothing evaluated yet.')));
  out.push(valueRows.length ? barChart('By value (transaction value, else net cost)', valueRows, r => `${money(r.changed)} of ${money(r.total)} change`)
    : OC.el('div', { class: 'panel' }, OC.el('h3', {}, 'By value'), OC.el('p', { class: 'muted' }, 'Nothing evaluated yet.')));
  document.getElementById('charts').replaceChildren(...out, legend());
}

function show(run) {
  document.getElementById('run').hidden = false;
  document.getElementById('run-id').textContent = run.id;
  const s = scenarios.find(x => x.id === run.scenario);
  document.getElementById('run-scenario').replaceChildren(s ? labelBadge(s.label) : '', ' ', s ? s.title : run.scenario);
  const progress = document.getElementById('progress');
  progress.max = Math.max(run.total, 1);
  progress.value = run.done;
  const percent = run.total === 0 ? 100 : Math.floor(100 * run.done / run.total);
  document.getElementById('progress-text').textContent = `${run.done} of ${run.total} (${percent}%) · ${run.changed} change · ${run.failed} failed · ${run.state}`;
  const f = run.filter || {};
  document.getElementById('run-detail').textContent = `rule pack ${run.rulePackVersion}` + (run.asOf ? ` · all as of ${run.asOf}` : ' · each on its own date')
    + (f.hsCode ? ` · HS ${f.hsCode}…` : '') + (f.latestPerPartNumber === false ? '' : ' · the newest determination of each part number')
    + ' · each evaluated under the law in force and under the scenario on the same date';
  charts(run);
}

async function loadChanges(id) {
  const chapter = document.getElementById('f-chapter').value;
  // The first page only (the API pages its changes); the CSV has every change.
  const found = await OC.json('/api/v1/scenario-runs/' + encodeURIComponent(id) + '/changes?size=' + CHANGES_SHOWN + (chapter ? '&chapter=' + chapter : ''));
  const changes = found.items;
  document.getElementById('changes-section').hidden = false;
  const rows = changes.map(c => OC.el('tr', {},
    OC.el('td', {}, OC.el('a', { href: 'determination.html?id=' + encodeURIComponent(c.determinationId) }, c.partNumber || c.determinationId)),
    OC.el('td', {}, OC.hsCell(c.hsCode)), OC.el('td', { class: 'num' }, c.value === null ? '' : `${money(c.value)} ${c.currency || ''}`),
    OC.el('td', {}, OC.badge(c.lawStatus)), OC.el('td', {}, OC.badge(c.scenarioStatus)), OC.el('td', {}, c.scenarioCriterion || ''),
    OC.el('td', {}, OC.el('ul', { class: 'reasons-list' }, ...c.reasons.map(r => OC.el('li', {}, OC.badge(r.outcome), ' ', r.message))))));
  if (found.total > changes.length) rows.push(OC.el('tr', {}, OC.el('td', { colspan: 7, class: 'muted' }, `and ${found.total - changes.length} more: download the CSV for all of them.`)));
  document.getElementById('changes').replaceChildren(...(rows.length ? rows : [OC.el('tr', {}, OC.el('td', { colspan: 7, class: 'muted' }, 'No good changes status under this scenario.'))]));
}

function chapters(run) {
  const select = document.getElementById('f-chapter');
  const current = select.value;
  select.replaceChildren(OC.el('option', { value: '' }, 'All'), ...run.summary.byChapter.filter(c => c.changed > 0)
    .map(c => OC.el('option', { value: c.chapter }, `${c.chapter} (${c.changed})`)));
  select.value = current;
}

async function follow(id) {
  try {
    const run = await OC.json('/api/v1/scenario-runs/' + encodeURIComponent(id));
    show(run);
    if (run.state === 'DONE') {
      chapters(run);
      document.getElementById('changes-section').dataset.run = run.id;
      await loadChanges(run.id);
      return;
    }
    timer = setTimeout(() => follow(id), 1000);
  } catch (e) {
    document.getElementById('start-error').textContent = e.message;
  }
}

async function downloadCsv() {
  const id = document.getElementById('changes-section').dataset.run;
  const chapter = document.getElementById('f-chapter').value;
  const out = document.getElementById('csv-result');
  const r = await OC.api('/api/v1/scenario-runs/' + encodeURIComponent(id) + '/changes' + (chapter ? '?chapter=' + chapter : ''), { headers: { Accept: 'text/csv' } });
  if (!r.ok) { out.textContent = 'The download failed (HTTP ' + r.status + ').'; return; }
  const a = OC.el('a', { href: URL.createObjectURL(await r.blob()), download: `scenario-run-${id}${chapter ? '-chapter-' + chapter : ''}-changes.csv` });
  document.body.append(a); a.click(); a.remove();
  out.textContent = 'Downloaded.';
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!OC.token()) { location.href = 'index.html'; return; }
  OC.showWho();
  const select = document.getElementById('scenario');
  const mayRun = OC.hasRole('reviewer', 'admin');
  document.getElementById('start-role').hidden = mayRun;
  document.getElementById('start').disabled = !mayRun;
  try {
    scenarios = await OC.json('/api/v1/scenarios');
    select.replaceChildren(...scenarios.map(s => OC.el('option', { value: s.id }, `${s.title} — ${LABEL_TEXT[s.label] || s.label}`)));
    showScenario(select.value);
  } catch (e) {
    document.getElementById('start-error').textContent = e.message;
  }
  select.addEventListener('change', () => showScenario(select.value));
  const id = new URLSearchParams(location.search).get('id');
  if (id && /^[0-9a-f-]{36}$/i.test(id)) follow(id);
  document.getElementById('f-chapter').addEventListener('change', () => loadChanges(document.getElementById('changes-section').dataset.run)
    .catch(e => { document.getElementById('start-error').textContent = e.message; }));
  document.getElementById('changes-csv').addEventListener('click', downloadCsv);
  document.getElementById('start-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    document.getElementById('start-error').textContent = '';
    const body = { scenario: select.value };
    const asOf = document.getElementById('as-of').value;
    const hs = document.getElementById('f-hs').value.trim();
    if (asOf) body.asOf = asOf;
    if (hs) body.filter = { hsCode: hs };
    try {
      const run = await OC.json('/api/v1/scenario-runs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      clearTimeout(timer);
      document.getElementById('changes-section').hidden = true;
      document.getElementById('f-chapter').value = '';
      history.replaceState(null, '', 'scenarios.html?id=' + run.id);
      follow(run.id);
    } catch (e) {
      document.getElementById('start-error').textContent = e.message;
    }
  });
});
