let page = 0;
const size = 50;

function filters() {
  const p = new URLSearchParams();
  const add = (k, id) => { const v = document.getElementById(id).value.trim(); if (v) p.set(k, v); };
  add('state', 'f-state'); add('q', 'f-q'); add('hsCode', 'f-hs'); add('status', 'f-status'); add('rulePackVersion', 'f-pack'); add('from', 'f-from'); add('to', 'f-to');
  p.set('page', page); p.set('size', size);
  return p;
}

async function load() {
  const rows = document.getElementById('rows');
  try {
    const data = await OC.json('/api/v1/review-queue?' + filters());
    rows.replaceChildren(...data.items.map(i => OC.el('tr', { class: 'link', 'data-id': i.id, onclick: () => location.href = 'determination.html?id=' + i.id },
      OC.el('td', {}, i.createdAt.replace('T', ' ').slice(0, 19)), OC.el('td', {}, i.partNumber || ''), OC.el('td', {}, i.reference || ''),
      OC.el('td', { class: 'mono' }, i.hsCode), OC.el('td', {}, OC.badge(i.status)), OC.el('td', {}, OC.badge(i.reviewState)), OC.el('td', { class: 'muted' }, i.rulePackVersion))));
    const pages = Math.max(1, Math.ceil(data.total / size));
    document.getElementById('page-info').textContent = `page ${page + 1} of ${data.totalCapped ? 'many' : pages} · ${data.total}${data.totalCapped ? '+' : ''} determinations`;
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = !data.totalCapped && page + 1 >= pages;
  } catch (e) {
    rows.replaceChildren(OC.el('tr', {}, OC.el('td', { class: 'error', colspan: 7 }, e.message)));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  if (!OC.token()) {
    document.getElementById('signin').hidden = false;
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
  load();
});
