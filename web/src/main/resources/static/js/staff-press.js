// The press desk (/staff/press, role PRESS_OFFICER): accreditation requests of one event (or all), counts per
// status, the press quota used / left, a request's details and history, and the decisions.
//
// Data: GET /api/events (the event list, public), GET /api/events/{code} (its pressQuota),
//       GET /api/accreditations?event={code} (every request of the event: counts and quota are computed from it),
//       GET /api/accreditations/{id} (staff view with history), POST /api/accreditations/{id}/decision.
// A decided request leaves the list without a reload (the DOM, counts and quota are updated in place) and the
// outcome is announced in #message (aria-live). A 409 (decided meanwhile by someone else, quota reached) is
// explained and the request and counts are fetched again.
//
// Test hooks:
//   #event-filter (opens on ?event=, else on the event with the most requests to review), #status-filter
//   (QUEUE = PENDING + NEEDS_INFO, a status, or ALL), #refresh
//   [data-test="count-<STATUS>"]        count per status (PENDING, NEEDS_INFO, APPROVED, REJECTED, WITHDRAWN)
//   [data-test="quota"]                 quota text, with data-quota ("" = no limit), data-used, data-left
//   [data-test="request-row"][data-id]  one row per request shown (data-status too); click it or its
//                                       [data-test="open"] button to see the details
//   #details (data-id), #details-fields, #history li[data-test="history-entry"]
//   #reason (textarea), #reason-error, [data-test="approve"], [data-test="reject"], [data-test="ask"]
//   #message (role=status, aria-live=polite): the outcome of each action
'use strict';

(function () {
  // The workflow states of a request, which the desk counts, filters and decides on (their labels: status.*).
  const STATUSES = ['PENDING', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN'];
  const FINAL = ['APPROVED', 'REJECTED', 'WITHDRAWN'];
  const MAX_REASON = 2000;
  // The types of media with the press form's labels, from the server (#reference-lists: [value, label] pairs).
  const MEDIA_TYPES = new Map((function () {
    try {
      return JSON.parse(document.getElementById('reference-lists').textContent).mediaTypes || [];
    } catch (e) {
      return [];
    }
  }()));


  const h = Staff.h;
  const state = {
    events: [],
    eventCode: '',
    statusFilter: 'QUEUE',
    requests: [],
    pressQuota: undefined, // undefined: not known (no event chosen); null: no limit
    details: null,
    reasonError: null,
    busy: false
  };

  const eventSelect = document.getElementById('event-filter');
  const statusSelect = document.getElementById('status-filter');
  const rows = document.getElementById('queue-rows');
  const detailsBox = document.getElementById('details');
  const reason = document.getElementById('reason');
  const decisionButtons = Array.from(document.querySelectorAll('#decision-form [data-decision]'));

  const page = Staff.createPage(render);

  function render() {
    renderEventOptions();
    renderCounts();
    renderQueue();
    renderDetails();
  }

  function fullName(journalist) {
    return journalist ? [journalist.firstName, journalist.lastName].filter(Boolean).join(' ') : '';
  }

  function statusLabel(status) {
    return STATUSES.indexOf(status) >= 0 ? page.t('status.' + status) : String(status || '');
  }

  function mediaLabel(type) {
    return MEDIA_TYPES.get(type) || String(type || '');
  }

  function shownByFilter(request) {
    if (state.statusFilter === 'ALL') {
      return true;
    }
    if (state.statusFilter === 'QUEUE') {
      return request.status === 'PENDING' || request.status === 'NEEDS_INFO';
    }
    return request.status === state.statusFilter;
  }

  function eventTitle(code) {
    const event = state.events.find((e) => e.code === code);
    return event ? Staff.localized(event.title, page.lang) || code : code;
  }

  // ---- rendering ----

  function renderEventOptions() {
    const current = state.eventCode;
    Staff.clear(eventSelect);
    eventSelect.appendChild(h('option', { text: page.t('allEvents'), attrs: { value: '' } }));
    state.events.forEach((event) => {
      eventSelect.appendChild(h('option', {
        text: Staff.localized(event.title, page.lang) + ' (' + event.code + ')',
        attrs: { value: event.code }
      }));
    });
    eventSelect.value = current;
  }

  function renderCounts() {
    STATUSES.forEach((status) => {
      const count = state.requests.filter((r) => r.status === status).length;
      document.getElementById('count-' + status).textContent = String(count);
    });
    const quota = document.getElementById('quota');
    const used = state.requests.filter((r) => r.status === 'APPROVED').length;
    quota.dataset.used = String(used);
    if (state.pressQuota === undefined) {
      quota.textContent = page.t('quotaChooseEvent');
      quota.dataset.quota = '';
      quota.dataset.left = '';
    } else if (state.pressQuota === null) {
      quota.textContent = page.t('quotaUnlimited', { used: used });
      quota.dataset.quota = '';
      quota.dataset.left = '';
    } else {
      const left = Math.max(0, state.pressQuota - used);
      quota.textContent = page.t('quotaLimited', { used: used, quota: state.pressQuota, left: left });
      quota.dataset.quota = String(state.pressQuota);
      quota.dataset.left = String(left);
      quota.classList.toggle('full', left === 0);
    }
  }

  function renderQueue() {
    Staff.clear(rows);
    const shown = state.requests.filter(shownByFilter);
    shown.forEach((request) => rows.appendChild(row(request)));
    document.getElementById('queue-empty').hidden = shown.length > 0;
    document.getElementById('queue-summary').textContent =
      page.t('queueSummary', { shown: shown.length, total: state.requests.length });
  }

  function row(request) {
    const name = fullName(request.journalist);
    const selected = state.details && state.details.id === request.id;
    const open = h('button', {
      text: page.t('open'),
      attrs: { type: 'button', 'data-test': 'open', 'aria-label': page.t('openLabel', { name: name }), 'aria-controls': 'details' },
      on: { click: (event) => { event.stopPropagation(); openDetails(request.id); } }
    });
    const tr = h('tr', {
      className: selected ? 'selected' : '',
      attrs: { 'data-test': 'request-row', 'data-id': request.id, 'data-status': request.status, 'aria-current': selected ? 'true' : null },
      on: { click: () => openDetails(request.id) }
    },
    h('td', {},
      h('span', { className: 'strong', text: name }),
      h('br'),
      h('span', { className: 'muted', text: request.journalist ? request.journalist.email : '' }),
      state.eventCode ? null : h('span', { className: 'muted block', text: eventTitle(request.eventCode) })),
    h('td', {},
      h('span', { className: 'strong', text: request.mediaOutlet || '' }),
      h('span', { className: 'muted block', text: mediaLabel(request.mediaType) })),
    h('td', {}, h('time', { text: Staff.formatDateTime(request.createdAt, page.lang, undefined, 'short'), attrs: { datetime: request.createdAt } })),
    h('td', {}, h('span', { className: 'badge status-' + request.status, text: statusLabel(request.status) })),
    h('td', {}, open));
    return tr;
  }

  function renderDetails() {
    const d = state.details;
    detailsBox.hidden = !d;
    document.querySelector('.desk').classList.toggle('with-details', Boolean(d));
    if (!d) {
      detailsBox.removeAttribute('data-id');
      return;
    }
    detailsBox.dataset.id = d.id;
    const fields = document.getElementById('details-fields');
    Staff.clear(fields);
    const j = d.journalist || {};
    const entries = [
      ['field.name', fullName(j)],
      ['field.email', j.email],
      ['field.country', j.country],
      ['field.pressCard', j.pressCardNumber],
      ['field.outlet', d.mediaOutlet],
      ['field.mediaType', mediaLabel(d.mediaType)],
      ['field.language', d.language ? page.t('lang.' + d.language) : ''],
      ['field.event', eventTitle(d.eventCode)],
      ['field.received', Staff.formatDateTime(d.createdAt, page.lang)],
      ['field.status', statusLabel(d.status)],
      ['field.coverage', d.coverageNotes],
      ['field.question', d.question],
      ['field.answer', d.answer],
      ['field.reason', d.status === 'REJECTED' ? d.reason : null],
      ['field.decided', d.decidedAt ? page.t('decidedBy', { at: Staff.formatDateTime(d.decidedAt, page.lang), by: d.decidedBy || '' }) : null]
    ];
    entries.filter(([, value]) => value).forEach(([key, value]) => {
      fields.appendChild(h('dt', { text: page.t(key) }));
      fields.appendChild(h('dd', { className: key === 'field.coverage' || key === 'field.answer' || key === 'field.question' ? 'prose' : '', text: value }));
    });

    const history = document.getElementById('history');
    Staff.clear(history);
    (d.history || []).forEach((entry) => {
      const at = Staff.formatDateTime(entry.at, page.lang);
      const by = entry.by || page.t('journalistSelf');
      const line = entry.from
        ? page.t('historyChange', { at: at, by: by, from: statusLabel(entry.from), to: statusLabel(entry.to) })
        : page.t('historyCreated', { at: at, to: statusLabel(entry.to) });
      history.appendChild(h('li', { attrs: { 'data-test': 'history-entry' } },
        h('span', { text: line }),
        entry.reason ? h('span', { className: 'block prose muted', text: page.t('historyReason', { text: entry.reason }) }) : null,
        entry.answer ? h('span', { className: 'block prose muted', text: page.t('historyAnswer', { text: entry.answer }) }) : null));
    });

    const final = FINAL.indexOf(d.status) >= 0;
    document.getElementById('decision-form').hidden = final;
    const note = document.getElementById('decided-note');
    note.hidden = !final;
    note.textContent = final ? page.t('finalNote', { status: statusLabel(d.status).toLowerCase() }) : '';

    const error = document.getElementById('reason-error');
    reason.setAttribute('aria-invalid', String(Boolean(state.reasonError)));
    error.hidden = !state.reasonError;
    error.textContent = state.reasonError ? (state.reasonError.key ? page.t(state.reasonError.key) : state.reasonError.text) : '';
    decisionButtons.forEach((button) => { button.disabled = state.busy; });
    detailsBox.setAttribute('aria-busy', String(state.busy));
  }

  // ---- data ----

  function readFiltersFromAddress() {
    const params = new URLSearchParams(window.location.search);
    const status = params.get('status');
    if (status && (status === 'QUEUE' || status === 'ALL' || STATUSES.indexOf(status) >= 0)) {
      state.statusFilter = status;
    }
    statusSelect.value = state.statusFilter;
    return params.get('event');
  }

  /** Event code and status filter in the address (no personal data), so a reload shows the same list. */
  function keepFiltersInAddress() {
    const url = new URL(window.location.href);
    url.searchParams.set('event', state.eventCode);
    url.searchParams.set('status', state.statusFilter);
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }

  async function loadEvents(wanted) {
    const result = await Staff.api('/api/events');
    if (!result.ok || !Array.isArray(result.body)) {
      page.showMessage('noPublicEvents', 'error');
      state.events = [];
    } else {
      state.events = result.body;
    }
    if (wanted !== null && (wanted === '' || state.events.some((e) => e.code === wanted))) {
      state.eventCode = wanted;
    } else {
      state.eventCode = await eventToReview();
    }
    renderEventOptions();
  }

  /**
   * The event the desk opens on when the address names none: the one with the most requests to review (PENDING or
   * NEEDS_INFO), the soonest event among equals; the soonest event when nothing waits.
   */
  async function eventToReview() {
    const soonest = state.events.slice().sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)));
    const waiting = {};
    const answers = await Promise.all(['PENDING', 'NEEDS_INFO'].map((status) => Staff.api('/api/accreditations?status=' + status)));
    answers.forEach((result) => {
      (result.ok && Array.isArray(result.body) ? result.body : []).forEach((request) => {
        waiting[request.eventCode] = (waiting[request.eventCode] || 0) + 1;
      });
    });
    const withRequests = soonest.filter((event) => waiting[event.code] > 0);
    if (withRequests.length) {
      const most = Math.max(...withRequests.map((event) => waiting[event.code]));
      return withRequests.find((event) => waiting[event.code] === most).code;
    }
    return soonest.length ? soonest[0].code : '';
  }

  /** The press quota of the chosen event: undefined when no event is chosen or it cannot be read, null for no limit. */
  async function fetchQuota(eventCode) {
    if (!eventCode) {
      return undefined;
    }
    const result = await Staff.api('/api/events/' + encodeURIComponent(eventCode));
    return result.ok && result.body ? (result.body.pressQuota === undefined ? null : result.body.pressQuota) : undefined;
  }

  /** The requests of the chosen event (all events for ''), oldest first; the failed answer when they cannot be read. */
  async function fetchRequests(eventCode) {
    const query = eventCode ? '?event=' + encodeURIComponent(eventCode) : '';
    const result = await Staff.api('/api/accreditations' + query);
    if (!result.ok || !Array.isArray(result.body)) {
      return { failed: result };
    }
    return { requests: result.body.slice().sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt))) };
  }

  // Every reload takes a number; an answer that arrives after a later reload started (the organiser switched events
  // while the first list was still on its way) is dropped, so the list always belongs to the event shown.
  let latestReload = 0;

  async function reload(announce) {
    keepFiltersInAddress();
    const ticket = ++latestReload;
    const eventCode = state.eventCode;
    const [loaded, quota] = await Promise.all([fetchRequests(eventCode), fetchQuota(eventCode)]);
    if (ticket !== latestReload) {
      return;
    }
    state.pressQuota = quota;
    if (loaded.failed) {
      page.failure(loaded.failed);
    } else {
      state.requests = loaded.requests;
    }
    if (state.details && !state.requests.some((r) => r.id === state.details.id)) {
      state.details = null;
    }
    renderCounts();
    renderQueue();
    renderDetails();
    if (!loaded.failed && announce) {
      page.showMessage('loaded', '', { count: state.requests.length });
    }
  }

  async function openDetails(id) {
    const result = await Staff.api('/api/accreditations/' + encodeURIComponent(id));
    if (!result.ok || !result.body) {
      page.failure(result);
      return;
    }
    const changed = !state.details || state.details.id !== id;
    state.details = result.body;
    if (changed) {
      state.reasonError = null;
      reason.value = '';
    }
    replaceRequest(result.body);
    renderQueue();
    renderCounts();
    renderDetails();
    document.getElementById('details-title').focus();
  }

  /** Puts the fresh state of one request into the list (the list view's fields only). */
  function replaceRequest(fresh) {
    const index = state.requests.findIndex((r) => r.id === fresh.id);
    const merged = Object.assign({}, index >= 0 ? state.requests[index] : {}, fresh);
    delete merged.history;
    if (index >= 0) {
      state.requests[index] = merged;
    } else if (!state.eventCode || fresh.eventCode === state.eventCode) {
      state.requests.push(merged);
    }
  }

  async function decide(decision) {
    const d = state.details;
    if (!d || state.busy) {
      return;
    }
    const text = reason.value.trim();
    state.reasonError = null;
    if (decision !== 'APPROVED' && !text) {
      state.reasonError = { key: decision === 'REJECTED' ? 'reasonRequiredReject' : 'reasonRequiredAsk' };
    } else if (text.length > MAX_REASON) {
      state.reasonError = { key: 'reasonTooLong' };
    }
    if (state.reasonError) {
      renderDetails();
      reason.focus();
      return;
    }
    const body = { decision: decision };
    if (decision !== 'APPROVED') {
      body.reason = text;
    }
    state.busy = true;
    renderDetails();
    const result = await Staff.api('/api/accreditations/' + encodeURIComponent(d.id) + '/decision', { method: 'POST', json: body });
    state.busy = false;

    if (result.ok && result.body) {
      const name = fullName(result.body.journalist);
      state.details = result.body;
      replaceRequest(result.body);
      reason.value = '';
      const stillShown = shownByFilter(result.body);
      // In place, no reload: the row goes (or changes), counts and quota follow.
      renderCounts();
      renderQueue();
      renderDetails();
      page.showMessage('done' + decision + (stillShown ? '' : 'Removed'), 'success',
        { name: name, outlet: result.body.mediaOutlet || '' });
      document.getElementById('details-title').focus();
      return;
    }
    if (result.status === 400) {
      const errors = Staff.fieldErrors(result.body);
      const forReason = errors.find((e) => e.field === 'reason');
      if (forReason) {
        state.reasonError = { text: forReason.message };
        renderDetails();
        reason.focus();
        return;
      }
    }
    if (result.status === 409 || result.status === 404) {
      const detail = result.body && result.body.detail ? String(result.body.detail).replace(/\.?$/, '.') : page.t('conflictFallback');
      page.showMessage('conflictDecision', 'error', { detail: detail });
      await reload(false);
      if (state.requests.some((r) => r.id === d.id)) {
        await openDetails(d.id);
      }
      return;
    }
    renderDetails();
    page.failure(result);
  }

  // ---- wiring ----

  eventSelect.addEventListener('change', () => {
    state.eventCode = eventSelect.value;
    state.details = null;
    reload(true);
  });
  statusSelect.addEventListener('change', () => {
    state.statusFilter = statusSelect.value;
    keepFiltersInAddress();
    renderQueue();
  });
  document.getElementById('refresh').addEventListener('click', () => reload(true));
  document.getElementById('filters').addEventListener('submit', (event) => event.preventDefault());
  decisionButtons.forEach((button) => button.addEventListener('click', () => decide(button.dataset.decision)));
  document.getElementById('close-details').addEventListener('click', () => {
    const id = state.details && state.details.id;
    state.details = null;
    render();
    const back = id && rows.querySelector('[data-id="' + CSS.escape(id) + '"] [data-test="open"]');
    (back || document.getElementById('queue-title')).focus();
  });
  reason.addEventListener('input', () => {
    if (state.reasonError) {
      state.reasonError = null;
      renderDetails();
    }
  });

  async function start() {
    const wanted = readFiltersFromAddress();
    page.start();
    page.showMessage('loading');
    await loadEvents(wanted);
    if (!state.events.length && !state.eventCode) {
      page.showMessage('noEvents');
    }
    await reload(true);
  }

  start();
}());
