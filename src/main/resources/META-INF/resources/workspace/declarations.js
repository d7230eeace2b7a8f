// Supplier declarations: list with the API's filters, one declaration's items, revocation (reviewers only; the API
// re-determines what used it and this page links to that job), and the gaps report with its CSV export.
function period(d) { return `${d.validFrom} to ${d.validTo}`; }

async function list() {
  const q = new URLSearchParams();
  const add = (k, id) => { const v = document.getElementById(id).value.trim(); if (v) q.set(k, v); };
  add('supplierId', 'f-supplier'); add('partNumber', 'f-part'); add('validOn', 'f-valid-on'); add('status', 'f-status');
  document.getElementById('list-error').textContent = '';
  try {
    const page = await OC.json('/api/v1/supplier-declarations' + (q.toString() ? '?' + q : ''));
    const rows = page.items.map(d => OC.el('tr', { class: 'link', 'data-id': d.id, onclick: () => show(d.id) },
      OC.el('td', {}, `${d.supplier.name} (${d.supplier.id})`), OC.el('td', {}, d.supplier.country),
      OC.el('td', {}, d.items.map(i => i.partNumber).join(', ')), OC.el('td', {}, period(d)),
      OC.el('td', {}, d.certifier ? d.certifier.name : ''), OC.el('td', {}, OC.badge(d.status)),
      OC.el('td', {}, OC.el('a', { href: '?id=' + encodeURIComponent(d.id) }, 'Open'))));
    document.getElementById('declarations').replaceChildren(...(rows.length ? rows
      : [OC.el('tr', {}, OC.el('td', { colspan: 7, class: 'muted' }, 'No declaration matches.'))]));
    document.getElementById('list-total').textContent = `${page.total} declaration${page.total === 1 ? '' : 's'}`;
  } catch (e) {
    document.getElementById('list-error').textContent = e.message;
  }
}

async function show(id) {
  document.getElementById('revoke-error').textContent = '';
  document.getElementById('revoke-result').replaceChildren();
  try {
    const d = await OC.json('/api/v1/supplier-declarations/' + encodeURIComponent(id));
    history.replaceState(null, '', 'declarations.html?id=' + encodeURIComponent(d.id));
    document.getElementById('detail').hidden = false;
    document.getElementById('detail-id').textContent = `${d.supplier.name} · ${period(d)} · ${OC.label(d.status)}`;
    document.getElementById('items').replaceChildren(...d.items.map(i => OC.el('tr', {},
      OC.el('td', {}, i.partNumber), OC.el('td', {}, OC.hsCell(i.hsCode)), OC.el('td', {}, OC.badge(i.origin)),
      OC.el('td', {}, i.originCriterion || ''),
      OC.el('td', {}, i.nonOriginatingValue === null || i.nonOriginatingValue === undefined ? '' : `${i.nonOriginatingValue} ${i.currency || ''}`))));
    document.getElementById('detail-revocation').textContent = d.revocation
      ? `Revoked on ${d.revocation.revokedAt} by ${d.revocation.revokedBy}: ${d.revocation.reason}` : '';
    document.getElementById('revoke-form').hidden = !!d.revocation || !OC.hasRole('reviewer');
    document.getElementById('revoke-form').dataset.id = d.id;
  } catch (e) {
    document.getElementById('revoke-error').textContent = e.message;
  }
}

async function revoke(ev) {
  ev.preventDefault();
  const id = ev.target.dataset.id;
  const reason = document.getElementById('revoke-reason').value.trim();
  document.getElementById('revoke-error').textContent = '';
  try {
    const r = await OC.json('/api/v1/supplier-declarations/' + encodeURIComponent(id) + '/revocation',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason }) });
    const used = r.determinations.length;
    await show(id);
    document.getElementById('revoke-result').replaceChildren(`Revoked. ${used} determination${used === 1 ? '' : 's'} used it`,
      r.redetermination ? OC.el('span', {}, '; ', OC.el('a', { href: 'redetermination.html?id=' + encodeURIComponent(r.redetermination.id) }, 'follow their re-determination'), '.') : '.');
    list();
  } catch (e) {
    document.getElementById('revoke-error').textContent = e.message;
  }
}

// The gaps come a page at a time (the API never answers them all at once); "Show more" appends the next page. The CSV
// export has every gap.
const GAPS_PAGE = 200;

async function gaps(ev) {
  if (ev) ev.preventDefault();
  document.getElementById('gaps-error').textContent = '';
  document.getElementById('gaps').replaceChildren();
  try {
    await loadGaps(document.getElementById('gaps-as-of').value, 0);
  } catch (e) {
    document.getElementById('gaps-error').textContent = e.message;
  }
}

async function loadGaps(asOf, page) {
  const q = new URLSearchParams({ page: String(page), size: String(GAPS_PAGE) });
  if (asOf) q.set('asOf', asOf);
  const g = await OC.json('/api/v1/supplier-declarations/gaps?' + q);
  const body = document.getElementById('gaps');
  body.querySelectorAll('tr.more').forEach(r => r.remove());
  body.append(...g.items.map(x => OC.el('tr', {}, OC.el('td', {}, x.supplierId), OC.el('td', {}, x.partNumber),
    OC.el('td', {}, ...x.determinations.flatMap((id, i) => [i ? ', ' : '', OC.el('a', { href: 'determination.html?id=' + encodeURIComponent(id) }, id.slice(0, 8))])))));
  const shown = page * GAPS_PAGE + g.items.length;
  if (g.total === 0) body.replaceChildren(OC.el('tr', {}, OC.el('td', { colspan: 3, class: 'muted' }, 'No gaps on ' + g.asOf + '.')));
  else if (shown < g.total) {
    body.append(OC.el('tr', { class: 'more' }, OC.el('td', { colspan: 3, class: 'muted' }, `${shown} of ${g.total} shown · `,
      OC.el('button', { type: 'button', id: 'more-gaps', onclick: () => loadGaps(asOf, page + 1).catch(e => { document.getElementById('gaps-error').textContent = e.message; }) }, 'Show more'))));
  }
}

async function gapsCsv() {
  const asOf = document.getElementById('gaps-as-of').value;
  try {
    const response = await OC.api('/api/v1/supplier-declarations/gaps' + (asOf ? '?asOf=' + asOf : ''), { headers: { Accept: 'text/csv' } });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const a = OC.el('a', { href: URL.createObjectURL(await response.blob()), download: 'declaration-gaps' + (asOf ? '-' + asOf : '') + '.csv' });
    document.body.append(a); a.click(); a.remove();
  } catch (e) {
    document.getElementById('gaps-error').textContent = e.message;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  if (!OC.token()) { location.href = 'index.html'; return; }
  OC.showWho();
  document.getElementById('filter-form').addEventListener('submit', ev => { ev.preventDefault(); list(); });
  document.getElementById('revoke-form').addEventListener('submit', revoke);
  document.getElementById('gaps-form').addEventListener('submit', gaps);
  document.getElementById('gaps-csv').addEventListener('click', gapsCsv);
  list();
  gaps();
  const id = new URLSearchParams(location.search).get('id');
  if (id && /^[0-9a-fA-F-]{1,64}$/.test(id)) show(id);
});
