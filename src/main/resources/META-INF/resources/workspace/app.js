// Shared by the workspace pages: the bearer token (kept in this tab's sessionStorage and sent in the
// Authorization header, never in a cookie, so other sites' forms cannot act with it), API calls and helpers.
const OC = {
  token() { return sessionStorage.getItem('oc-token'); },
  setToken(t) { sessionStorage.setItem('oc-token', t.trim()); },
  async api(path, options = {}) {
    const headers = Object.assign({ 'Authorization': 'Bearer ' + OC.token() }, options.headers || {});
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401) {
      // A token from the provider's session that the API refuses is not fetched again (no reload loop): the page says so.
      if (sessionStorage.getItem('oc-token-from-session') === OC.token()) sessionStorage.setItem('oc-token-refused', OC.token());
      sessionStorage.removeItem('oc-token'); location.href = 'index.html'; throw new Error('signed out');
    }
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
  // After a sign-in through the identity provider, the server's session holds the access token: take it for the API.
  // Answers whether the provider sign-in exists here (the sign-in link is shown only then).
  async tokenFromSession() {
    const r = await fetch('/workspace/session', { headers: { 'X-Requested-With': 'JavaScript', 'Accept': 'application/json' } }).catch(() => null);
    if (!r || !r.ok) return { providerSignIn: false };
    const session = await r.json().catch(() => ({}));
    if (session.accessToken && session.accessToken !== sessionStorage.getItem('oc-token-refused')) {
      OC.setToken(session.accessToken); sessionStorage.setItem('oc-token-from-session', OC.token());
    } else if (session.accessToken) {
      session.refused = true;
    }
    return session;
  },
  claims() { try { return JSON.parse(atob(OC.token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); } catch (e) { return {}; } },
  // Names a compliance officer reads instead of the API's enum constants (the API keeps the constants).
  LABELS: {
    ORIGINATING: 'Originating', NOT_ORIGINATING: 'Not originating', INSUFFICIENT_DATA: 'Insufficient data',
    PENDING_REVIEW: 'Pending review', APPROVED: 'Approved', REJECTED: 'Rejected', OVERRIDDEN: 'Overridden',
    PASS: 'Met', FAIL: 'Not met', NOT_APPLICABLE: 'Not applicable', INFO: 'Note',
    NON_ORIGINATING: 'Non-originating', UNKNOWN: 'Unknown',
    DIRECT: 'Direct', INDIRECT: 'Indirect', RETAIL_PACKAGING: 'Retail packaging', SHIPPING_PACKING: 'Packing for shipment', ACCESSORY: 'Accessory',
    NET_COST: 'Net cost', TRANSACTION_VALUE: 'Transaction value',
    PRODUCT_RULE: 'Product-specific rule', PARTS_RULE_4_2_D: 'Parts rule, Art. 4.2(d)', PARTS_RULE_4_2_D_LISTED_PART: 'Parts rule, Art. 4.2(d), listed automotive part',
    PRODUCT_RULE_SELECTED: 'Product-specific rule applied', PRODUCT_RULE_NOT_FOUND: 'No product-specific rule',
    PRODUCT_RULE_NEEDS_DATA: 'Rule needs more data', PRODUCT_RULE_NEEDS_REVIEW: 'Rule awaits manual encoding',
    BILL_OF_MATERIALS: 'Bill of materials', WHOLLY_OBTAINED: 'Wholly obtained (criterion A)',
    EXCLUSIVELY_ORIGINATING_MATERIALS: 'Only originating materials (criterion C)', MATERIAL_TREATMENT: 'Treatment of materials',
    TARIFF_SHIFT: 'Tariff shift', TARIFF_SHIFT_DE_MINIMIS: 'De minimis (tariff shift)', RVC_TRANSACTION_VALUE: 'RVC, transaction value',
    RVC_NET_COST: 'RVC, net cost', RVC_METHOD_UNAVAILABLE: 'RVC method not available', RVC_DE_MINIMIS: 'De minimis (RVC)',
    PRODUCT_RULE_ALTERNATIVE: 'Alternative of the rule', PRODUCT_RULE_PROVISO: 'Proviso of the alternative', PRODUCT_RULE_MET: 'Product-specific rule (criterion B)',
    AUTOMOTIVE_CLASSIFICATION: 'Vehicle class', AUTOMOTIVE_THRESHOLDS: 'Automotive thresholds', ALTERNATIVE_STAGING_REGIME: 'Alternative staging regime',
    CORE_PARTS: 'Core parts', CORE_PARTS_ROLL_UP: 'Roll-up of core parts', STEEL_AND_ALUMINUM: 'Steel and aluminum', LABOR_VALUE_CONTENT: 'Labor value content',
    ORIGIN_DETERMINED: 'Conclusion', AUTO_APPROVED: 'Approved by policy', REVIEW_REQUIRED: 'Review required', APPROVE: 'Approve', REJECT: 'Reject',
    OVERRIDE: 'Override', COMMENT: 'Comment', PRODUCER: 'Producer', EXPORTER: 'Exporter', IMPORTER: 'Importer',
    ACTIVE: 'Active', REVOKED: 'Revoked', REPLACED: 'Replaced', EXPIRED: 'Expired', SET_RULE: 'Set (SOR s.6)'
  },
  label(value) { return value === null || value === undefined ? '' : (OC.LABELS[value] || String(value)); },
  // A status badge with the enum as its class (colour) and, when asked, a neutral look for tests not taken.
  badge(text, neutral) { return OC.el('span', { class: 'badge ' + (neutral ? 'neutral' : (text || '')), title: text || '' }, text ? OC.label(text) : '—'); },
  // HS codes as printed in the tariff: 8402.90, 8708.40.50 (the API stores digits only); never wrapped (CSS .hs).
  hs(code) {
    if (!code) return '';
    const d = String(code).replace(/\./g, '');
    if (!/^\d+$/.test(d)) return String(code);
    return d.length <= 4 ? d : d.length <= 6 ? d.slice(0, 4) + '.' + d.slice(4) : d.slice(0, 4) + '.' + d.slice(4, 6) + '.' + d.slice(6);
  },
  hsCell(code) { return OC.el('span', { class: 'hs' }, OC.hs(code)); },
  roles() { return OC.claims().groups || []; },
  hasRole(...roles) { const mine = OC.roles(); return roles.some(r => mine.includes(r)); },
  pct(v, digits = 1) { return v === null || v === undefined ? '' : Number(v).toFixed(digits) + '%'; },
  showWho() {
    const c = OC.claims(); const who = document.getElementById('who');
    if (!who || !c.sub) return;
    who.textContent = (c.preferred_username || c.sub) + ' · ' + c.tenant + ' · ' + (c.groups || []).join(', ') + ' · ';
    // Sign-out is a POST of this form (the server refuses a GET and another site's POST), so a link or an image
    // elsewhere cannot sign anyone out. A token pasted or from the dev sign-in lives only in this tab: forgetting it is all.
    const form = OC.el('form', { method: 'post', action: '/workspace/sign-out', id: 'sign-out-form', class: 'sign-out' },
      OC.el('button', { type: 'submit', class: 'secondary', id: 'sign-out' }, 'Sign out'));
    form.addEventListener('submit', ev => {
      const fromSession = sessionStorage.getItem('oc-token-from-session') === OC.token();
      ['oc-token', 'oc-token-from-session', 'oc-token-refused'].forEach(k => sessionStorage.removeItem(k));
      if (!fromSession) { ev.preventDefault(); location.href = 'index.html'; }
    });
    who.append(form);
  }
};
