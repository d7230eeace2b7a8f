// Starts a re-determination (POST /api/v1/redeterminations) or follows one (?id=), showing its progress once a second
// until it is done, then the determinations whose outcome changes.
let timer = null;

function show(job) {
  document.getElementById('job').hidden = false;
  document.getElementById('job-id').textContent = job.id;
  const progress = document.getElementById('progress');
  progress.max = Math.max(job.total, 1);
  progress.value = job.done;
  const percent = job.total === 0 ? 100 : Math.floor(100 * job.done / job.total);
  document.getElementById('progress-text').textContent = `${job.done} of ${job.total} (${percent}%) · ${job.changed} changed · ${job.failed} failed · ${job.state}`;
  document.getElementById('job-detail').textContent = `rule pack ${job.rulePackVersion}` + (job.asOf ? ` · as of ${job.asOf}` : ' · each on its own date');
}

// The changes come a page at a time (the API never answers them all at once); "Show more" appends the next page.
const CHANGES_PAGE = 200;

async function loadChanges(id, page) {
  const found = await OC.json('/api/v1/redeterminations/' + encodeURIComponent(id) + '/changes?page=' + page + '&size=' + CHANGES_PAGE);
  const body = document.getElementById('changes');
  body.querySelectorAll('tr.more').forEach(r => r.remove());
  body.append(...found.items.map(c => OC.el('tr', { class: 'link', onclick: () => location.href = 'determination.html?id=' + encodeURIComponent(c.determinationId) },
    OC.el('td', {}, c.partNumber || ''), OC.el('td', {}, OC.badge(c.oldStatus)), OC.el('td', {}, OC.badge(c.newStatus)), OC.el('td', {}, c.newCriterion || ''))));
  const shown = page * CHANGES_PAGE + found.items.length;
  if (found.total === 0) body.replaceChildren(OC.el('tr', {}, OC.el('td', { colspan: 4, class: 'muted' }, 'No outcome changes.')));
  else if (shown < found.total) {
    body.append(OC.el('tr', { class: 'more' }, OC.el('td', { colspan: 4, class: 'muted' }, `${shown} of ${found.total} shown · `,
      OC.el('button', { type: 'button', id: 'more-changes', onclick: () => loadChanges(id, page + 1).catch(e => { document.getElementById('start-error').textContent = e.message; }) }, 'Show more'))));
  }
}

async function follow(id) {
  try {
    const job = await OC.json('/api/v1/redeterminations/' + encodeURIComponent(id));
    show(job);
    if (job.state === 'DONE') {
      document.getElementById('changes').replaceChildren();
      await loadChanges(id, 0);
      return;
    }
    timer = setTimeout(() => follow(id), 1000);
  } catch (e) {
    document.getElementById('start-error').textContent = e.message;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  if (!OC.token()) { location.href = 'index.html'; return; }
  OC.showWho();
  const id = new URLSearchParams(location.search).get('id');
  if (id) follow(id);
  document.getElementById('start-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    document.getElementById('start-error').textContent = '';
    const asOf = document.getElementById('as-of').value;
    try {
      const job = await OC.json('/api/v1/redeterminations' + (asOf ? '?asOf=' + asOf : ''), { method: 'POST' });
      clearTimeout(timer);
      history.replaceState(null, '', 'redetermination.html?id=' + job.id);
      follow(job.id);
    } catch (e) {
      document.getElementById('start-error').textContent = e.message;
    }
  });
});
