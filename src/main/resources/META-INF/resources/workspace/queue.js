let page = 0;
const size = 50;
let sort = 'lastActivity', direction = 'desc';

function filters() {
  const p = new URLSearchParams();
  const add = (k, id) => { const v = document.getElementById(id).value.trim(); if (v) p.set(k, v); };
  add('state', 'f-state'); add('q', 'f-q'); add('hsCode', 'f-hs'); add('status', 'f-status'); add('rulePackVersion', 'f-pack'); add('from', 'f-from'); add('to', 'f-to');
  p.set('sort', sort); p.set('direction', direction);
  p.set('page', page); p.set('size', size);
  return p;
}

async function load() {
  const rows = document.getElementById('rows');
  try {
    const data = await OC.json('/api/v1/review-queue?' + filters());
    rows.replaceChildren(...data.items.map(i => OC.el('tr', { class: 'link', 'data-id': i.id, onclick: () => location.href = 'determination.html?id=' + i.id },
      OC.el('td', { class: 'nowrap' }, i.createdAt.replace('T', ' ').slice(0, 16)), OC.el('td', {}, i.partNumber || ''), OC.el('td', {}, i.reference || ''),
      OC.el('td', {}, OC.hsCell(i.hsCode)), OC.el('td', {}, OC.badge(i.status), i.originCriterion ? ' ' + i.originCriterion : ''), OC.el('td', {}, OC.badge(i.reviewState)),
      OC.el('td', { class: 'nowrap' }, i.lastActivity ? i.lastActivity.replace('T', ' ').slice(0, 16) : ''), OC.el('td', { class: 'muted' }, i.rulePackVersion))));
    if (data.items.length === 0) rows.replaceChildren(OC.el('tr', {}, OC.el('td', { class: 'muted', colspan: 8 }, 'No determination matches this filter.')));
    const pages = Math.max(1, Math.ceil(data.total / size));
    document.getElementById('page-info').textContent = `page ${page + 1} of ${data.totalCapped ? 'many' : pages} · ${data.total}${data.totalCapped ? '+' : ''} determinations`;
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = !data.totalCapped && page + 1 >= pages;
  } catch (e) {
    rows.replaceChildren(OC.el('tr', {}, OC.el('td', { class: 'error', colspan: 8 }, e.message)));
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  const session = OC.token() ? null : await OC.tokenFromSession();
  if (!OC.token()) {
    document.getElementById('signin').hidden = false;
    document.getElementById('provider-signin').hidden = !session.providerSignIn;
    if (session.refused) document.getElementById('signin-error').textContent = 'The API refused the token from your sign-in (see docs/identity.md: audience, issuer, tenant claim).';
    document.getElementById('token-form').addEventListener('submit', ev => { ev.preventDefault(); OC.setToken(document.getElementById('token').value); location.reload(); });
    document.getElementById('dev-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      const q = new URLSearchParams({ tenant: document.getElementById('dev-tenant').value, roles: document.getElementById('dev-roles').value,
        subject: document.getElementById('dev-subject').value });
      const r = await fetch('/dev/sign-in?' + q, { method: 'POST' });
      if (!r.ok) { document.getElementById('signin-error').textContent = 'The dev sign-in is not available here (it exists only in the dev profile).'; return; }
      OC.setToken(await r.text()); location.reload();
    });
    return;
  }
  OC.showWho();
  document.getElementById('queue').hidden = false;
  document.getElementById('filters').addEventListener('submit', ev => { ev.preventDefault(); page = 0; load(); });
  document.getElementById('prev').addEventListener('click', () => { page--; load(); });
  document.getElementById('next').addEventListener('click', () => { page++; load(); });
  const headings = document.querySelectorAll('th.sortable');
  const mark = () => headings.forEach(th => { if (th.dataset.sort === sort) th.setAttribute('aria-sort', direction === 'asc' ? 'ascending' : 'descending'); else th.removeAttribute('aria-sort'); });
  headings.forEach(th => th.addEventListener('click', () => {
    if (sort === th.dataset.sort) direction = direction === 'asc' ? 'desc' : 'asc'; else { sort = th.dataset.sort; direction = th.dataset.sort === 'lastActivity' || th.dataset.sort === 'createdAt' ? 'desc' : 'asc'; }
    page = 0; mark(); load();
  }));
  mark();
  document.getElementById('export-csv').addEventListener('click', async () => {
    // The filter as applied, in the order shown; the server exports every matching row (up to its cap), not just this page.
    const p = filters(); p.delete('page'); p.delete('size');
    const out = document.getElementById('export-result');
    const r = await OC.api('/api/v1/review-queue?' + p, { headers: { 'Accept': 'text/csv' } });
    if (!r.ok) { out.textContent = 'The export failed (HTTP ' + r.status + ').'; return; }
    const a = OC.el('a', { href: URL.createObjectURL(await r.blob()), download: 'review-queue.csv', id: 'download-link' });
    document.body.append(a); a.click(); a.remove();
    out.textContent = 'Exported.';
  });
  load();
});
