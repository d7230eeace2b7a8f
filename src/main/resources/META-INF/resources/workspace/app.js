// Shared by the workspace pages: the bearer token (kept in this tab's sessionStorage and sent in the
// Authorization header, never in a cookie, so other sites' forms cannot act with it), API calls and helpers.
const OC = {
  token() { return sessionStorage.getItem('oc-token'); },
  setToken(t) { sessionStorage.setItem('oc-token', t.trim()); },
  async api(path, options = {}) {
    const headers = Object.assign({ 'Authorization': 'Bearer ' + OC.token() }, options.headers || {});
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401) { sessionStorage.removeItem('oc-token'); location.href = 'index.html'; throw new Error('signed out'); }
    return response;
  },
  async json(path, options) {
    const response = await OC.api(path, options);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { throw new Error(body.detail || ('HTTP ' + response.status)); }
    return body;
  },
  el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) { if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v); }
    for (const c of children) { if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c)); }
    return e;
  },
  badge(text) { return OC.el('span', { class: 'badge ' + (text || '') }, text || '—'); },
  claims() { try { return JSON.parse(atob(OC.token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); } catch (e) { return {}; } },
  showWho() { const c = OC.claims(); const who = document.getElementById('who'); if (who && c.sub) who.textContent = c.sub + ' · ' + c.tenant + ' · ' + (c.groups || []).join(', '); }
};
