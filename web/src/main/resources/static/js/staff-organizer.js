// The organiser dashboard (/staff/organizer, role ORGANIZER): events with the fill rate of each session, the event
// form (create / edit with its sessions), the arrivals at the check-in desks, the attendee list with search and CSV
// download, and the email delivery ledger of one person with "send again".
//
// Data: GET /api/admin/events, POST /api/admin/events, PUT /api/admin/events/{code},
//       GET /api/admin/events/{code}/registrations[?session=] (JSON; with Accept: text/csv for the download, fetched
//       with the session and saved through a Blob, since a plain link cannot ask for CSV),
//       GET /api/admin/events/{code}/arrivals (every 10 s while the page is shown),
//       GET /api/admin/notifications?email=, POST /api/admin/notifications/{id}/resend (202).
// Times: the form's datetime-local inputs are wall-clock times in the event's time zone (#timezone); they are sent as
// ISO-8601 with that zone's offset at that date, and shown back the same way.
//
// Test hooks:
//   events:    [data-test="event-row"][data-code] (one per event), inside: [data-test="session-fill"][data-code]
//              (data-capacity, data-taken, data-waiting), [data-test="edit-event"], [data-test="show-attendees"];
//              #new-event / [data-test="new-event"], #refresh-events
//   form:      #event-form-section, inputs with the API's field names as ids: #code #kind #title.fr #title.en #venue
//              #city #country #timezone #startsAt #endsAt #registrationOpensAt #registrationClosesAt #capacity
//              #pressQuota, #languages (fieldset) with #languages-fr #languages-en; each error in #<id>-error
//              (aria-describedby, aria-invalid); sessions: [data-test="session-row"] with inputs named and id'd
//              sessions[i].code / .kind / .title.fr / .title.en / .startsAt / .endsAt / .language / .capacity,
//              [data-test="remove-session"]; #add-session, [data-test="save-event"], #cancel-event,
//              #event-form-summary (role=alert: every error, server ones included)
//   arrivals:  #arrivals-event (opens on the event happening now or next), [data-test="arrivals-summary"]
//              (data-confirmed, data-checked-in), [data-test="arrivals-row"][data-code] (data-confirmed, data-checked-in)
//   attendees: #attendee-event, #attendee-session, #attendee-status, #attendee-search,
//              [data-test="attendee-row"][data-id] (data-status, data-checked-in), [data-test="attendee-emails"], #attendee-count,
//              [data-test="download-csv"]
//   ledger:    #ledger-email, [data-test="ledger-search"], [data-test="ledger-row"][data-id] (data-status),
//              [data-test="resend"], #ledger-count
//   #message (role=status, aria-live=polite): outcome of every action
'use strict';

(function () {
  // The reference lists come from the server (#reference-lists: [value, label] pairs in the page's language).
  const LISTS = (function () {
    try {
      return JSON.parse(document.getElementById('reference-lists').textContent);
    } catch (e) {
      return { eventKinds: [], sessionKinds: [], categories: [] };
    }
  }());
  const EVENT_KINDS = new Map(LISTS.eventKinds || []);
  const SESSION_KINDS = new Map(LISTS.sessionKinds || []);
  const CATEGORIES = new Map(LISTS.categories || []);
  const REG_STATUSES = ['CONFIRMED', 'WAITLISTED', 'CANCELLED'];
  const MAIL_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'];
  const CODE = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
  const DEFAULT_ZONE = 'Europe/Brussels';
  const EVENT_FIELDS = ['code', 'kind', 'title.fr', 'title.en', 'venue', 'city', 'country', 'timezone', 'startsAt',
    'endsAt', 'registrationOpensAt', 'registrationClosesAt', 'capacity', 'pressQuota'];
  const SESSION_FIELDS = ['code', 'kind', 'title.fr', 'title.en', 'startsAt', 'endsAt', 'language', 'capacity'];


  /**
   * The server's validation messages (registration-service's API, in English) as this page's error keys, so that
   * they read in the page's language like the errors found before sending; any other message is shown as it is.
   */
  const SERVER_MESSAGE_KEYS = {
    'is required': 'err.required',
    'must be after startsAt': 'err.after',
    'must be after registrationOpensAt': 'err.windowOrder',
    'needs a French or an English title': 'err.title',
    'is used twice': 'err.codeTwice',
    'must be 2-40 capital letters, digits or dashes': 'err.code',
    'must be an ISO 3166-1 alpha-2 code': 'err.country',
    'is not a known time zone': 'err.timezone',
    'must list at least one of fr, en': 'err.languages',
    'must be fr or en': 'err.language'
  };

  const h = Staff.h;
  const state = {
    events: [],
    form: null,             // {mode: 'create'|'edit', code}
    errors: {},             // control id -> {key} | {text}
    summary: null,          // {key, vars} on top of the field errors
    sessionRows: [],        // values of the session rows (kept across re-renders and language changes)
    attendees: [],
    attendeesFor: null,     // {event, session} the list was loaded for
    arrivals: null,         // the answer of /arrivals for arrivalsEvent
    arrivalsEvent: '',
    arrivalsAt: null,
    ledger: [],
    ledgerEmail: '',
    ledgerError: null
  };

  const page = Staff.createPage(render);

  function render() {
    renderEvents();
    renderEventForm();
    renderArrivals();
    renderAttendeeFilters();
    renderAttendees();
    renderLedger();
  }

  // ---------------------------------------------------------------------------------------------- time zones

  /** Minutes east of UTC in `zone` at the instant `epochMs`. */
  function zoneOffset(epochMs, zone) {
    const parts = {};
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit'
    }).formatToParts(new Date(epochMs)).forEach((p) => { parts[p.type] = p.value; });
    const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24,
      Number(parts.minute), Number(parts.second));
    return Math.round((wall - epochMs) / 60000);
  }

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  /** 'YYYY-MM-DDTHH:mm' (a wall-clock time in `zone`) → ISO-8601 with the zone's offset at that moment; null if empty. */
  function localToIso(local, zone) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local || '');
    if (!m) {
      return null;
    }
    const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
    let offset = zoneOffset(wall, zone);
    const corrected = zoneOffset(wall - offset * 60000, zone);
    if (corrected !== offset) {
      offset = corrected; // the wall time is near a DST change: take the offset in force at the instant itself
    }
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return m[1] + '-' + m[2] + '-' + m[3] + 'T' + m[4] + ':' + m[5] + ':00' + sign + pad(Math.floor(abs / 60)) + ':' + pad(abs % 60);
  }

  /** ISO-8601 instant → 'YYYY-MM-DDTHH:mm' as a wall-clock time in `zone` ('' if empty). */
  function isoToLocal(iso, zone) {
    if (!iso) {
      return '';
    }
    const date = new Date(iso);
    if (isNaN(date.getTime())) {
      return '';
    }
    const parts = {};
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
    }).formatToParts(date).forEach((p) => { parts[p.type] = p.value; });
    return parts.year + '-' + parts.month + '-' + parts.day + 'T' + pad(Number(parts.hour) % 24) + ':' + parts.minute;
  }

  function knownZone(zone) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch (e) {
      return false;
    }
  }

  function zoneList() {
    let zones = [];
    if (typeof Intl.supportedValuesOf === 'function') {
      try {
        zones = Intl.supportedValuesOf('timeZone');
      } catch (e) {
        zones = [];
      }
    }
    if (!zones.length) {
      zones = ['Europe/Brussels', 'Europe/Paris', 'Europe/London', 'Europe/Lisbon', 'Europe/Madrid', 'Europe/Rome',
        'Europe/Berlin', 'Europe/Athens', 'America/Montreal', 'America/New_York', 'UTC'];
    }
    if (zones.indexOf('UTC') < 0) {
      zones = zones.concat(['UTC']);
    }
    return zones;
  }

  // ---------------------------------------------------------------------------------------------- events

  function eventName(event) {
    return Staff.localized(event.title, page.lang) || event.code;
  }

  /** Seats taken out of a capacity as a bar (aria-hidden) and the same in words; "unlimited" without a capacity. */
  function fill(capacity, seatsLeft) {
    if (capacity === null || capacity === undefined) {
      return { node: h('span', { className: 'fill', text: page.t('fillUnlimited') }), taken: null };
    }
    const left = seatsLeft === null || seatsLeft === undefined ? capacity : seatsLeft;
    const taken = Math.max(0, capacity - left);
    const percent = capacity > 0 ? Math.round((taken * 100) / capacity) : 100;
    const node = h('span', { className: 'fill' },
      h('meter', { attrs: { min: 0, max: Math.max(capacity, 1), value: taken, low: Math.ceil(capacity * 0.8), high: Math.max(capacity - 1, 0), optimum: 0, 'aria-hidden': 'true' } }),
      h('span', { text: page.t('fillText', { taken: taken, capacity: capacity, percent: percent }) }));
    return { node: node, taken: taken };
  }

  function renderEvents() {
    const box = document.getElementById('events');
    Staff.clear(box);
    document.getElementById('events-empty').hidden = state.events.length > 0;
    state.events.forEach((event) => box.appendChild(eventCard(event)));
  }

  function eventCard(event) {
    const zone = knownZone(event.timezone) ? event.timezone : undefined;
    const titleId = 'event-' + event.code + '-title';
    const when = Staff.formatDateTime(event.startsAt, page.lang, zone) + ' → ' + Staff.formatDateTime(event.endsAt, page.lang, zone)
      + (event.timezone ? ' (' + event.timezone + ')' : '');
    const where = [event.venue, event.city, event.country].filter(Boolean).join(', ');
    const window = page.t('windowFromTo', {
      from: event.registrationOpensAt ? Staff.formatDateTime(event.registrationOpensAt, page.lang, zone) : '…',
      to: event.registrationClosesAt ? Staff.formatDateTime(event.registrationClosesAt, page.lang, zone) : '…'
    });
    const eventFill = fill(event.capacity, event.seatsLeft);
    const sessions = event.sessions || [];

    const table = h('table', { className: 'sessions-table' },
      h('caption', { className: 'visually-hidden', text: page.t('sessionsCaption', { event: eventName(event) }) }),
      h('thead', {}, h('tr', {},
        h('th', { text: page.t('sessionColumn'), attrs: { scope: 'col' } }),
        h('th', { text: page.t('whenColumn'), attrs: { scope: 'col' } }),
        h('th', { text: page.t('languageColumn'), attrs: { scope: 'col' } }),
        h('th', { text: page.t('fillColumn'), attrs: { scope: 'col' } }),
        h('th', { text: page.t('waitingColumn'), attrs: { scope: 'col' } }))),
      h('tbody', {}, sessions.map((s) => {
        const f = fill(s.capacity, s.seatsLeft);
        return h('tr', { attrs: { 'data-test': 'session-fill', 'data-code': s.code, 'data-capacity': s.capacity === null ? '' : s.capacity,
          'data-taken': f.taken === null ? '' : f.taken, 'data-waiting': s.waitlistLength || 0 } },
        h('th', { attrs: { scope: 'row' } },
          h('span', { className: 'strong', text: Staff.localized(s.title, page.lang) }),
          h('span', { className: 'muted block', text: s.code + ' · ' + (SESSION_KINDS.get(s.kind) || s.kind || '') })),
        h('td', { text: Staff.formatDateTime(s.startsAt, page.lang, zone) + ' → ' + timeOnly(s.endsAt, zone) }),
        h('td', { text: page.t('lang.' + s.language) }),
        h('td', {}, f.node),
        h('td', { className: 'number', text: String(s.waitlistLength || 0) }));
      })));

    return h('article', { className: 'event-card', attrs: { 'data-test': 'event-row', 'data-code': event.code, 'aria-labelledby': titleId } },
      h('h3', { attrs: { id: titleId } }, eventName(event), ' ', h('span', { className: 'muted', text: '(' + event.code + ')' })),
      h('p', { className: 'muted', text: [EVENT_KINDS.get(event.kind) || event.kind, when, where].filter(Boolean).join(' · ') }),
      h('p', {},
        h('span', { className: 'badge ' + (event.registrationOpen ? 'status-open' : 'status-closed'),
          text: page.t(event.registrationOpen ? 'registrationOpen' : 'registrationClosed') }),
        ' ', h('span', { className: 'muted', text: window })),
      h('p', { className: 'event-figures' },
        h('span', { text: page.t('eventPlaces', { fill: '' }) }), eventFill.node,
        h('span', { text: ' · ' + page.t('waitingList', { count: event.waitlistLength || 0 }) + ' · '
          + page.t('pressQuotaShown', { quota: event.pressQuota === null || event.pressQuota === undefined ? page.t('noLimit') : event.pressQuota }) })),
      h('div', { className: 'actions' },
        h('button', { text: page.t('edit'), attrs: { type: 'button', 'data-test': 'edit-event', 'aria-label': page.t('editLabel', { event: eventName(event) }) },
          on: { click: () => openForm('edit', event) } }),
        h('button', { text: page.t('showAttendees'), attrs: { type: 'button', 'data-test': 'show-attendees', 'aria-label': page.t('showAttendeesLabel', { event: eventName(event) }) },
          on: { click: () => showAttendeesOf(event.code) } })),
      sessions.length ? h('div', { className: 'table-wrap' }, table) : h('p', { className: 'muted', text: page.t('noSessions') }));
  }

  function timeOnly(iso, zone) {
    const date = new Date(iso);
    if (!iso || isNaN(date.getTime())) {
      return '—';
    }
    const options = { timeStyle: 'short' };
    if (zone) {
      options.timeZone = zone;
    }
    return new Intl.DateTimeFormat(Staff.locale(page.lang), options).format(date);
  }

  async function loadEvents() {
    const result = await Staff.api('/api/admin/events');
    if (!result.ok || !Array.isArray(result.body)) {
      page.failure(result);
      return false;
    }
    state.events = result.body;
    renderEvents();
    renderArrivals();
    renderAttendeeFilters();
    return true;
  }

  // ---------------------------------------------------------------------------------------------- event form

  const formSection = document.getElementById('event-form-section');
  const form = document.getElementById('event-form');
  const sessionsBox = document.getElementById('sessions');
  const zoneSelect = document.getElementById('timezone');

  function fillZones(selected) {
    Staff.clear(zoneSelect);
    const zones = zoneList();
    if (selected && zones.indexOf(selected) < 0) {
      zones.unshift(selected);
    }
    zones.forEach((zone) => zoneSelect.appendChild(h('option', { text: zone.replace(/_/g, ' '), attrs: { value: zone } })));
    zoneSelect.value = selected || DEFAULT_ZONE;
  }

  function emptySession() {
    return { code: '', kind: 'WORKSHOP', 'title.fr': '', 'title.en': '', startsAt: '', endsAt: '', language: 'fr', capacity: '' };
  }

  function openForm(mode, event) {
    state.form = { mode: mode, code: event ? event.code : null };
    state.errors = {};
    state.summary = null;
    form.reset();
    const zone = event && event.timezone ? event.timezone : DEFAULT_ZONE;
    fillZones(zone);
    const set = (id, value) => { document.getElementById(id).value = value === null || value === undefined ? '' : value; };
    if (event) {
      set('code', event.code);
      set('kind', event.kind);
      set('title.fr', event.title && event.title.fr);
      set('title.en', event.title && event.title.en);
      set('venue', event.venue);
      set('city', event.city);
      set('country', event.country);
      set('startsAt', isoToLocal(event.startsAt, zone));
      set('endsAt', isoToLocal(event.endsAt, zone));
      set('registrationOpensAt', isoToLocal(event.registrationOpensAt, zone));
      set('registrationClosesAt', isoToLocal(event.registrationClosesAt, zone));
      set('capacity', event.capacity);
      set('pressQuota', event.pressQuota);
      const langs = event.languages || [];
      document.getElementById('languages-fr').checked = langs.indexOf('fr') >= 0;
      document.getElementById('languages-en').checked = langs.indexOf('en') >= 0;
      state.sessionRows = (event.sessions || []).map((s) => ({
        code: s.code, kind: s.kind, 'title.fr': (s.title && s.title.fr) || '', 'title.en': (s.title && s.title.en) || '',
        startsAt: isoToLocal(s.startsAt, zone), endsAt: isoToLocal(s.endsAt, zone), language: s.language,
        capacity: s.capacity === null || s.capacity === undefined ? '' : String(s.capacity)
      }));
    } else {
      set('kind', 'CONFERENCE');
      document.getElementById('languages-fr').checked = true;
      document.getElementById('languages-en').checked = true;
      state.sessionRows = [];
    }
    Staff.clear(sessionsBox); // the rows of a previous form must not be read back into this one
    formSection.hidden = false;
    renderEventForm();
    document.getElementById('event-form-title').focus();
  }

  function closeForm() {
    state.form = null;
    state.errors = {};
    state.summary = null;
    formSection.hidden = true;
  }

  /** Reads the session rows' current values from the page into state.sessionRows. */
  function readSessionRows() {
    state.sessionRows = Array.from(sessionsBox.querySelectorAll('[data-test="session-row"]')).map((row, i) => {
      const values = {};
      SESSION_FIELDS.forEach((field) => {
        const input = document.getElementById('sessions[' + i + '].' + field);
        values[field] = input ? input.value : '';
      });
      return values;
    });
  }

  function renderEventForm() {
    if (!state.form) {
      formSection.hidden = true;
      return;
    }
    document.getElementById('event-form-title').textContent = state.form.mode === 'create'
      ? page.t('createTitle') : page.t('editTitle', { code: state.form.code });
    const code = document.getElementById('code');
    code.readOnly = state.form.mode === 'edit';
    code.setAttribute('aria-readonly', String(state.form.mode === 'edit'));
    if (sessionsBox.children.length) {
      readSessionRows();
    }
    renderSessionRows();
    renderFieldErrors();
  }

  function sessionField(i, field, labelKey, control) {
    const id = 'sessions[' + i + '].' + field;
    control.id = id;
    control.name = id;
    control.setAttribute('aria-describedby', id + '-error');
    return h('div', { className: 'field' },
      h('label', { text: page.t(labelKey), attrs: { for: id } }),
      control,
      h('p', { className: 'field-error', attrs: { id: id + '-error', hidden: true } }));
  }

  function select(options, value) {
    const node = h('select', {}, options.map(([optionValue, label]) => h('option', { text: label, attrs: { value: optionValue } })));
    node.value = value;
    return node;
  }

  function renderSessionRows() {
    Staff.clear(sessionsBox);
    state.sessionRows.forEach((values, i) => {
      const n = i + 1;
      const input = (type, value, extra) => h('input', { attrs: Object.assign({ type: type }, extra || {}), props: { value: value || '' } });
      sessionsBox.appendChild(h('fieldset', { className: 'session-row', attrs: { 'data-test': 'session-row', 'data-index': i } },
        h('legend', { text: page.t('sessionLegend', { n: n }) }),
        h('div', { className: 'grid' },
          sessionField(i, 'code', 'sessionCode', input('text', values.code, { maxlength: 40, autocomplete: 'off', spellcheck: 'false' })),
          sessionField(i, 'kind', 'sessionKind', select(LISTS.sessionKinds, values.kind || 'WORKSHOP')),
          sessionField(i, 'title.fr', 'sessionTitleFr', input('text', values['title.fr'], { maxlength: 200, lang: 'fr' })),
          sessionField(i, 'title.en', 'sessionTitleEn', input('text', values['title.en'], { maxlength: 200, lang: 'en' })),
          sessionField(i, 'startsAt', 'sessionStartsAt', input('datetime-local', values.startsAt)),
          sessionField(i, 'endsAt', 'sessionEndsAt', input('datetime-local', values.endsAt)),
          sessionField(i, 'language', 'sessionLanguage', select([['fr', page.t('lang.fr')], ['en', page.t('lang.en')]], values.language || 'fr')),
          sessionField(i, 'capacity', 'sessionCapacity', input('number', values.capacity, { min: 0, step: 1, inputmode: 'numeric' }))),
        h('button', {
          className: 'link-danger',
          text: page.t('removeSession'),
          attrs: { type: 'button', 'data-test': 'remove-session', 'aria-label': page.t('removeSessionLabel', { n: n }) },
          on: { click: () => removeSession(i) }
        })));
    });
  }

  function addSession() {
    readSessionRows();
    const previous = state.sessionRows[state.sessionRows.length - 1];
    const fresh = emptySession();
    if (previous) {
      fresh.startsAt = previous.startsAt;
      fresh.endsAt = previous.endsAt;
    } else {
      fresh.startsAt = document.getElementById('startsAt').value;
    }
    state.sessionRows.push(fresh);
    state.errors = {};
    renderSessionRows();
    renderFieldErrors();
    const n = state.sessionRows.length;
    page.showMessage('sessionAdded', '', { n: n });
    document.getElementById('sessions[' + (n - 1) + '].code').focus();
  }

  function removeSession(index) {
    readSessionRows();
    state.sessionRows.splice(index, 1);
    // Indexes change: errors tied to rows no longer mean anything.
    state.errors = {};
    state.summary = null;
    renderSessionRows();
    renderFieldErrors();
    page.showMessage('sessionRemoved');
    const next = document.getElementById('sessions[' + Math.min(index, state.sessionRows.length - 1) + '].code');
    (next || document.getElementById('add-session')).focus();
  }

  /** The control an error of `field` belongs to: the field itself, its French title, or its nearest parent. */
  function controlFor(field) {
    let name = field;
    while (name) {
      if (document.getElementById(name + '-error')) {
        return name;
      }
      if (document.getElementById(name + '.fr-error')) {
        return name + '.fr';
      }
      const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('['));
      if (cut <= 0) {
        return null;
      }
      name = name.substring(0, cut);
    }
    return null;
  }

  function errorText(error) {
    return error.key ? page.t(error.key) : error.text;
  }

  /** A validation message of the server: one of this page's errors when known, else its own words. */
  function serverError(message) {
    const key = SERVER_MESSAGE_KEYS[String(message || '').trim()];
    return key ? { key: key } : { text: message };
  }

  function labelOf(id) {
    const label = document.querySelector('label[for="' + CSS.escape(id) + '"]');
    if (label) {
      const row = /^sessions\[(\d+)\]/.exec(id);
      return (row ? page.t('sessionLegend', { n: Number(row[1]) + 1 }) + ' — ' : '') + label.textContent;
    }
    if (id === 'languages') {
      return page.t('languages');
    }
    return id;
  }

  function renderFieldErrors() {
    form.querySelectorAll('.field-error').forEach((node) => {
      const id = node.id.replace(/-error$/, '');
      const error = state.errors[id];
      node.hidden = !error;
      node.textContent = error ? errorText(error) : '';
      const controls = id === 'languages'
        ? [document.getElementById('languages-fr'), document.getElementById('languages-en')]
        : [document.getElementById(id)];
      controls.filter(Boolean).forEach((control) => {
        if (control.tagName !== 'FIELDSET') {
          control.setAttribute('aria-invalid', String(Boolean(error)));
        }
      });
    });
    const summary = document.getElementById('event-form-summary');
    const list = document.getElementById('event-form-summary-list');
    Staff.clear(list);
    const ids = Object.keys(state.errors);
    summary.hidden = !state.summary && ids.length === 0;
    document.getElementById('event-form-summary-text').textContent = state.summary
      ? page.t(state.summary.key, state.summary.vars) : page.t('formHasErrors', { count: ids.length });
    ids.forEach((id) => {
      list.appendChild(h('li', {}, h('a', {
        text: labelOf(id) + (page.lang === 'fr' ? ' : ' : ': ') + errorText(state.errors[id]),
        attrs: { href: '#' + id },
        on: { click: (event) => {
          event.preventDefault();
          const target = id === 'languages' ? document.getElementById('languages-fr') : document.getElementById(id);
          if (target) {
            target.focus();
          }
        } }
      })));
    });
  }

  function value(id) {
    return document.getElementById(id).value.trim();
  }

  function countOrNull(id, errors) {
    const text = value(id);
    if (text === '') {
      return null;
    }
    if (!/^\d+$/.test(text)) {
      errors[id] = { key: 'err.count' };
      return null;
    }
    return Number(text);
  }

  /** The API body from the form, and the errors found before sending anything. */
  function collect() {
    readSessionRows();
    const errors = {};
    const zone = zoneSelect.value;
    const creating = state.form.mode === 'create';
    const code = value('code');
    if (creating && !code) {
      errors.code = { key: 'err.required' };
    } else if (creating && !CODE.test(code)) {
      errors.code = { key: 'err.code' };
    }
    if (!value('title.fr') && !value('title.en')) {
      errors['title.fr'] = { key: 'err.title' };
    }
    const country = value('country').toUpperCase();
    if (country && !/^[A-Z]{2}$/.test(country)) {
      errors.country = { key: 'err.country' };
    }
    if (!zone || !knownZone(zone)) {
      errors.timezone = { key: 'err.required' };
    }
    const time = (id) => {
      const local = value(id);
      return local && zone && knownZone(zone) ? localToIso(local, zone) : null;
    };
    const startsAt = time('startsAt');
    const endsAt = time('endsAt');
    if (!startsAt) {
      errors.startsAt = { key: 'err.date' };
    }
    if (!endsAt) {
      errors.endsAt = { key: 'err.date' };
    } else if (startsAt && !(Date.parse(endsAt) > Date.parse(startsAt))) {
      errors.endsAt = { key: 'err.after' };
    }
    const opens = time('registrationOpensAt');
    const closes = time('registrationClosesAt');
    if (opens && closes && !(Date.parse(closes) > Date.parse(opens))) {
      errors.registrationClosesAt = { key: 'err.windowOrder' };
    }
    const languages = ['fr', 'en'].filter((l) => document.getElementById('languages-' + l).checked);
    if (!languages.length) {
      errors.languages = { key: 'err.languages' };
    }
    const capacity = countOrNull('capacity', errors);
    const pressQuota = countOrNull('pressQuota', errors);

    const seen = {};
    const sessions = state.sessionRows.map((row, i) => {
      const id = (field) => 'sessions[' + i + '].' + field;
      const sessionCode = row.code.trim();
      if (!sessionCode) {
        errors[id('code')] = { key: 'err.required' };
      } else if (!CODE.test(sessionCode)) {
        errors[id('code')] = { key: 'err.code' };
      } else if (seen[sessionCode]) {
        errors[id('code')] = { key: 'err.codeTwice' };
      }
      seen[sessionCode] = true;
      if (!row['title.fr'].trim() && !row['title.en'].trim()) {
        errors[id('title.fr')] = { key: 'err.title' };
      }
      const start = row.startsAt && zone && knownZone(zone) ? localToIso(row.startsAt, zone) : null;
      const end = row.endsAt && zone && knownZone(zone) ? localToIso(row.endsAt, zone) : null;
      if (!start) {
        errors[id('startsAt')] = { key: 'err.date' };
      }
      if (!end) {
        errors[id('endsAt')] = { key: 'err.date' };
      } else if (start && !(Date.parse(end) > Date.parse(start))) {
        errors[id('endsAt')] = { key: 'err.after' };
      }
      let sessionCapacity = null;
      if (String(row.capacity).trim() !== '') {
        if (!/^\d+$/.test(String(row.capacity).trim())) {
          errors[id('capacity')] = { key: 'err.count' };
        } else {
          sessionCapacity = Number(String(row.capacity).trim());
        }
      }
      return {
        code: sessionCode,
        kind: row.kind,
        title: { fr: row['title.fr'].trim() || null, en: row['title.en'].trim() || null },
        startsAt: start,
        endsAt: end,
        language: row.language,
        capacity: sessionCapacity
      };
    });

    const body = {
      code: creating ? code : state.form.code,
      kind: document.getElementById('kind').value,
      title: { fr: value('title.fr') || null, en: value('title.en') || null },
      venue: value('venue') || null,
      city: value('city') || null,
      country: country || null,
      startsAt: startsAt,
      endsAt: endsAt,
      timezone: zone,
      languages: languages,
      capacity: capacity,
      registrationOpensAt: opens,
      registrationClosesAt: closes,
      pressQuota: pressQuota,
      sessions: sessions
    };
    return { body: body, errors: errors };
  }

  function focusFirstError() {
    const summary = document.getElementById('event-form-summary');
    if (!summary.hidden) {
      summary.focus();
    }
  }

  async function saveEvent(event) {
    event.preventDefault();
    if (!state.form) {
      return;
    }
    const collected = collect();
    state.errors = collected.errors;
    state.summary = null;
    renderSessionRows();
    renderFieldErrors();
    if (Object.keys(state.errors).length) {
      focusFirstError();
      return; // nothing is sent while the form has errors
    }
    const creating = state.form.mode === 'create';
    const path = creating ? '/api/admin/events' : '/api/admin/events/' + encodeURIComponent(state.form.code);
    const saveButton = document.getElementById('save-event');
    saveButton.disabled = true;
    page.showMessage('saving');
    const result = await Staff.api(path, { method: creating ? 'POST' : 'PUT', json: collected.body });
    saveButton.disabled = false;

    if (result.ok) {
      const code = (result.body && result.body.code) || collected.body.code;
      closeForm();
      page.showMessage(creating ? 'created' : 'saved', 'success', { code: code });
      await loadEvents();
      const card = document.querySelector('[data-test="event-row"][data-code="' + CSS.escape(code) + '"] h3');
      if (card) {
        card.setAttribute('tabindex', '-1');
        card.focus();
      }
      return;
    }
    const fieldErrors = Staff.fieldErrors(result.body);
    const errors = {};
    const unplaced = [];
    fieldErrors.forEach((error) => {
      const id = controlFor(error.field);
      if (id && !errors[id]) {
        errors[id] = serverError(error.message);
      } else if (!id) {
        unplaced.push(error.field + ': ' + error.message);
      }
    });
    if (result.status === 409 && creating && result.body && result.body.detail && !errors.code) {
      errors.code = { text: String(result.body.detail) }; // the code is taken: said next to the code
    }
    state.errors = errors;
    const detail = unplaced.length ? unplaced.join(' ; ')
      : (result.body && result.body.detail ? String(result.body.detail) : '');
    if ((result.status === 400 || (result.status === 409 && creating)) && !unplaced.length && Object.keys(errors).length) {
      state.summary = null;
    } else if (detail && result.status !== 0 && result.status !== 503) {
      state.summary = { key: 'formRefused', vars: { detail: detail } };
    } else {
      state.summary = null;
      page.failure(result);
    }
    page.showMessage(null);
    renderFieldErrors();
    focusFirstError();
  }

  // ---------------------------------------------------------------------------------------------- arrivals

  const ARRIVALS_REFRESH_MS = 10000;
  const arrivalsEvent = document.getElementById('arrivals-event');

  /** The event happening now, else the next one to start, else the latest one. */
  function nowOrNext(events) {
    const now = Date.now();
    const byStart = events.slice().sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)));
    const running = byStart.filter((e) => e.endsAt && new Date(e.endsAt).getTime() > now);
    if (running.length) {
      return running[0].code;
    }
    return byStart.length ? byStart[byStart.length - 1].code : '';
  }

  function percent(part, whole) {
    return whole > 0 ? Math.round((part * 100) / whole) : 0;
  }

  function renderArrivals() {
    if (!state.arrivalsEvent || !state.events.some((e) => e.code === state.arrivalsEvent)) {
      state.arrivalsEvent = nowOrNext(state.events);
    }
    Staff.clear(arrivalsEvent);
    state.events.forEach((event) => arrivalsEvent.appendChild(h('option', {
      text: eventName(event) + ' (' + event.code + ')', attrs: { value: event.code }
    })));
    arrivalsEvent.value = state.arrivalsEvent;

    const a = state.arrivals && state.arrivals.eventCode === state.arrivalsEvent ? state.arrivals : null;
    const summary = document.getElementById('arrivals-summary');
    summary.dataset.confirmed = a ? String(a.confirmed) : '';
    summary.dataset.checkedIn = a ? String(a.checkedIn) : '';
    summary.textContent = a ? page.t('arrivalsEvent', { checkedIn: a.checkedIn, confirmed: a.confirmed,
      percent: percent(a.checkedIn, a.confirmed) }) : (state.events.length ? '' : page.t('arrivalsNone'));

    const event = state.events.find((e) => e.code === state.arrivalsEvent);
    const titles = new Map(((event && event.sessions) || []).map((s) => [s.code, Staff.localized(s.title, page.lang)]));
    const rowsBox = document.getElementById('arrivals-rows');
    Staff.clear(rowsBox);
    ((a && a.sessions) || []).forEach((s) => rowsBox.appendChild(h('tr', {
      attrs: { 'data-test': 'arrivals-row', 'data-code': s.code, 'data-confirmed': s.confirmed, 'data-checked-in': s.checkedIn }
    },
    h('th', { attrs: { scope: 'row' } },
      h('span', { className: 'strong', text: titles.get(s.code) || s.code }),
      h('span', { className: 'muted block', text: s.code })),
    h('td', { text: String(s.confirmed) }),
    h('td', {}, h('span', { className: 'fill' },
      h('meter', { attrs: { min: 0, max: Math.max(s.confirmed, 1), value: s.checkedIn, 'aria-hidden': 'true' } }),
      h('span', { text: page.t('arrivalsSession', { checkedIn: s.checkedIn, confirmed: s.confirmed,
        percent: percent(s.checkedIn, s.confirmed) }) }))))));
    document.getElementById('arrivals-updated').textContent = a && state.arrivalsAt
      ? page.t('arrivalsUpdated', { time: new Intl.DateTimeFormat(Staff.locale(page.lang), { timeStyle: 'medium' }).format(state.arrivalsAt) })
      : '';
  }

  // An answer for an event no longer chosen is dropped.
  let latestArrivalsLoad = 0;

  async function loadArrivals() {
    const code = state.arrivalsEvent;
    if (!code) {
      return;
    }
    const ticket = ++latestArrivalsLoad;
    const result = await Staff.api('/api/admin/events/' + encodeURIComponent(code) + '/arrivals');
    if (ticket !== latestArrivalsLoad || code !== state.arrivalsEvent) {
      return;
    }
    if (!result.ok || !result.body) {
      page.failure(result);
      return;
    }
    state.arrivals = result.body;
    state.arrivalsAt = new Date();
    renderArrivals();
  }

  // ---------------------------------------------------------------------------------------------- attendees

  const attendeeEvent = document.getElementById('attendee-event');
  const attendeeSession = document.getElementById('attendee-session');
  const attendeeStatus = document.getElementById('attendee-status');
  const attendeeSearch = document.getElementById('attendee-search');

  function renderAttendeeFilters() {
    const chosenEvent = attendeeEvent.value;
    const chosenSession = attendeeSession.value;
    Staff.clear(attendeeEvent);
    state.events.forEach((event) => attendeeEvent.appendChild(h('option', {
      text: eventName(event) + ' (' + event.code + ')', attrs: { value: event.code }
    })));
    if (chosenEvent && state.events.some((e) => e.code === chosenEvent)) {
      attendeeEvent.value = chosenEvent;
    }
    Staff.clear(attendeeSession);
    attendeeSession.appendChild(h('option', { text: page.t('allSessions'), attrs: { value: '' } }));
    const event = state.events.find((e) => e.code === attendeeEvent.value);
    ((event && event.sessions) || []).forEach((s) => attendeeSession.appendChild(h('option', {
      text: Staff.localized(s.title, page.lang) + ' (' + s.code + ')', attrs: { value: s.code }
    })));
    if (chosenSession && event && (event.sessions || []).some((s) => s.code === chosenSession)) {
      attendeeSession.value = chosenSession;
    }
  }

  function matchesSearch(attendee, words) {
    if (!words.length) {
      return true;
    }
    const haystack = [attendee.firstName, attendee.lastName, attendee.email, attendee.organisation]
      .filter(Boolean).join(' ').toLocaleLowerCase();
    return words.every((word) => haystack.indexOf(word) >= 0);
  }

  function visibleAttendees() {
    const words = attendeeSearch.value.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const status = attendeeStatus.value;
    return state.attendees.filter((a) => (!status || a.status === status) && matchesSearch(a, words));
  }

  function renderAttendees() {
    const rowsBox = document.getElementById('attendee-rows');
    Staff.clear(rowsBox);
    const shown = visibleAttendees();
    shown.forEach((a) => {
      const name = [a.firstName, a.lastName].filter(Boolean).join(' ');
      rowsBox.appendChild(h('tr', { attrs: { 'data-test': 'attendee-row', 'data-id': a.id, 'data-status': a.status,
        'data-checked-in': a.checkedInAt || '' } },
        h('th', { text: name, attrs: { scope: 'row' } }),
        h('td', { className: 'break', text: a.email || '' }),
        h('td', { text: a.organisation || '' }),
        h('td', { text: a.country || '' }),
        h('td', { text: CATEGORIES.get(a.category) || a.category || '' }),
        h('td', {}, h('span', { className: 'badge status-' + a.status, text: REG_STATUSES.indexOf(a.status) >= 0 ? page.t('reg.' + a.status) : a.status })),
        h('td', {}, h('ul', { className: 'plain' }, (a.sessions || []).map((s) => h('li', {
          text: s.code + ' — ' + (REG_STATUSES.indexOf(s.status) >= 0 ? page.t('reg.' + s.status) : s.status)
            + (s.checkedInAt ? ' · ' + page.t('checkedInSession', { time: Staff.formatDateTime(s.checkedInAt, page.lang, undefined, 'short') }) : ''),
          attrs: { 'data-session': s.code, 'data-checked-in': s.checkedInAt || '' }
        })))),
        h('td', { text: Staff.formatDateTime(a.createdAt, page.lang) }),
        h('td', { text: a.checkedInAt ? Staff.formatDateTime(a.checkedInAt, page.lang) : '—' }),
        h('td', {}, h('button', {
          text: page.t('attendeeEmails'),
          attrs: { type: 'button', 'data-test': 'attendee-emails', 'aria-label': page.t('attendeeEmailsLabel', { name: name }) },
          on: { click: () => showLedgerOf(a.email) }
        }))));
    });
    const count = document.getElementById('attendee-count');
    count.textContent = state.attendeesFor ? page.t('attendeeCount', { shown: shown.length, total: state.attendees.length }) : '';
  }

  // Each load takes a number; a list that arrives after a later load started (another event or session chosen
  // meanwhile) is dropped, so the list shown always matches the filters shown.
  let latestAttendeeLoad = 0;

  async function loadAttendees() {
    const ticket = ++latestAttendeeLoad;
    const code = attendeeEvent.value;
    if (!code) {
      state.attendees = [];
      state.attendeesFor = null;
      renderAttendees();
      return;
    }
    const session = attendeeSession.value;
    const query = session ? '?session=' + encodeURIComponent(session) : '';
    const result = await Staff.api('/api/admin/events/' + encodeURIComponent(code) + '/registrations' + query);
    if (ticket !== latestAttendeeLoad) {
      return;
    }
    if (!result.ok || !Array.isArray(result.body)) {
      page.failure(result);
      return;
    }
    state.attendees = result.body;
    state.attendeesFor = { event: code, session: session };
    renderAttendees();
  }

  function showAttendeesOf(code) {
    attendeeEvent.value = code;
    attendeeSession.value = '';
    renderAttendeeFilters();
    loadAttendees();
    document.getElementById('attendees-title').focus();
  }

  /** The CSV through fetch (a link cannot send Accept: text/csv), saved with a temporary Blob link. */
  async function downloadCsv() {
    const code = attendeeEvent.value;
    if (!code) {
      page.showMessage('noEventChosen', 'error');
      return;
    }
    const params = new URLSearchParams();
    if (attendeeSession.value) {
      params.set('session', attendeeSession.value);
    }
    if (attendeeStatus.value) {
      params.set('status', attendeeStatus.value);
    }
    const query = params.toString() ? '?' + params.toString() : '';
    const result = await Staff.api('/api/admin/events/' + encodeURIComponent(code) + '/registrations' + query,
      { accept: 'text/csv', raw: true });
    if (!result.ok) {
      const body = await result.response.json().catch(() => null);
      page.failure({ status: result.status, body: body });
      return;
    }
    const blob = await result.response.blob();
    const disposition = result.response.headers.get('Content-Disposition') || '';
    const named = /filename="?([^";]+)"?/.exec(disposition);
    const name = named ? named[1] : code + '-attendees.csv';
    const url = URL.createObjectURL(blob);
    const link = h('a', { attrs: { href: url, download: name, hidden: true } });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    page.showMessage('csvDone', 'success', { name: name });
  }

  // ---------------------------------------------------------------------------------------------- ledger

  const ledgerEmail = document.getElementById('ledger-email');

  function renderLedger() {
    const error = document.getElementById('ledger-email-error');
    ledgerEmail.setAttribute('aria-invalid', String(Boolean(state.ledgerError)));
    error.hidden = !state.ledgerError;
    error.textContent = state.ledgerError ? errorText(state.ledgerError) : '';

    const rowsBox = document.getElementById('ledger-rows');
    Staff.clear(rowsBox);
    state.ledger.forEach((entry) => {
      const created = Staff.formatDateTime(entry.createdAt, page.lang);
      rowsBox.appendChild(h('tr', { attrs: { 'data-test': 'ledger-row', 'data-id': entry.id, 'data-status': entry.status } },
        h('th', { attrs: { scope: 'row' } }, h('span', { text: entry.template || '' }),
          entry.resendOf ? h('span', { className: 'muted block', text: page.t('resentOf') }) : null),
        h('td', { text: entry.language ? page.t('lang.' + entry.language) : '' }),
        h('td', {}, h('span', { className: 'badge status-' + entry.status,
          text: MAIL_STATUSES.indexOf(entry.status) >= 0 ? page.t('mail.' + entry.status) : entry.status })),
        h('td', { className: 'number', text: String(entry.attempts === undefined ? '' : entry.attempts) }),
        h('td', { className: 'break', text: entry.lastError || '—' }),
        h('td', { className: 'break mono', text: entry.messageId || '—' }),
        h('td', { text: created }),
        h('td', { text: Staff.formatDateTime(entry.sentAt, page.lang) }),
        h('td', {}, h('button', {
          text: page.t('resend'),
          attrs: { type: 'button', 'data-test': 'resend', 'aria-label': page.t('resendLabel', { template: entry.template || '', date: created }) },
          on: { click: (event) => resend(entry, event.currentTarget) }
        }))));
    });
    const count = document.getElementById('ledger-count');
    count.textContent = !state.ledgerEmail ? ''
      : page.t(state.ledger.length ? 'ledgerCount' : 'ledgerNone', { count: state.ledger.length, email: state.ledgerEmail });
  }

  async function loadLedger(email) {
    const result = await Staff.api('/api/admin/notifications?email=' + encodeURIComponent(email));
    if (!result.ok || !Array.isArray(result.body)) {
      const emailError = Staff.fieldErrors(result.body).find((e) => e.field === 'email');
      if (emailError) {
        state.ledgerError = { text: emailError.message };
        renderLedger();
        ledgerEmail.focus();
      } else {
        page.failure(result);
      }
      return false;
    }
    state.ledgerError = null;
    state.ledgerEmail = email;
    state.ledger = result.body;
    renderLedger();
    return true;
  }

  function searchLedger(event) {
    event.preventDefault();
    const email = ledgerEmail.value.trim();
    if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
      state.ledgerError = { key: 'err.email' };
      renderLedger();
      ledgerEmail.focus();
      return;
    }
    loadLedger(email);
  }

  function showLedgerOf(email) {
    ledgerEmail.value = email || '';
    document.getElementById('ledger-title').focus();
    if (email) {
      loadLedger(email);
    }
  }

  async function resend(entry, button) {
    button.disabled = true;
    const result = await Staff.api('/api/admin/notifications/' + encodeURIComponent(entry.id) + '/resend', { method: 'POST' });
    button.disabled = false;
    if (result.status !== 202 && !result.ok) {
      page.failure(result);
      return;
    }
    page.showMessage('resendQueued', 'success', { template: entry.template || '' });
    const email = state.ledgerEmail;
    await loadLedger(email);
    // The dispatcher usually sends within seconds: show the outcome without asking.
    setTimeout(() => {
      if (state.ledgerEmail === email) {
        loadLedger(email);
      }
    }, 4000);
  }

  // ---------------------------------------------------------------------------------------------- wiring

  document.getElementById('new-event').addEventListener('click', () => openForm('create', null));
  document.getElementById('refresh-events').addEventListener('click', () => loadEvents());
  document.getElementById('add-session').addEventListener('click', addSession);
  document.getElementById('cancel-event').addEventListener('click', () => {
    closeForm();
    document.getElementById('events-title').focus();
  });
  form.addEventListener('submit', saveEvent);
  document.getElementById('code').addEventListener('change', (event) => { event.target.value = event.target.value.trim().toUpperCase(); });
  document.getElementById('country').addEventListener('change', (event) => { event.target.value = event.target.value.trim().toUpperCase(); });
  sessionsBox.addEventListener('change', (event) => {
    if (/^sessions\[\d+\]\.code$/.test(event.target.id)) {
      event.target.value = event.target.value.trim().toUpperCase();
    }
  });

  arrivalsEvent.addEventListener('change', () => {
    state.arrivalsEvent = arrivalsEvent.value;
    state.arrivals = null;
    renderArrivals();
    loadArrivals();
  });
  document.getElementById('arrivals-filters').addEventListener('submit', (event) => event.preventDefault());
  // Arrivals change by the minute on the day: read again every 10 s, but only while someone can see the page.
  setInterval(() => {
    if (document.visibilityState === 'visible') {
      loadArrivals();
    }
  }, ARRIVALS_REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      loadArrivals();
    }
  });

  attendeeEvent.addEventListener('change', () => {
    attendeeSession.value = '';
    renderAttendeeFilters();
    loadAttendees();
  });
  attendeeSession.addEventListener('change', loadAttendees);
  attendeeStatus.addEventListener('change', renderAttendees);
  attendeeSearch.addEventListener('input', renderAttendees);
  document.getElementById('attendee-filters').addEventListener('submit', (event) => event.preventDefault());
  document.getElementById('download-csv').addEventListener('click', downloadCsv);
  document.getElementById('refresh-attendees').addEventListener('click', loadAttendees);

  document.getElementById('ledger-form').addEventListener('submit', searchLedger);

  async function start() {
    fillZones(DEFAULT_ZONE);
    page.start();
    if (await loadEvents()) {
      await Promise.all([loadAttendees(), loadArrivals()]);
    }
  }

  start();
}());
