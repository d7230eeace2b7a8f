const id = new URLSearchParams(location.search).get('id');
let determination, submission, whatIfBody;

function text(v) { return v === null || v === undefined ? '' : String(v); }

function rvcChart(entries) {
  // One bar per method: the value against its threshold (a line), so a margin is seen at a glance.
  const ns = 'http://www.w3.org/2000/svg', width = 520, row = 34;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', width); svg.setAttribute('height', Math.max(1, entries.length) * row + 10); svg.setAttribute('role', 'img');
  entries.forEach((e, i) => {
    const y = 6 + i * row, scale = v => 200 + (Number(v) / 100) * 300;
    const mk = (tag, attrs) => { const n = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); svg.append(n); return n; };
    mk('text', { x: 0, y: y + 15 }).textContent = `${e.alternative ? 'alt. ' + e.alternative + ' ' : ''}${e.method === 'NET_COST' ? 'net cost' : 'transaction value'}`;
    mk('rect', { x: 200, y, width: 300, height: 20, fill: '#e8ecf0' });
    mk('rect', { x: 200, y, width: Math.max(0, scale(e.value) - 200), height: 20, fill: e.met ? '#1f7a3a' : '#b3261e' });
    mk('line', { x1: scale(e.threshold), x2: scale(e.threshold), y1: y - 3, y2: y + 23, stroke: '#1d2733', 'stroke-width': 2 });
    mk('text', { x: 505 - 300 + 305, y: y + 15 }).textContent = '';
    mk('title', {}).textContent = `${Number(e.value).toFixed(2)}% against ${e.threshold}%`;
  });
  const wrap = OC.el('div');
  wrap.append(svg);
  wrap.append(OC.el('table', {}, OC.el('thead', {}, OC.el('tr', {}, ...['Requirement', 'Alternative', 'Method', 'Value', 'Threshold', 'Met', 'Points short'].map(h => OC.el('th', {}, h)))),
    OC.el('tbody', {}, ...entries.map(e => OC.el('tr', {}, OC.el('td', {}, e.requirement), OC.el('td', {}, text(e.alternative)), OC.el('td', {}, e.method),
      OC.el('td', {}, Number(e.value).toFixed(2) + '%'), OC.el('td', {}, e.threshold + '%'), OC.el('td', {}, OC.badge(e.met ? 'PASS' : 'FAIL')), OC.el('td', {}, text(e.pointsShort)))))));
  return wrap;
}

function failingMaterials(d) {
  const failing = {};
  for (const r of d.reasons) if (r.code === 'TARIFF_SHIFT' && r.outcome === 'FAIL') for (const m of r.materials) (failing[m] = failing[m] || []).push(r.alternative);
  return failing;
}

function renderBom() {
  const container = document.getElementById('bom');
  if (!submission || !Array.isArray(submission.materials)) { container.replaceChildren(OC.el('p', { class: 'muted' }, 'The submission was not JSON; its materials are shown in the stored CSV.')); return; }
  const failing = failingMaterials(determination);
  container.replaceChildren(OC.el('table', {}, OC.el('thead', {}, OC.el('tr', {}, ...['#', 'Part number', 'Description', 'HS', 'Heading', 'Origin', 'Value', 'Kind', 'Tariff shift'].map(h => OC.el('th', {}, h)))),
    OC.el('tbody', {}, ...submission.materials.map((m, i) => {
      const label = m.partNumber || `materials[${i}]`;
      const origin = OC.el('select', { 'data-index': i, class: 'origin' }, ...['ORIGINATING', 'NON_ORIGINATING', 'UNKNOWN'].map(o => { const op = OC.el('option', {}, o); if (o === m.origin) op.selected = true; return op; }));
      const value = OC.el('input', { 'data-index': i, class: 'value', value: m.value, size: 10 });
      const shift = m.origin === 'ORIGINATING' ? 'not tested (originating)' : failing[label] ? 'fails (alternative ' + failing[label].join(', ') + ')' : 'met';
      return OC.el('tr', {}, OC.el('td', {}, i), OC.el('td', {}, text(m.partNumber)), OC.el('td', {}, text(m.description)), OC.el('td', { class: 'mono' }, text(m.hsCode)),
        OC.el('td', { class: 'mono' }, m.hsCode ? m.hsCode.replace(/\./g, '').slice(0, 4) : ''), OC.el('td', {}, origin), OC.el('td', {}, value), OC.el('td', {}, text(m.kind || 'DIRECT')),
        OC.el('td', { class: failing[label] ? 'FAIL' : '' }, shift));
    }))));
}

async function renderReview() {
  const review = await OC.json(`/api/v1/determinations/${id}/review`);
  document.getElementById('review-state').replaceChildren(OC.el('p', {}, 'State ', OC.badge(review.state), ' · standing conclusion ', OC.badge(review.conclusion),
    review.conclusionCriterion ? ' (criterion ' + review.conclusionCriterion + ')' : ''));
  document.getElementById('timeline').replaceChildren(OC.el('table', {}, OC.el('thead', {}, OC.el('tr', {}, ...['#', 'When', 'Who', 'Action', 'From', 'To', 'Why', 'Override'].map(h => OC.el('th', {}, h)))),
    OC.el('tbody', { id: 'timeline-rows' }, ...review.events.map(e => OC.el('tr', {}, OC.el('td', {}, e.seq), OC.el('td', {}, e.at.replace('T', ' ').slice(0, 19)), OC.el('td', {}, e.actor),
      OC.el('td', {}, e.action), OC.el('td', {}, text(e.fromState)), OC.el('td', {}, OC.badge(e.toState)), OC.el('td', {}, text(e.justification)),
      OC.el('td', {}, e.overrideStatus ? e.overrideStatus + (e.overrideCriterion ? ' / ' + e.overrideCriterion : '') : ''))))));
}

async function download(path, accept, name) {
  const r = await OC.api(path, { headers: { 'Accept': accept } });
  if (!r.ok) throw new Error('HTTP ' + r.status);
  const url = URL.createObjectURL(await r.blob());
  const a = OC.el('a', { href: url, download: name, id: 'download-link' }, name);
  document.body.append(a); a.click(); a.remove();
}

function editedBody() {
  const body = JSON.parse(JSON.stringify(submission));
  document.querySelectorAll('select.origin').forEach(s => { body.materials[s.dataset.index].origin = s.value; });
  document.querySelectorAll('input.value').forEach(v => { body.materials[v.dataset.index].value = Number(v.value); });
  body.reference = 'what-if of ' + id;
  return body;
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!OC.token()) { location.href = 'index.html'; return; }
  OC.showWho();
  try {
    determination = await OC.json(`/api/v1/determinations/${id}`);
    const raw = await OC.api(`/api/v1/determinations/${id}/submission`);
    submission = (raw.headers.get('Content-Type') || '').startsWith('application/json') ? await raw.json() : null;
  } catch (e) { document.getElementById('load-error').textContent = e.message; return; }
  const d = determination;
  document.getElementById('title').textContent = `Determination ${d.reference ? d.reference + ' · ' : ''}${submission && submission.good ? (submission.good.partNumber || '') + ' ' + (submission.good.hsCode || '') : ''}`;
  document.getElementById('outcome').replaceChildren(OC.el('p', {}, 'Engine: ', OC.badge(d.status), d.originCriterion ? ' criterion ' + d.originCriterion : ''),
    OC.el('p', {}, 'As of ', d.asOf, ' · rule ', d.productRule ? d.productRule.id : '—'), d.productRule ? OC.el('p', { class: 'muted' }, d.productRule.text) : null,
    d.productRule ? OC.el('p', { class: 'muted' }, d.productRule.citation) : null,
    ...(d.missingData || []).map(m => OC.el('p', { class: 'INSUFFICIENT_DATA' }, 'Missing ' + m.field + ': ' + m.message)));
  document.getElementById('rvc').replaceChildren(d.regionalValueContent.length ? rvcChart(d.regionalValueContent) : OC.el('p', { class: 'muted' }, 'No regional value content was computed.'));
  document.getElementById('reasons').replaceChildren(OC.el('table', {}, OC.el('thead', {}, OC.el('tr', {}, ...['Code', 'Outcome', 'Message', 'Citation', 'Materials'].map(h => OC.el('th', {}, h)))),
    OC.el('tbody', {}, ...d.reasons.map(r => OC.el('tr', {}, OC.el('td', {}, r.code + (r.alternative ? ' (' + r.alternative + ')' : '')), OC.el('td', {}, OC.badge(r.outcome)),
      OC.el('td', {}, r.message), OC.el('td', { class: 'muted' }, r.citation), OC.el('td', {}, (r.materials || []).join(', ')))))));
  document.getElementById('evidence').textContent = `id ${d.id} · created ${d.createdAt} · rule pack ${d.rulePack.id} ${d.rulePack.version} · sha256 ${d.rulePack.sha256}`;
  renderBom();
  await renderReview();

  document.getElementById('action').addEventListener('change', ev => { document.getElementById('override-fields').hidden = ev.target.value !== 'OVERRIDE'; });
  document.getElementById('action-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const action = document.getElementById('action').value;
    const body = { action, justification: document.getElementById('justification').value };
    if (action === 'OVERRIDE') {
      body.overrideStatus = document.getElementById('override-status').value;
      if (body.overrideStatus === 'ORIGINATING') body.overrideCriterion = document.getElementById('override-criterion').value;
    }
    const out = document.getElementById('action-result');
    const r = await OC.api(`/api/v1/determinations/${id}/review-actions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) { out.className = 'error'; out.textContent = (json.errors || []).map(e => e.field + ': ' + e.message).join('; ') || json.detail; return; }
    out.className = 'PASS'; out.textContent = 'Recorded.'; document.getElementById('justification').value = '';
    await renderReview();
  });
  document.getElementById('timeline-csv').addEventListener('click', ev => { ev.preventDefault(); download(`/api/v1/determinations/${id}/review/timeline.csv`, 'text/csv', `timeline-${id}.csv`); });
  document.getElementById('whatif').addEventListener('click', async () => {
    const out = document.getElementById('whatif-result');
    if (!submission) return;
    whatIfBody = editedBody();
    const r = await OC.api('/api/v1/evaluations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(whatIfBody) });
    const json = await r.json();
    if (!r.ok) { out.className = 'error'; out.textContent = json.detail; return; }
    out.className = json.status; out.id = 'whatif-result'; out.textContent = 'With these changes: ' + json.status + (json.originCriterion ? ' (criterion ' + json.originCriterion + ')' : '');
    document.getElementById('whatif-save').disabled = false;
  });
  document.getElementById('whatif-save').addEventListener('click', async () => {
    const r = await OC.api('/api/v1/determinations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(whatIfBody) });
    const json = await r.json();
    if (r.ok) location.href = 'determination.html?id=' + json.id;
  });
  document.getElementById('cert-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const v = x => document.getElementById(x).value.trim() || null;
    const body = { certifierRole: v('c-role'), certifier: { name: v('c-name'), address: v('c-address'), email: v('c-email') }, producerStatement: 'AVAILABLE_UPON_REQUEST',
      signatory: v('c-signatory'), blanketFrom: v('c-from'), blanketTo: v('c-to') };
    const out = document.getElementById('cert-result');
    const r = await OC.api(`/api/v1/determinations/${id}/certifications`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) { out.className = 'error'; out.textContent = (json.errors || []).map(e => e.field + ': ' + e.message).join('; ') || json.detail; return; }
    out.className = 'PASS';
    out.replaceChildren('Issued. ', OC.el('a', { href: '#', id: 'cert-pdf', onclick: e => { e.preventDefault(); download('/api/v1/certifications/' + json.id, 'application/pdf', 'certification-' + json.id + '.pdf'); } }, 'Download the PDF'));
    await renderReview();
  });
});
