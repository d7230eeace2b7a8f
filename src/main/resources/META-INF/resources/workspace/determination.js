// One determination: the answer and why first, then the figures, the bill of materials with a what-if, the review
// timeline, the certifications of origin and the evidence. Every figure comes from the API; nothing is recomputed here.
// Only a UUID is used as the id: it goes into API paths (with the caller's token) and onto the page, so anything
// else (a path such as ../../rule-packs, markup) is answered with the not-found page and never sent or shown.
const UUID_FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const givenId = new URLSearchParams(location.search).get('id');
const id = givenId && UUID_FORM.test(givenId) ? givenId.toLowerCase() : null;
let determination, submission, submissionKind, review, certifications = [], whatIfBody, whatIfResult;

function text(v) { return v === null || v === undefined ? '' : String(v); }
function num(v, digits = 2) { return v === null || v === undefined ? '' : Number(v).toFixed(digits); }
const CRITERIA = { A: 'criterion A — wholly obtained (Art. 4.2(a))', B: 'criterion B — product-specific rule (Art. 4.2(b))',
  C: 'criterion C — exclusively from originating materials (Art. 4.2(c))', D: 'criterion D — parts rule (Art. 4.2(d))' };
const CONTEXT_CODES = ['PRODUCT_RULE_SELECTED', 'PRODUCT_RULE_NOT_FOUND', 'PRODUCT_RULE_NEEDS_DATA', 'PRODUCT_RULE_NEEDS_REVIEW', 'BILL_OF_MATERIALS',
  'MATERIAL_TREATMENT', 'AUTOMOTIVE_CLASSIFICATION', 'AUTOMOTIVE_THRESHOLDS', 'ALTERNATIVE_STAGING_REGIME', 'CORE_PARTS', 'CORE_PARTS_ROLL_UP',
  'STEEL_AND_ALUMINUM', 'LABOR_VALUE_CONTENT', 'ORIGIN_DETERMINED'];
const AUTOMOTIVE_CODES = ['CORE_PARTS', 'STEEL_AND_ALUMINUM', 'LABOR_VALUE_CONTENT', 'AUTOMOTIVE_CLASSIFICATION', 'AUTOMOTIVE_THRESHOLDS'];
const CRITERION_CODES = { A: ['WHOLLY_OBTAINED'], C: ['EXCLUSIVELY_ORIGINATING_MATERIALS'], D: ['PARTS_RULE_4_2_D'],
  B: ['PRODUCT_RULE_MET', 'PRODUCT_RULE_ALTERNATIVE', 'PRODUCT_RULE_PROVISO', 'TARIFF_SHIFT', 'TARIFF_SHIFT_DE_MINIMIS', 'RVC_TRANSACTION_VALUE', 'RVC_NET_COST',
    'RVC_METHOD_UNAVAILABLE', 'RVC_DE_MINIMIS'] };

// ------------------------------------------------------------------ the deciding path

/**
 * Which criterion and alternative decided, or, for a good that does not originate, the nearest miss: the alternative
 * of the product-specific rule with the fewest RVC points short, then the fewest tests not met (documented in
 * docs/workspace.md). The page only arranges the engine's reasons; it never decides anything itself.
 */
function decidingPath(d) {
  const alternatives = [...new Set(d.reasons.filter(r => r.alternative).map(r => r.alternative))];
  const altOutcome = a => (d.reasons.find(r => r.code === 'PRODUCT_RULE_ALTERNATIVE' && r.alternative === a) || {}).outcome;
  const automotiveFailure = d.reasons.find(r => AUTOMOTIVE_CODES.includes(r.code) && r.outcome === 'FAIL');
  if (d.status === 'ORIGINATING') {
    const criterion = d.originCriterion;
    const alternative = criterion === 'B' ? alternatives.find(a => altOutcome(a) === 'PASS') : null;
    return { kind: 'MET', criterion, alternative };
  }
  let nearest = null, best = null;
  for (const a of alternatives) {
    const short = d.regionalValueContent.filter(e => e.requirement === 'PRODUCT_RULE' && e.alternative === a && !e.met)
      .map(e => Number(e.pointsShort)).filter(v => !Number.isNaN(v));
    const score = [short.length ? Math.min(...short) : 0, d.reasons.filter(r => r.alternative === a && r.outcome === 'FAIL').length];
    if (!best || score[1] < best[1] || (score[1] === best[1] && score[0] < best[0])) { best = score; nearest = a; }
  }
  return { kind: d.status === 'INSUFFICIENT_DATA' ? 'UNDECIDED' : 'MISSED', criterion: nearest ? 'B' : null, alternative: nearest, automotiveFailure };
}

function isDeciding(r, path, d) {
  if (CONTEXT_CODES.includes(r.code)) return true;
  if (r.outcome === 'INSUFFICIENT_DATA') return true;
  if (path.kind === 'MET') {
    if (!(CRITERION_CODES[path.criterion] || []).includes(r.code)) return false;
    return path.criterion !== 'B' || !r.alternative || r.alternative === path.alternative;
  }
  if (r.code === 'PRODUCT_RULE_MET') return true;
  return path.alternative !== null && r.alternative === path.alternative;
}

function rvcMargin(e) {
  const diff = Number(e.value) - Number(e.threshold);
  return `RVC ${OC.pct(e.value)} (${OC.label(e.method).toLowerCase()}) against ${OC.pct(e.threshold, 0)}: `
    + (e.met ? `${diff.toFixed(1)} points above` : `${num(e.pointsShort, 1)} points short` + (e.nonOriginatingValueOver ? `; ${num(e.nonOriginatingValueOver)} of non-originating value too much` : ''));
}

function pathSentence(d, path) {
  const out = [];
  const rvcOf = path.criterion === 'D' ? d.regionalValueContent.filter(e => e.requirement.startsWith('PARTS_RULE_4_2_D'))
    : d.regionalValueContent.filter(e => e.requirement === 'PRODUCT_RULE' && e.alternative === path.alternative);
  if (path.kind === 'MET') {
    out.push(OC.el('strong', {}, path.alternative ? `Alternative ${path.alternative} met` : 'Met'));
    const passed = d.reasons.filter(r => r.outcome === 'PASS' && isDeciding(r, path, d) && !CONTEXT_CODES.includes(r.code) && r.code !== 'PRODUCT_RULE_MET' && r.code !== 'PRODUCT_RULE_ALTERNATIVE');
    if (passed.length) out.push(': ' + [...new Set(passed.map(r => OC.label(r.code).toLowerCase()))].join(', '));
    const met = rvcOf.filter(e => e.met);
    if (met.length) out.push(' · ' + met.map(rvcMargin).join(' · '));
    return out;
  }
  if (path.automotiveFailure) {
    out.push(OC.el('strong', {}, OC.label(path.automotiveFailure.code) + ' not met'), ': ' + path.automotiveFailure.message);
    return out;
  }
  if (path.kind === 'UNDECIDED') {
    out.push(OC.el('strong', {}, 'Not decided'), ': the engine needs the facts listed below before it can answer.');
    return out;
  }
  if (!path.alternative) {
    const conclusion = d.reasons.find(r => r.code === 'ORIGIN_DETERMINED');
    out.push(OC.el('strong', {}, 'No criterion met'), conclusion ? ': ' + conclusion.message : '');
    return out;
  }
  out.push(OC.el('strong', {}, `Nearest miss: alternative ${path.alternative}`));
  const failed = d.reasons.filter(r => r.alternative === path.alternative && r.outcome === 'FAIL');
  const shifts = failed.filter(r => r.code === 'TARIFF_SHIFT');
  if (shifts.length) out.push(' · tariff shift not met by ', ...shifts.flatMap(r => r.materials).flatMap((m, i) => [i ? ', ' : '', OC.el('span', { class: 'hs' }, m)]));
  const missed = rvcOf.filter(e => !e.met);
  if (missed.length) out.push(' · ' + missed.map(rvcMargin).join(' · '));
  if (!shifts.length && !missed.length && failed.length) out.push(': ' + failed[0].message);
  return out;
}

function reasonsTable(reasons, neutral) {
  return OC.el('table', { class: 'reasons' }, OC.el('thead', {}, OC.el('tr', {}, ...['Test', 'Outcome', 'Why', 'Citation'].map(h => OC.el('th', {}, h)))),
    OC.el('tbody', {}, ...reasons.map(r => OC.el('tr', { 'data-code': r.code },
      OC.el('td', { class: 'nowrap' }, OC.label(r.code) + (r.alternative ? ' (' + r.alternative + ')' : '')),
      OC.el('td', {}, OC.badge(r.outcome, neutral && r.outcome !== 'PASS')),
      OC.el('td', {}, r.message, r.materials && r.materials.length ? OC.el('div', { class: 'muted' }, 'Materials: ' + r.materials.join(', ')) : null),
      OC.el('td', { class: 'muted' }, r.citation)))));
}

function renderAnswer(d) {
  const good = submission && submission.good ? submission.good : {};
  const title = document.getElementById('title');
  title.replaceChildren(good.partNumber ? good.partNumber + ' ' : '', OC.hsCell(good.hsCode || (d.productRule ? d.productRule.hsScope : '')),
    good.description ? ' · ' + good.description : '', d.reference ? OC.el('span', { class: 'muted' }, ' · ' + d.reference) : null);
  const path = decidingPath(d);
  document.getElementById('verdict-status').replaceChildren(OC.badge(d.status));
  document.getElementById('verdict-criterion').textContent = d.originCriterion ? CRITERIA[d.originCriterion] : '';
  document.getElementById('verdict-rule').replaceChildren(...(d.productRule
    ? [OC.el('strong', {}, 'Rule '), OC.hsCell(d.productRule.hsScope || d.productRule.id), ': ', OC.el('span', { class: 'ruletext' }, d.productRule.text),
      OC.el('span', { class: 'muted' }, ' — ' + d.productRule.citation)]
    : [OC.el('strong', {}, 'No product-specific rule applied.')]), OC.el('span', { class: 'muted' }, ' · as of ' + d.asOf));
  document.getElementById('verdict-path').replaceChildren(...pathSentence(d, path));
  // The question, what the law says it decides, and the answers it can take (none for a figure such as a cost).
  document.getElementById('verdict-missing').replaceChildren(...(d.missingData || []).map(m => OC.el('li', { class: 'INSUFFICIENT_DATA' },
    OC.el('strong', {}, 'Missing ' + (m.question || m.field)), ': ' + m.message,
    ...(m.values && m.values.length ? [OC.el('span', { class: 'values' }, ' — one of: ' + m.values.join(', '))] : []),
    ...(m.legalText ? [OC.el('div', { class: 'muted legal' }, m.legalText)] : []))));

  // The rule's selection and the treatment of materials are notes, not tests: the rule is already at the top.
  const NOTES = ['PRODUCT_RULE_SELECTED', 'MATERIAL_TREATMENT'];
  const notes = d.reasons.filter(r => NOTES.includes(r.code) && r.outcome === 'INFO');
  const deciding = d.reasons.filter(r => !notes.includes(r) && isDeciding(r, path, d));
  const notTaken = d.reasons.filter(r => !notes.includes(r) && !isDeciding(r, path, d));
  const details = OC.el('details', { id: 'not-taken' }, OC.el('summary', {}, `Criteria and alternatives not taken (${notTaken.length} tests)`), reasonsTable(notTaken, true));
  const noteDetails = OC.el('details', { id: 'notes' }, OC.el('summary', {}, `Notes: the rule's selection and the treatment of materials (${notes.length})`), reasonsTable(notes, true));
  document.getElementById('reasons').replaceChildren(reasonsTable(deciding, false), notTaken.length ? details : '', notes.length ? noteDetails : '');
}

function renderReviewSummary() {
  const out = document.getElementById('verdict-review');
  if (!review) { out.replaceChildren(); return; }
  const last = review.events[review.events.length - 1] || {};
  const required = [...review.events].reverse().find(e => e.action === 'REVIEW_REQUIRED');
  const parts = [OC.el('strong', {}, 'Review: '), OC.badge(review.state)];
  if (review.state === 'PENDING_REVIEW') {
    parts.push(' — ', OC.el('span', { id: 'pending-why' }, 'pending because ' + (required && required.justification ? required.justification : 'the review policy asks for an officer')));
  } else if (review.state === 'OVERRIDDEN') {
    parts.push(` — ${last.actor || ''} concluded `, OC.badge(review.conclusion), review.conclusionCriterion ? ' (criterion ' + review.conclusionCriterion + ')' : '');
  } else if (last.actor) {
    parts.push(` — by ${last.actor}, ${last.at.replace('T', ' ').slice(0, 16)}`);
  }
  const active = certifications.filter(c => c.status === 'ACTIVE');
  if (active.length) parts.push(' · ', OC.el('span', { class: 'PASS' }, `${active.length} certification${active.length > 1 ? 's' : ''} of origin in force`));
  out.replaceChildren(...parts);
}

// ------------------------------------------------------------------ automotive

function against(value, threshold, met, unit = '%') {
  return OC.el('span', { class: met ? 'PASS' : 'FAIL' }, `${num(value, 1)}${unit} against ${num(threshold, 0)}${unit} ${met ? '✓' : '✗'}`);
}

function renderAutomotive(a) {
  const section = document.getElementById('automotive-section');
  if (!a) { section.hidden = true; return; }
  section.hidden = false;
  const blocks = [];
  blocks.push(OC.el('p', {}, OC.el('strong', {}, 'Class: '), a.classification || OC.label(a.vehicleClass) || '—', a.stagingRegime ? ' · alternative staging regime' : ''));
  if (a.thresholds) {
    const t = a.thresholds;
    blocks.push(OC.el('p', {}, OC.el('strong', {}, 'Thresholds: '), `${t.description || t.schedule}: RVC ${t.netCost ? OC.pct(t.netCost, 0) + ' net cost' : ''}`
      + `${t.transactionValue ? ' or ' + OC.pct(t.transactionValue, 0) + ' transaction value' : ''}`, OC.el('span', { class: 'muted' }, ' — ' + (t.citation || ''))));
  }
  const panels = [];
  if (a.coreParts) {
    const c = a.coreParts;
    const rows = [...(c.parts || []), ...(c.superCorePart ? [Object.assign({ superCore: true }, c.superCorePart)] : [])];
    panels.push(OC.el('div', { class: 'panel', id: 'core-parts' }, OC.el('h3', {}, 'Core parts ', OC.badge(c.outcome)),
      OC.el('p', { class: 'muted' }, `Each core part's RVC against ${OC.pct(c.threshold, 0)} (net cost) · VNM: ${text(c.vnmMethod)}${c.rollUp ? ' · roll-up: ' + c.rollUp : ''} — ${text(c.citation)}`),
      OC.el('table', {}, OC.el('thead', {}, OC.el('tr', {}, ...['Core part', 'Category', 'Net cost', 'VNM', 'RVC', 'Threshold', 'Outcome', 'Short'].map(h => OC.el('th', {}, h)))),
        OC.el('tbody', {}, ...rows.map(p => OC.el('tr', {}, OC.el('td', {}, (p.superCore ? 'super-core: ' : '') + text(p.part)), OC.el('td', {}, text(p.category)),
          OC.el('td', { class: 'num' }, num(p.netCost)), OC.el('td', { class: 'num' }, num(p.valueOfNonOriginatingMaterials)),
          OC.el('td', { class: 'num' }, p.value === null || p.value === undefined ? (p.determinationId ? 'determination ' + p.determinationId.slice(0, 8) : '') : OC.pct(p.value)),
          OC.el('td', { class: 'num' }, OC.pct(c.threshold, 0)), OC.el('td', {}, OC.badge(p.outcome)), OC.el('td', { class: 'num' }, p.pointsShort ? num(p.pointsShort, 1) + ' pts' : '')))))));
  }
  if (a.laborValueContent) {
    const l = a.laborValueContent;
    panels.push(OC.el('div', { class: 'panel', id: 'lvc' }, OC.el('h3', {}, 'Labor value content ', OC.badge(l.outcome)),
      OC.el('p', {}, 'Total ', against(l.total, l.required, Number(l.total) >= Number(l.required)), ' · high-wage ', against(l.highWagePoints, l.highWageMinimum, Number(l.highWagePoints) >= Number(l.highWageMinimum)),
        OC.el('span', { class: 'muted' }, ` · technology credit ${num(l.technologyCredit, 1)}, assembly credit ${num(l.assemblyCredit, 1)} (${text(l.basis)}) — ${text(l.citation)}`)),
      OC.el('table', {}, OC.el('thead', {}, OC.el('tr', {}, ...['Plant', 'Country', 'Average base hourly wage', 'Wage floor', 'High-wage'].map(h => OC.el('th', {}, h)))),
        OC.el('tbody', {}, ...(l.plants || []).map(p => OC.el('tr', {}, OC.el('td', {}, text(p.id)), OC.el('td', {}, text(p.country)),
          OC.el('td', { class: 'num' }, num(p.averageBaseHourlyWage) + ' ' + text(p.currency)), OC.el('td', { class: 'num' }, num(p.wageFloor) + ' ' + text(p.currency)),
          OC.el('td', {}, OC.badge(p.qualifying ? 'PASS' : 'FAIL'))))))));
  }
  if (a.steelAndAluminum) {
    const s = a.steelAndAluminum;
    panels.push(OC.el('div', { class: 'panel', id: 'steel-aluminum' }, OC.el('h3', {}, 'Steel and aluminum ', OC.badge(s.outcome)),
      OC.el('p', { class: 'muted' }, `Originating share of Table S purchases (${text(s.share)})${s.meltedAndPouredRequired ? ', steel melted and poured' : ''} — ${text(s.citation)}`),
      OC.el('table', {}, OC.el('thead', {}, OC.el('tr', {}, ...['Metal', 'Purchases', 'Originating', 'Share', 'Threshold', 'Short by'].map(h => OC.el('th', {}, h)))),
        OC.el('tbody', {}, ...(s.metals || []).map(m => OC.el('tr', {}, OC.el('td', {}, text(m.metal)), OC.el('td', { class: 'num' }, num(m.purchases)),
          OC.el('td', { class: 'num' }, num(m.originatingPurchases)), OC.el('td', {}, against(m.share, s.threshold, m.met)), OC.el('td', { class: 'num' }, OC.pct(s.threshold, 0)),
          OC.el('td', { class: 'num' }, m.originatingValueShort ? num(m.originatingValueShort) : ''))))),
      (s.notCounted || []).length ? OC.el('p', { class: 'muted' }, 'Not counted: ' + s.notCounted.join(', ')) : null));
  }
  document.getElementById('automotive').replaceChildren(...blocks, OC.el('div', { class: 'panels' }, ...panels));
}

// ------------------------------------------------------------------ regional value content

function rvcChart(entries) {
  // One bar per method: the value against its threshold (a line), both labelled, so a margin is seen at a glance.
  const ns = 'http://www.w3.org/2000/svg', width = 720, row = 40, x0 = 190, span = 330;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, entries.length) * row + 14}`); svg.setAttribute('class', 'rvc-chart'); svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', entries.map(e => `${OC.pct(e.value)} against ${OC.pct(e.threshold, 0)}`).join('; '));
  const mk = (tag, attrs) => { const n = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); svg.append(n); return n; };
  entries.forEach((e, i) => {
    const y = 14 + i * row, scale = v => x0 + Math.max(0, Math.min(100, Number(v))) / 100 * span;
    mk('text', { x: 0, y: y + 14 }).textContent = `${e.requirement.startsWith('PARTS_RULE_4_2_D') ? 'Art. 4.2(d) ' : e.alternative ? 'alt. ' + e.alternative + ' ' : ''}${OC.label(e.method).toLowerCase()}`;
    mk('rect', { x: x0, y, width: span, height: 20, class: 'track' });
    mk('rect', { x: x0, y, width: Math.max(0, scale(e.value) - x0), height: 20, class: e.met ? 'bar-met' : 'bar-missed' });
    mk('line', { x1: scale(e.threshold), x2: scale(e.threshold), y1: y - 4, y2: y + 24, class: 'threshold' });
    mk('text', { x: scale(e.threshold) + 3, y: y - 3, class: 'threshold-label' }).textContent = `threshold ${OC.pct(e.threshold, 0)}`;
    mk('text', { x: x0 + span + 6, y: y + 14, class: 'value-label' }).textContent = `${OC.pct(e.value)} ${e.met ? 'met' : num(e.pointsShort, 1) + ' short'}`;
    mk('title', {}).textContent = `${Number(e.value).toFixed(2)}% against ${e.threshold}%`;
  });
  const wrap = OC.el('div');
  wrap.append(svg);
  wrap.append(OC.el('table', {}, OC.el('thead', {}, OC.el('tr', {}, ...['Requirement', 'Alternative', 'Method', 'Value', 'Threshold', 'Outcome', 'Points short', 'Citation'].map(h => OC.el('th', {}, h)))),
    OC.el('tbody', {}, ...entries.map(e => OC.el('tr', {}, OC.el('td', {}, OC.label(e.requirement)), OC.el('td', {}, text(e.alternative)), OC.el('td', {}, OC.label(e.method)),
      OC.el('td', { class: 'num' }, OC.pct(e.value, 2)), OC.el('td', { class: 'num' }, OC.pct(e.threshold, 0)), OC.el('td', {}, OC.badge(e.met ? 'PASS' : 'FAIL')),
      OC.el('td', { class: 'num' }, num(e.pointsShort, 2)), OC.el('td', { class: 'muted' }, text(e.citation)))))));
  return wrap;
}

// ------------------------------------------------------------------ the origin of the materials, as a tree (issue 15)

const SOURCE_TEXT = { STATED: 'stated in the submission', DECLARATION: "supplier's declaration", DETERMINATION: 'stored determination',
  COMPONENTS: 'determined from its components' };

/** What decided a material's origin, with a link to the evidence: a stored determination's page, or the declaration's. */
function evidence(m) {
  const link = (href, label) => OC.el('a', { href }, label);
  if (m.originSource === 'DETERMINATION') {
    return m.originSourceId && UUID_FORM.test(m.originSourceId)
      ? ['from ', link('determination.html?id=' + encodeURIComponent(m.originSourceId), 'determination ' + m.originSourceId.slice(0, 8))]
      : ['from a stored determination'];
  }
  if (m.originSource === 'DECLARATION') {
    const supplier = m.supplierId ? ` of supplier ${m.supplierId}` : '';
    return m.originSourceId
      ? ['from ', link('declarations.html?id=' + encodeURIComponent(m.originSourceId), `the declaration${supplier}`)]
      : [`no valid declaration${supplier} for this part on the date: `, link('declarations.html', 'see the declarations and gaps')];
  }
  return [SOURCE_TEXT[m.originSource] || text(m.originSource), m.supplierId ? ` (supplier ${m.supplierId}, recorded for the gaps report)` : ''];
}

function materialLine(m) {
  return [OC.el('strong', {}, m.partNumber || `material ${m.index}`), ' ', OC.badge(m.origin), ' ', OC.el('span', { class: 'evidence muted' }, ...evidence(m))];
}

/** An intermediate material's own determination, in one or two lines: its answer, rule, RVC and what it lacks. */
function nestedDetermination(e) {
  const lines = [OC.el('p', {}, 'Its own determination: ', OC.badge(e.status), e.originCriterion ? ` criterion ${e.originCriterion}` : '',
    e.productRule ? OC.el('span', {}, ' · rule ', OC.hsCell(e.productRule.hsScope || e.productRule.id), ' ', OC.el('span', { class: 'muted' }, e.productRule.citation || '')) : '')];
  // An originating intermediate shows what met its rule: the tests of alternatives or criteria not taken were not needed,
  // and are not failures (as on the page's own deciding path). Otherwise, what was not met or is undetermined.
  const originating = e.status === 'ORIGINATING';
  const rvc = (e.regionalValueContent || []).filter(r => !originating || r.met)
    .map(r => `${r.alternative ? 'alt. ' + r.alternative + ' ' : ''}RVC ${OC.pct(r.value)} (${OC.label(r.method).toLowerCase()}) against ${OC.pct(r.threshold, 0)}: ${r.met ? 'met' : 'not met'}`);
  if (rvc.length) lines.push(OC.el('p', { class: 'muted' }, rvc.join(' · ')));
  const shown = (e.reasons || []).filter(r => originating ? r.outcome === 'PASS' && ['PRODUCT_RULE_ALTERNATIVE', 'WHOLLY_OBTAINED', 'EXCLUSIVELY_ORIGINATING_MATERIALS', 'PARTS_RULE_4_2_D'].includes(r.code)
    : r.outcome === 'FAIL' || r.outcome === 'INSUFFICIENT_DATA').slice(0, 3);
  if (shown.length) lines.push(OC.el('ul', {}, ...shown.map(r => OC.el('li', { class: 'muted' }, OC.badge(r.outcome), ' ', r.message, r.citation ? ` (${r.citation})` : ''))));
  if ((e.missingData || []).length) lines.push(OC.el('p', { class: 'muted' }, 'Missing: ' + e.missingData.map(x => x.field).join(', ')));
  return lines;
}

function treeNode(m, depth) {
  if (!m.components || !m.components.length) return OC.el('li', { 'data-part': m.partNumber || '' }, ...materialLine(m));
  const details = OC.el('details', { 'data-part': m.partNumber || '', class: 'intermediate' }, OC.el('summary', {}, ...materialLine(m)),
    ...(m.determination ? nestedDetermination(m.determination) : []),
    OC.el('ul', {}, ...m.components.map(c => treeNode(c, depth + 1))));
  if (depth === 0) details.open = true; // the first level open; deeper levels one click away
  return OC.el('li', {}, details);
}

function renderOriginTree(d) {
  if (!Array.isArray(d.materials) || !d.materials.length) return; // every origin stated: the BOM below says it all
  document.getElementById('tree-section').hidden = false;
  document.getElementById('origin-tree').replaceChildren(OC.el('ul', {}, ...d.materials.map(m => treeNode(m, 0))));
}

// ------------------------------------------------------------------ the bill of materials and the what-if

/** RFC 4180 fields of one CSV text (quotes, doubled quotes, CRLF), enough to show a stored CSV submission as its BOM. */
// The answer's pathToQualify (a good that does not originate) or headroom (one that originates under an RVC): shown as
// the API gives it, cheapest option first; a bound is said to be one.
function qualifyingMethod(m) { return m === 'RVC_DE_MINIMIS' ? 'de minimis, s.5(4)' : OC.label(m); }

function renderPathToQualify(d) {
  const section = document.getElementById('qualify-section'), box = document.getElementById('qualify');
  if (d.headroom) {
    section.hidden = false;
    document.getElementById('qualify-title').textContent = 'Headroom';
    const h = d.headroom;
    box.replaceChildren(OC.el('p', {}, h.value === null || h.value === undefined ? h.explanation
      : `${num(h.value)} more of non-originating value (${h.alternative ? 'alternative ' + h.alternative + ', ' : ''}${qualifyingMethod(h.method)}). ${h.explanation}`));
    return;
  }
  const p = d.pathToQualify;
  if (!p) return;
  section.hidden = false;
  const rows = (p.options || []).map(o => OC.el('tr', {},
    OC.el('td', {}, text(o.alternative)), OC.el('td', {}, o.method ? qualifyingMethod(o.method) : 'tariff shift'),
    OC.el('td', { class: 'num' }, num(o.valueToResource) + (o.bound ? ' (bound' + (o.lowerBound !== null && o.lowerBound !== undefined ? ', at least ' + num(o.lowerBound) : '') + ')' : '')),
    OC.el('td', {}, o.materials.slice(0, 20).map(m => `${m.partNumber || 'materials[' + m.index + ']'} (${num(m.value)})`).join(', ')
      + (o.materials.length > 20 ? ` and ${o.materials.length - 20} more` : '')),
    OC.el('td', {}, (o.resultingRegionalValueContent || []).map(r => `${OC.label(r.method)} ${num(r.value, 1)}%` + (r.threshold === null || r.threshold === undefined ? '' : ` (${r.met ? 'meets' : 'below'} ${num(r.threshold, 0)}%)`)).join('; '))));
  const table = OC.el('table', { id: 'qualify-options' }, OC.el('thead', {}, OC.el('tr', {}, OC.el('th', {}, 'Alternative'), OC.el('th', {}, 'By'),
    OC.el('th', {}, 'Value to resource'), OC.el('th', {}, 'Materials whose origin would have to change'), OC.el('th', {}, 'RVC after'))), OC.el('tbody', {}, ...rows));
  box.replaceChildren(rows.length ? table : OC.el('p', { class: 'muted' }, 'No option was found.'),
    ...(p.notSearched || []).map(n => OC.el('p', { class: 'muted' }, n)));
}

function parseCsv(csv) {
  const rows = []; let row = [], field = '', quoted = false;
  csv = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(field); field = ''; if (row.some(f => f.trim() !== '')) rows.push(row); row = [];
    } else field += c;
  }
  row.push(field); if (row.some(f => f.trim() !== '')) rows.push(row);
  return rows;
}

/** The stored CSV and the query string that described its good, as the JSON shape the service reads (CsvBillOfMaterials). */
function csvSubmission(csv, parameters) {
  const rows = parseCsv(csv);
  const header = (rows.shift() || []).map(h => h.trim());
  const q = new URLSearchParams(parameters || '');
  const opt = k => q.get(k) ? q.get(k) : undefined;
  const numberOrUndefined = v => v === undefined || v === '' ? undefined : Number(v);
  const body = { reference: opt('reference'), asOf: opt('asOf'), rulePack: opt('rulePack'),
    good: { partNumber: opt('partNumber'), description: opt('description'), hsCode: opt('hsCode'), endUse: opt('endUse'), producerCountry: opt('producerCountry'),
      currency: opt('currency'), transactionValue: numberOrUndefined(opt('transactionValue')), netCost: numberOrUndefined(opt('netCost')) },
    materials: rows.map(r => {
      const m = {};
      header.forEach((h, i) => { const v = (r[i] || '').trim(); if (v !== '') m[h] = v; });
      if (m.value !== undefined) m.value = Number(m.value);
      if (m.quantity !== undefined) m.quantity = Number(m.quantity);
      if (m.partOfGood !== undefined) m.partOfGood = m.partOfGood.toLowerCase() === 'true';
      return m;
    }) };
  return JSON.parse(JSON.stringify(body));
}

function failingMaterials(d) {
  const failing = {};
  for (const r of d.reasons) if (r.code === 'TARIFF_SHIFT' && r.outcome === 'FAIL') for (const m of r.materials) (failing[m] = failing[m] || []).push(r.alternative);
  return failing;
}

function shiftText(m, label, failing) {
  if (m.origin === 'ORIGINATING') return { text: 'not tested (originating)', fail: false };
  return failing[label] ? { text: 'fails (alternative ' + failing[label].join(', ') + ')', fail: true } : { text: 'met', fail: false };
}

const ORIGINS = ['ORIGINATING', 'NON_ORIGINATING', 'UNKNOWN'];
const KINDS = ['DIRECT', 'INDIRECT', 'RETAIL_PACKAGING', 'SHIPPING_PACKING', 'ACCESSORY'];
let draft; // the materials and good figures being edited; each material remembers its original (or none when added)

function startDraft() {
  draft = { good: Object.assign({}, submission.good), materials: submission.materials.map((m, i) => ({ m: Object.assign({}, m), original: m, index: i })) };
}

function choice(values, current, attrs) {
  return OC.el('select', attrs, ...values.map(v => { const op = OC.el('option', { value: v }, OC.label(v)); if (v === current) op.selected = true; return op; }));
}

function renderGoodFigures() {
  const container = document.getElementById('good-figures');
  if (!draft) { container.replaceChildren(); return; }
  const g = draft.good, costs = g.costs || {};
  const field = (label, key, value, original) => {
    const input = OC.el('input', { class: 'figure', 'data-key': key, value: text(value), size: 12, inputmode: 'decimal' });
    if (text(value) !== text(original)) input.classList.add('edited');
    input.addEventListener('change', () => {
      const v = input.value.trim() === '' ? undefined : Number(input.value);
      if (key.startsWith('costs.')) { g.costs = Object.assign({}, g.costs || {}); g.costs[key.slice(6)] = v; } else g[key] = v;
      input.classList.toggle('edited', text(v) !== text(original));
    });
    return OC.el('label', {}, label, input);
  };
  const og = submission.good || {}, oc = og.costs || {};
  container.replaceChildren(OC.el('div', { class: 'figures' }, OC.el('span', { class: 'muted' }, `The good's figures (${g.currency || ''}):`),
    field('Transaction value', 'transactionValue', g.transactionValue, og.transactionValue), field('Net cost', 'netCost', g.netCost, og.netCost),
    field('Total cost', 'costs.totalCost', costs.totalCost, oc.totalCost), field('Excluded costs', 'costs.excludedCosts', costs.excludedCosts, oc.excludedCosts)));
}

/** A field's value as compared for "edited": HS codes without dots, a missing kind as DIRECT. */
function same(key, v) { return key === 'hsCode' ? text(v).replace(/\./g, '') : key === 'kind' ? text(v || 'DIRECT') : text(v); }

// An edit marks its field (the table is not redrawn, so focus and the other inputs stay as they are).
function remark(node, entry, key) {
  const o = entry.original || {};
  node.classList.toggle('edited', entry.original === undefined || same(key, entry.m[key]) !== same(key, o[key]));
}

function renderBom() {
  const container = document.getElementById('bom');
  if (!draft) { container.replaceChildren(OC.el('p', { class: 'muted' }, 'The stored submission could not be read as a bill of materials.')); return; }
  const failing = failingMaterials(determination);
  const whatIfFailing = whatIfResult ? failingMaterials(whatIfResult) : null;
  const headers = ['#', 'Part number', 'Description', 'HS', 'Origin', 'Value', 'Kind', 'Tariff shift', whatIfFailing ? 'Tariff shift (what-if)' : null, ''].filter(h => h !== null);
  const rows = draft.materials.map((entry, i) => {
    const m = entry.m, o = entry.original || {};
    const edited = k => entry.original === undefined || same(k, m[k]) !== same(k, o[k]);
    const mark = (node, k) => { if (edited(k)) node.classList.add('edited'); return node; };
    const hs = mark(OC.el('input', { 'data-index': i, class: 'hs-input', value: OC.hs(m.hsCode), size: 10 }), 'hsCode');
    hs.addEventListener('change', () => { m.hsCode = hs.value.trim() || undefined; remark(hs, entry, 'hsCode'); });
    const origin = mark(choice(ORIGINS, m.origin, { 'data-index': i, class: 'origin' }), 'origin');
    origin.addEventListener('change', () => { m.origin = origin.value; remark(origin, entry, 'origin'); });
    const value = mark(OC.el('input', { 'data-index': i, class: 'value', value: text(m.value), size: 10, inputmode: 'decimal' }), 'value');
    value.addEventListener('change', () => { m.value = value.value.trim() === '' ? undefined : Number(value.value); remark(value, entry, 'value'); });
    const kind = mark(choice(KINDS, m.kind || 'DIRECT', { 'data-index': i, class: 'kind' }), 'kind');
    kind.addEventListener('change', () => { m.kind = kind.value; remark(kind, entry, 'kind'); });
    const remove = OC.el('button', { type: 'button', class: 'secondary remove', 'data-index': i, title: 'Remove this material from the what-if' }, 'Remove');
    remove.addEventListener('click', () => { draft.materials.splice(i, 1); renderBom(); });
    const partNumber = OC.el('input', { class: 'part-input', 'data-index': i, value: text(m.partNumber), size: 12 });
    partNumber.addEventListener('change', () => { m.partNumber = partNumber.value.trim() || undefined; });
    const originalLabel = o.partNumber || `materials[${entry.index}]`;
    const shift = entry.original === undefined ? { text: 'added', fail: false } : shiftText(o, originalLabel, failing);
    const cells = [OC.el('td', {}, i), OC.el('td', {}, entry.original === undefined ? mark(partNumber, 'partNumber') : text(m.partNumber)), OC.el('td', {}, text(m.description)),
      OC.el('td', {}, hs), OC.el('td', {}, origin), OC.el('td', {}, value), OC.el('td', {}, kind), OC.el('td', { class: shift.fail ? 'FAIL' : '' }, shift.text)];
    if (whatIfFailing) {
      const now = shiftText(m, m.partNumber || `materials[${i}]`, whatIfFailing);
      cells.push(OC.el('td', { class: (now.fail ? 'FAIL ' : '') + (now.text !== shift.text ? 'changed' : '') }, now.text));
    }
    cells.push(OC.el('td', {}, remove));
    return OC.el('tr', { class: entry.original === undefined ? 'added' : '' }, ...cells);
  });
  const removed = submission.materials.filter(m => !draft.materials.some(e => e.original === m));
  container.replaceChildren(OC.el('table', { id: 'bom-table' }, OC.el('thead', {}, OC.el('tr', {}, ...headers.map(h => OC.el('th', {}, h)))), OC.el('tbody', {}, ...rows)),
    removed.length ? OC.el('p', { class: 'removed', id: 'removed-materials' }, 'Removed in the what-if: ' + removed.map(m => m.partNumber || m.description || 'a material').join(', ')) : '');
}

function editedBody() {
  const body = JSON.parse(JSON.stringify(submission));
  body.good = JSON.parse(JSON.stringify(draft.good));
  body.materials = draft.materials.map(e => JSON.parse(JSON.stringify(e.m)));
  body.reference = 'what-if of ' + id;
  delete body.idempotencyKey;
  return body;
}

/** The what-if beside the original: every figure of both, those that differ highlighted. */
function renderComparison(before, after) {
  const rows = [];
  const add = (label, a, b) => rows.push(OC.el('tr', { class: text(a) !== text(b) ? 'changed' : '' }, OC.el('th', {}, label), OC.el('td', {}, text(a)), OC.el('td', {}, text(b))));
  add('Outcome', OC.label(before.status), OC.label(after.status));
  add('Criterion', before.originCriterion || '—', after.originCriterion || '—');
  add('Rule', before.productRule ? OC.hs(before.productRule.hsScope) + ' ' + before.productRule.id : '—', after.productRule ? OC.hs(after.productRule.hsScope) + ' ' + after.productRule.id : '—');
  const key = e => `${OC.label(e.requirement)}${e.alternative ? ' (' + e.alternative + ')' : ''}, ${OC.label(e.method).toLowerCase()}`;
  const keys = [...new Set([...before.regionalValueContent, ...after.regionalValueContent].map(key))];
  for (const k of keys) {
    const a = before.regionalValueContent.find(e => key(e) === k), b = after.regionalValueContent.find(e => key(e) === k);
    const show = e => e ? `${OC.pct(e.value, 2)} / ${OC.pct(e.threshold, 0)} ${e.met ? 'met' : 'not met'}` : '—';
    add('RVC ' + k, show(a), show(b));
  }
  const reasonKey = r => OC.label(r.code) + (r.alternative ? ' (' + r.alternative + ')' : '');
  const reasonKeys = [...new Set([...before.reasons, ...after.reasons].filter(r => r.outcome !== 'INFO').map(reasonKey))];
  for (const k of reasonKeys) {
    const a = before.reasons.filter(r => reasonKey(r) === k).map(r => OC.label(r.outcome)).join(', ');
    const b = after.reasons.filter(r => reasonKey(r) === k).map(r => OC.label(r.outcome)).join(', ');
    add(k, a || '—', b || '—');
  }
  (after.missingData || []).forEach(m => add('Missing ' + (m.question || m.field), '', m.message));
  const changedCount = rows.filter(r => r.classList.contains('changed')).length;
  document.getElementById('whatif-compare').replaceChildren(OC.el('p', {}, OC.el('strong', {}, `${changedCount} figure${changedCount === 1 ? '' : 's'} change`), ' (highlighted)'),
    OC.el('table', { class: 'compare', id: 'compare-table' }, OC.el('thead', {}, OC.el('tr', {}, OC.el('th', {}, ''), OC.el('th', {}, 'As determined'), OC.el('th', {}, 'With the changes'))),
      OC.el('tbody', {}, ...rows)));
}

// ------------------------------------------------------------------ review and timeline

async function loadReview() {
  review = await OC.json(`/api/v1/determinations/${id}/review`);
  const r = await OC.api(`/api/v1/determinations/${id}/certifications`);
  certifications = r.ok ? await r.json() : [];
  renderReview();
}

function renderReview() {
  document.getElementById('review-state').replaceChildren(OC.el('p', {}, 'State ', OC.badge(review.state), ' · standing conclusion ', OC.badge(review.conclusion),
    review.conclusionCriterion ? ' (criterion ' + review.conclusionCriterion + ')' : ''));
  const entries = review.events.map(e => ({ at: e.at, cells: [e.seq, e.at.replace('T', ' ').slice(0, 19), e.actor, OC.label(e.action), OC.label(e.fromState), OC.badge(e.toState),
    text(e.justification), e.overrideStatus ? OC.label(e.overrideStatus) + (e.overrideCriterion ? ' / ' + e.overrideCriterion : '') : ''] }));
  for (const c of certifications) {
    // The issuing as it was (active); a later revocation or replacement is its own row.
    entries.push({ at: c.issuedAt, cells: ['', c.issuedAt.replace('T', ' ').slice(0, 19), c.issuedBy, 'Certification issued', '', OC.badge('ACTIVE'),
      `${c.id.slice(0, 8)} · certifier ${OC.label(c.element1CertifierRole)} ${c.element2Certifier ? c.element2Certifier.name : ''}` + (c.replaces ? ` · replaces ${c.replaces.slice(0, 8)}` : ''), ''], cls: 'cert-event' });
    if (c.revocation) {
      entries.push({ at: c.revocation.at, cells: ['', c.revocation.at.replace('T', ' ').slice(0, 19), c.revocation.by, c.revocation.replacedBy ? 'Certification replaced' : 'Certification revoked', OC.badge('ACTIVE', true),
        OC.badge(c.status), `${c.id.slice(0, 8)} · ${c.revocation.reason}`, ''], cls: 'cert-event' });
    }
  }
  entries.sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
  document.getElementById('timeline').replaceChildren(OC.el('table', {}, OC.el('thead', {}, OC.el('tr', {}, ...['#', 'When', 'Who', 'Action', 'From', 'To', 'Why', 'Override'].map(h => OC.el('th', {}, h)))),
    OC.el('tbody', { id: 'timeline-rows' }, ...entries.map(e => OC.el('tr', { class: e.cls || '' }, ...e.cells.map(c => OC.el('td', {}, c)))))));
  renderCertifications();
  renderReviewSummary();
}

async function download(path, accept, name) {
  const r = await OC.api(path, { headers: { 'Accept': accept } });
  if (!r.ok) throw new Error('HTTP ' + r.status);
  const url = URL.createObjectURL(await r.blob());
  const a = OC.el('a', { href: url, download: name, id: 'download-link' }, name);
  document.body.append(a); a.click(); a.remove();
}

// ------------------------------------------------------------------ certifications of origin

function partyText(p) { return p ? [p.name, p.title, p.address, p.telephone, p.email].filter(Boolean).join(', ') : ''; }

function renderCertifications() {
  const list = document.getElementById('cert-list');
  if (!certifications.length) { list.replaceChildren(OC.el('p', { class: 'muted' }, 'No certification of origin has been issued from this determination.')); }
  else {
    list.replaceChildren(OC.el('table', { id: 'cert-table' }, OC.el('thead', {}, OC.el('tr', {}, ...['Issued', 'Status', 'Certifier', 'Blanket period', 'Criterion', 'By', ''].map(h => OC.el('th', {}, h)))),
      OC.el('tbody', {}, ...certifications.map(c => {
        const pdf = OC.el('a', { href: '#', class: 'cert-pdf', 'data-id': c.id }, 'PDF');
        pdf.addEventListener('click', e => { e.preventDefault(); download('/api/v1/certifications/' + c.id, 'application/pdf', 'certification-' + c.id + '.pdf'); });
        const actions = [pdf];
        if (c.status === 'ACTIVE' && OC.hasRole('reviewer')) {
          const revoke = OC.el('button', { type: 'button', class: 'secondary revoke', 'data-id': c.id }, 'Revoke');
          revoke.addEventListener('click', () => revokeForm(c, revoke));
          actions.push(' ', revoke);
        }
        return OC.el('tr', { 'data-id': c.id }, OC.el('td', {}, c.issuedAt.replace('T', ' ').slice(0, 16)), OC.el('td', {}, OC.badge(c.status),
            c.revocation ? OC.el('div', { class: 'muted' }, c.revocation.reason + (c.revocation.replacedBy ? ' (replaced by ' + c.revocation.replacedBy.slice(0, 8) + ')' : '')) : null),
          OC.el('td', {}, OC.label(c.element1CertifierRole) + ': ' + partyText(c.element2Certifier)),
          OC.el('td', {}, c.element8BlanketPeriod ? c.element8BlanketPeriod.from + ' to ' + c.element8BlanketPeriod.to : 'single shipment'),
          OC.el('td', {}, text(c.element7OriginCriterion)), OC.el('td', {}, c.issuedBy), OC.el('td', { class: 'nowrap' }, ...actions));
      }))));
  }
  const replaces = document.getElementById('c-replaces');
  const active = certifications.filter(c => c.status === 'ACTIVE');
  replaces.replaceChildren(OC.el('option', { value: '' }, 'nothing (a new certification)'), ...active.map(c => OC.el('option', { value: c.id }, c.id.slice(0, 8) + ' of ' + c.issuedAt.slice(0, 10))));
  document.getElementById('c-replaces-line').hidden = active.length === 0;
}

function revokeForm(c, button) {
  const reason = OC.el('input', { id: 'revoke-reason', size: 40, placeholder: 'why it is revoked' });
  const confirm = OC.el('button', { type: 'button', id: 'revoke-confirm' }, 'Revoke certification');
  const out = OC.el('span', { id: 'revoke-result' });
  confirm.addEventListener('click', async () => {
    const r = await OC.api(`/api/v1/certifications/${c.id}/revocation`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: reason.value }) });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) { out.className = 'error'; out.textContent = problemText(json); return; }
    await loadReview();
  });
  button.replaceWith(OC.el('span', { class: 'inline-form' }, reason, ' ', confirm, ' ', out));
}

function problemText(json) { return (json.errors || []).map(e => e.field + ': ' + e.message).join('; ') || json.detail || 'refused'; }

function party(prefix) {
  const v = x => document.getElementById(prefix + '-' + x).value.trim() || null;
  return { name: v('name'), address: v('address'), telephone: v('telephone'), email: v('email') };
}

function certificationBody() {
  const v = x => document.getElementById(x).value.trim() || null;
  const body = { certifierRole: v('c-role'), certifier: { name: v('c-name'), title: v('c-title'), address: v('c-address'), telephone: v('c-telephone'), email: v('c-email') },
    description: v('c-description'), signatory: v('c-signatory'), blanketFrom: v('c-from'), blanketTo: v('c-to') };
  if (document.getElementById('e-same').checked) body.exporterStatement = 'SAME_AS_CERTIFIER'; else body.exporter = party('e');
  const producer = v('p-kind');
  if (producer === 'PARTY') body.producer = party('p'); else body.producerStatement = producer;
  if (document.getElementById('i-unknown').checked) body.importerStatement = 'UNKNOWN'; else body.importer = party('i');
  if (v('c-replaces')) { body.replaces = v('c-replaces'); body.replacementReason = v('c-replace-reason'); }
  return body;
}

// ------------------------------------------------------------------ wiring

function showNotFound(message) {
  document.getElementById('content').remove(); // no live forms for a determination that does not exist
  document.getElementById('not-found').hidden = false;
  document.getElementById('not-found-text').textContent = message;
  document.title = 'OriginCheck — no such determination';
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!OC.token()) { location.href = 'index.html'; return; }
  OC.showWho();
  if (!givenId) { showNotFound('No determination id was given in the address.'); return; }
  if (!id) { showNotFound('The address does not hold a determination id (a UUID such as 4379e841-399d-4fb4-96c7-10080666c66f).'); return; }
  try {
    const r = await OC.api(`/api/v1/determinations/${encodeURIComponent(id)}`, { headers: { 'Accept': 'application/json' } });
    if (r.status === 404) { showNotFound(`There is no determination ${id} in your tenant: check the link, or find it in the review queue.`); return; }
    if (!r.ok) throw new Error((await r.json().catch(() => ({}))).detail || 'HTTP ' + r.status);
    determination = await r.json();
    const raw = await OC.api(`/api/v1/determinations/${id}/submission`);
    const type = raw.headers.get('Content-Type') || '';
    if (type.startsWith('application/json')) { submission = await raw.json(); submissionKind = 'JSON'; }
    else { submission = csvSubmission(await raw.text(), raw.headers.get('OriginCheck-Submission-Parameters')); submissionKind = 'CSV'; }
  } catch (e) { document.getElementById('load-error').textContent = e.message; return; }
  document.getElementById('content').hidden = false;
  const d = determination;
  if (submissionKind === 'CSV') {
    // The copy for a spreadsheet has every formula neutralised; the exact bytes are the evidence (issue 14, CSV injection).
    const csvLink = OC.el('a', { href: '#', id: 'csv-download' }, 'for a spreadsheet');
    csvLink.addEventListener('click', e => { e.preventDefault(); download(`/api/v1/determinations/${id}/submission?form=spreadsheet-safe`, 'text/csv', `submission-${id}-spreadsheet-safe.csv`); });
    const exactLink = OC.el('a', { href: '#', id: 'csv-download-exact' }, 'exactly as received');
    exactLink.addEventListener('click', e => { e.preventDefault(); download(`/api/v1/determinations/${id}/submission`, 'text/csv', `submission-${id}.csv`); });
    document.getElementById('bom-note').replaceChildren('Submitted as CSV (download it ', csvLink, ', or ', exactLink, ' as evidence), shown here as its bill of materials. A what-if is evaluated, and saved, as JSON. ',
      'Nothing is stored until you save it as a new determination.');
  }
  renderAnswer(d);
  renderAutomotive(d.automotive);
  document.getElementById('rvc').replaceChildren(d.regionalValueContent.length ? rvcChart(d.regionalValueContent) : OC.el('p', { class: 'muted' }, 'No regional value content was computed.'));
  renderPathToQualify(d);
  renderOriginTree(d);
  document.getElementById('evidence').textContent = `id ${d.id} · created ${d.createdAt} · rule pack ${d.rulePack.id} ${d.rulePack.version} · sha256 ${d.rulePack.sha256}`;
  if (submission && Array.isArray(submission.materials)) startDraft();
  renderGoodFigures();
  renderBom();
  const good = submission && submission.good ? submission.good : {};
  document.getElementById('c-good').textContent = `HS ${OC.hs((good.hsCode || '').replace(/\./g, '').slice(0, 6))} (6 digits, element 6) · origin criterion from the standing conclusion (element 7)`;
  await loadReview();

  const reviewer = OC.hasRole('reviewer'), submitter = OC.hasRole('submitter'), auditor = OC.hasRole('auditor');
  document.getElementById('action-form').hidden = !reviewer;
  document.getElementById('cert-form').hidden = !reviewer;
  document.getElementById('review-readonly').hidden = reviewer;
  document.getElementById('timeline-csv-line').hidden = !(reviewer || auditor);
  if (!submitter || !draft) { document.getElementById('whatif-controls').hidden = true; document.getElementById('whatif-readonly').hidden = !draft ? true : false; document.querySelectorAll('#bom input, #bom select, #bom button, #good-figures input').forEach(x => { x.disabled = true; }); }

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
    if (!r.ok) { out.className = 'error'; out.textContent = problemText(json); return; }
    out.className = 'PASS'; out.textContent = 'Recorded.'; document.getElementById('justification').value = '';
    await loadReview();
  });
  document.getElementById('timeline-csv').addEventListener('click', ev => { ev.preventDefault(); download(`/api/v1/determinations/${id}/review/timeline.csv`, 'text/csv', `timeline-${id}.csv`); });
  document.getElementById('determination-pdf').addEventListener('click', ev => {
    ev.preventDefault();
    download(`/api/v1/determinations/${id}`, 'application/pdf', `determination-${id}.pdf`).catch(e => { document.getElementById('pdf-result').textContent = e.message; });
  });

  document.getElementById('add-material').addEventListener('click', () => {
    draft.materials.push({ m: { partNumber: 'NEW-' + (draft.materials.length + 1), origin: 'NON_ORIGINATING', value: 0, kind: 'DIRECT' }, original: undefined, index: -1 });
    renderBom();
  });
  document.getElementById('whatif-reset').addEventListener('click', () => {
    startDraft(); whatIfResult = null; whatIfBody = null;
    document.getElementById('whatif-compare').replaceChildren(); document.getElementById('whatif-result').textContent = '';
    document.getElementById('whatif-save').disabled = true; renderGoodFigures(); renderBom();
  });
  document.getElementById('whatif').addEventListener('click', async () => {
    const out = document.getElementById('whatif-result');
    whatIfBody = editedBody();
    const r = await OC.api('/api/v1/evaluations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(whatIfBody) });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) { out.className = 'error'; out.textContent = problemText(json); whatIfResult = null; document.getElementById('whatif-save').disabled = true; return; }
    whatIfResult = json;
    out.className = json.status; out.textContent = 'With these changes: ' + OC.label(json.status) + (json.originCriterion ? ' (criterion ' + json.originCriterion + ')' : '');
    renderComparison(determination, json);
    renderBom();
    document.getElementById('whatif-save').disabled = false;
  });
  document.getElementById('whatif-save').addEventListener('click', async () => {
    const out = document.getElementById('whatif-result');
    const r = await OC.api('/api/v1/determinations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(whatIfBody) });
    const json = await r.json().catch(() => ({}));
    if (r.ok) location.href = 'determination.html?id=' + json.id; else { out.className = 'error'; out.textContent = problemText(json); }
  });

  document.getElementById('e-same').addEventListener('change', ev => { document.getElementById('e-fields').hidden = ev.target.checked; });
  document.getElementById('i-unknown').addEventListener('change', ev => { document.getElementById('i-fields').hidden = ev.target.checked; });
  document.getElementById('p-kind').addEventListener('change', ev => { document.getElementById('p-fields').hidden = ev.target.value !== 'PARTY'; });
  document.getElementById('c-replaces').addEventListener('change', ev => { document.getElementById('c-replace-reason-line').hidden = !ev.target.value; });
  document.getElementById('cert-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const out = document.getElementById('cert-result');
    const r = await OC.api(`/api/v1/determinations/${id}/certifications`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(certificationBody()) });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) { out.className = 'error'; out.textContent = problemText(json); return; }
    out.className = 'PASS';
    out.replaceChildren('Issued. ', OC.el('a', { href: '#', id: 'cert-pdf', onclick: e => { e.preventDefault(); download('/api/v1/certifications/' + json.id, 'application/pdf', 'certification-' + json.id + '.pdf'); } }, 'Download the PDF'));
    await loadReview();
  });
});
