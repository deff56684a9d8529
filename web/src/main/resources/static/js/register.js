// The registration form, at /events/{code}/register: GET /api/events/{code}, then
// POST /api/events/{code}/registrations with an Idempotency-Key made once per form load (kept for every retry
// of the same submission, so a double click or a resend after a network failure never registers twice).
// On success the answer and the email address go to /events/{code}/registered through sessionStorage
// (never in the address).
//
// Test hooks: the form #registration-form; inputs with the API field names as ids: #firstName, #lastName,
// #email, #organisation, #country (select of ISO codes), #category (select), #language (select fr/en),
// #dietaryRequirements, #accessibilityNeeds, #privacyPolicy, #photography (checkboxes); one checkbox per session
// input[data-session="<code>"] (id "session-<code>", data-full="true" when full; its note
// [data-test="waitlist-note"] says "join the waiting list"); the submit button [data-test="submit"];
// each field's error in #<field>-error (#sessions-error for sessions; a schedule conflict is a line
// [data-test="schedule-conflict"] in it, shown as soon as two overlapping sessions are ticked); the summary
// #error-summary [data-test="error-summary"] (role=alert, focused) with links a[data-field="<field>"];
// #closed [data-test="registration-closed"], #event-full [data-test="event-full"], #not-found [data-test="not-found"].
'use strict';

(function () {
  const MAX_SESSIONS = 20;


  const state = {
    code: '',
    event: null,
    notFound: false,
    key: '', // Idempotency-Key of this form load
    busy: false,
    languageTouched: false,
    days: [], // [{day, legend}] built once, re-labelled on a language change
    options: [], // [{session, input, time, title, details, note}]
    submitted: [] // the session codes of the last submission, in order (sessions[i] in a problem)
  };
  const page = Site.createPage(render);
  const t = page.t;
  const el = Forms.el;
  const rules = Forms.rules;
  let form = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function option(code) {
    return state.options.find((entry) => entry.session.code === code);
  }

  function sessionTitle(code) {
    const entry = option(code);
    return entry ? (page.localized(entry.session.title).text || code) : code;
  }

  function checkedCodes() {
    return state.options.filter((entry) => entry.input.checked).map((entry) => entry.session.code);
  }

  /**
   * Per session, the codes of the sessions it overlaps in time: written by the server (#session-overlaps) with the
   * registration-service's own rule, so the page never keeps a copy of it.
   */
  const overlaps = (function () {
    try {
      return JSON.parse(document.getElementById('session-overlaps').textContent) || {};
    } catch (e) {
      return {}; // the service will still refuse an overlapping pair, and the form shows its answer
    }
  }());

  /** Every pair of ticked sessions that overlap in time, as errors on the sessions field. */
  function conflicts() {
    const chosen = state.options.filter((entry) => entry.input.checked);
    const found = [];
    for (let i = 0; i < chosen.length; i++) {
      for (let j = i + 1; j < chosen.length; j++) {
        const a = chosen[i].session;
        const b = chosen[j].session;
        if ((overlaps[a.code] || []).includes(b.code)) {
          found.push(conflict(a.code, b.code, true));
        }
      }
    }
    return found;
  }

  function conflict(a, b, live) {
    const targets = [option(a), option(b)].filter(Boolean).map((entry) => entry.input);
    return { field: 'sessions', key: 'errConflict', vars: { a: () => sessionTitle(a), b: () => sessionTitle(b) },
      targets: targets, live: live, test: 'schedule-conflict' };
  }

  function onSessionChange() {
    const before = form.errors().filter((error) => error.field === 'sessions' && error.live).length;
    const found = conflicts();
    form.setField('sessions', found);
    // The message sits next to the sessions; a polite announcement tells screen reader users at once.
    byId('live').textContent = found.length > before ? t(found[found.length - 1].key, found[found.length - 1].vars) : '';
  }

  // --- building the form from the event --------------------------------------------------------------------------

  function buildSessions(event) {
    const container = byId('session-days');
    const sessions = event.sessions || [];
    byId('no-sessions').hidden = sessions.length > 0;
    Forms.byDay(page, sessions, event.timezone).forEach((day) => {
      const group = el('fieldset', 'day');
      group.dataset.day = day.key;
      const legend = el('legend');
      group.appendChild(legend);
      state.days.push({ day: day, legend: legend });
      const list = el('ul', 'choices');
      day.sessions.forEach((session) => {
        const id = 'session-' + session.code;
        const row = el('div', 'check');
        const input = el('input');
        input.type = 'checkbox';
        input.id = id;
        input.name = 'sessions';
        input.value = session.code;
        input.dataset.session = session.code;
        const full = session.seatsLeft !== null && session.seatsLeft !== undefined && session.seatsLeft <= 0;
        input.dataset.full = String(full);
        input.setAttribute('aria-describedby', id + '-details');
        const label = el('label');
        label.htmlFor = id;
        const time = el('span', 'session-label-time');
        const title = el('span', 'session-label-title');
        label.append(time, title);
        const details = el('p', 'hint more');
        details.id = id + '-details';
        const about = el('span');
        const note = el('span', full ? 'waitlist-note' : '');
        if (full) {
          note.dataset.test = 'waitlist-note';
        }
        details.append(about, document.createTextNode(' · '), note);
        row.append(input, label, details);
        const item = el('li');
        item.appendChild(row);
        list.appendChild(item);
        input.addEventListener('change', onSessionChange);
        state.options.push({ session: session, input: input, time: time, title: title, about: about, note: note, full: full });
      });
      group.appendChild(list);
      container.appendChild(group);
    });
    if (sessions.length === 1) {
      state.options[0].input.checked = true; // a webconference's one session: what people register for
    }
  }

  function renderSessions() {
    const event = state.event;
    state.days.forEach((entry) => { entry.legend.textContent = page.dayHeading(entry.day.first, event.timezone); });
    state.options.forEach((entry) => {
      const session = entry.session;
      entry.time.textContent = page.timeRange(session.startsAt, session.endsAt, event.timezone);
      page.putLocalized(entry.title, session.title, session.code);
      entry.about.textContent = page.label('sessionKinds', session.kind) + ' · ' + page.label('sessionLanguages', session.language);
      if (entry.full) {
        const waiting = session.waitlistLength || 0;
        entry.note.textContent = waiting > 0 ? t('joinWaitlist', { n: waiting }) : t('joinWaitlistEmpty');
      } else {
        entry.note.textContent = Forms.seats(page, session).text;
      }
    });
  }

  function createForm() {
    const text = (id) => () => Forms.text(id);
    const oneLine = (max) => [rules.required(), rules.maxLength(max), rules.oneLine()];
    const firstCheckbox = () => (state.options[0] ? state.options[0].input : byId('sessions'));
    form = Forms.createForm(page, {
      fields: {
        firstName: { label: 'firstNameLabel', value: text('firstName'), rules: oneLine(100) },
        lastName: { label: 'lastNameLabel', value: text('lastName'), rules: oneLine(100) },
        email: { label: 'emailLabel', value: text('email'), rules: [rules.required(), rules.maxLength(254), rules.email()] },
        organisation: { label: 'organisationLabel', value: text('organisation'), rules: [rules.maxLength(200), rules.oneLine()] },
        country: { label: 'countryLabel', value: text('country'),
          rules: [rules.required('errCountry'), rules.oneOf(Forms.optionValues('country'), 'errCountry')] },
        category: { label: 'categoryLabel', value: text('category'),
          rules: [rules.required('errCategory'), rules.oneOf(Forms.optionValues('category'), 'errCategory')] },
        language: { label: 'languageLabel', value: text('language'),
          rules: [rules.required('errLanguage'), rules.oneOf(['fr', 'en'], 'errLanguage')] },
        sessions: { label: 'sessionsLegend', value: checkedCodes,
          rules: [(codes) => (codes.length > MAX_SESSIONS ? { key: 'errTooManySessions' } : null)],
          describe: () => state.options.map((entry) => entry.input),
          focus: () => {
            const invalid = state.options.find((entry) => entry.input.getAttribute('aria-invalid') === 'true');
            return invalid ? invalid.input : firstCheckbox();
          } },
        dietaryRequirements: { label: 'dietaryRequirementsLabel', value: text('dietaryRequirements'),
          rules: [rules.maxLength(500), rules.freeText()] },
        accessibilityNeeds: { label: 'accessibilityNeedsLabel', value: text('accessibilityNeeds'),
          rules: [rules.maxLength(500), rules.freeText()] },
        privacyPolicy: { label: 'privacySummaryLabel', value: () => byId('privacyPolicy').checked,
          rules: [rules.accepted('errPrivacy')] },
        photography: { label: 'photographySummaryLabel', value: () => byId('photography').checked, rules: [] }
      },
      extraChecks: conflicts,
      fieldOf: fieldOf,
      translate: translate
    });
  }

  /** The form field for a field named in a problem document. */
  function fieldOf(serverField) {
    if (serverField === 'consents' || serverField === 'consents.privacyPolicy') {
      return 'privacyPolicy';
    }
    if (serverField === 'consents.photography') {
      return 'photography';
    }
    if (/^sessions(\[\d+\])?$/.test(serverField)) {
      return 'sessions';
    }
    return ['firstName', 'lastName', 'email', 'organisation', 'country', 'category', 'language', 'dietaryRequirements',
      'accessibilityNeeds'].includes(serverField) ? serverField : null;
  }

  /** The service's messages about sessions, which only this page can put in words (titles, not codes). */
  function translate(serverField, message) {
    const text = String(message || '');
    const field = fieldOf(serverField);
    const choice = { privacyPolicy: 'errPrivacy', country: 'errCountry', category: 'errCategory', language: 'errLanguage' };
    if (choice[field] && /required/i.test(text)) {
      return { key: choice[field] }; // "is required" of a choice or a consent reads better as what to do
    }
    let match = text.match(/sessions (\S+) and (\S+) take place at the same time/);
    if (serverField === 'sessions' && match) {
      return conflict(match[1], match[2], false);
    }
    match = serverField.match(/^sessions\[(\d+)\]$/);
    if (match) {
      const code = state.submitted[Number(match[1])] || '';
      const entry = option(code);
      const key = /chosen twice/.test(text) ? 'errSessionTwice' : 'errSessionUnknown';
      return { key: key, vars: { session: () => sessionTitle(code) }, targets: entry ? [entry.input] : [] };
    }
    return null;
  }

  // --- rendering ---------------------------------------------------------------------------------------------------

  function render() {
    byId('not-found').hidden = !state.notFound;
    const event = state.event;
    byId('page').hidden = !event;
    if (!event) {
      return;
    }
    const title = page.putLocalized(byId('event-title'), event.title, event.code);
    document.title = t('eyebrow') + ' — ' + title.textContent;
    const where = event.city ? [event.city, event.country ? page.countryName(event.country) : ''].filter(Boolean).join(', ')
      : t('online');
    byId('event-summary').textContent = page.dateRange(event.startsAt, event.endsAt, event.timezone) + ' · ' + where;
    byId('event-link').href = Forms.eventPath(event.code);
    byId('closed').hidden = Boolean(event.registrationOpen);
    byId('registration-form').hidden = !event.registrationOpen;
    const full = event.seatsLeft === 0;
    byId('event-full').hidden = !full || !event.registrationOpen;
    byId('event-full').textContent = full ? t('eventFull') : '';

    renderSessions();
    if (form) {
      form.render();
    }
  }

  // --- sending -----------------------------------------------------------------------------------------------------

  function body() {
    const optional = (id) => Forms.text(id) || null;
    return {
      firstName: Forms.text('firstName'),
      lastName: Forms.text('lastName'),
      email: Forms.text('email'),
      organisation: optional('organisation'),
      country: Forms.text('country'),
      category: Forms.text('category'),
      language: Forms.text('language'),
      sessions: checkedCodes(),
      dietaryRequirements: optional('dietaryRequirements'),
      accessibilityNeeds: optional('accessibilityNeeds'),
      consents: { privacyPolicy: byId('privacyPolicy').checked, photography: byId('photography').checked }
    };
  }

  function setBusy(busy) {
    state.busy = busy;
    byId('submit').disabled = busy;
    byId('submit').setAttribute('aria-disabled', String(busy));
    byId('sending').textContent = busy ? t('sending') : '';
  }

  /** The errors to show for a refused submission (nothing was recorded in any of these cases). */
  function refusal(result) {
    const problem = result.body || {};
    if (result.status === 400) {
      const errors = form.fromProblem(problem);
      return errors.length ? errors : [{ field: null, key: 'errRefused' }];
    }
    if (result.status === 404) {
      return [{ field: null, key: 'eventNotFound' }];
    }
    if (result.status === 409) {
      const detail = String(problem.detail || '');
      if (/already registered/i.test(detail)) {
        return [{ field: 'email', key: 'errDuplicate' }];
      }
      return /closed/i.test(detail) ? [{ field: null, key: 'errClosedNow' }]
        : [{ field: null, text: detail || 'Conflict' }];
    }
    if (result.status === 422) {
      return [{ field: null, key: 'errKeyReused' }];
    }
    return [{ field: null, key: Forms.failureKey(result, true) }];
  }

  async function submit(event) {
    event.preventDefault();
    if (state.busy || !form) {
      return;
    }
    const problems = form.validate();
    if (problems.length) {
      form.show(problems, true); // nothing is sent
      return;
    }
    const payload = body();
    state.submitted = payload.sessions;
    setBusy(true);
    const result = await Site.call('/api/events/' + encodeURIComponent(state.code) + '/registrations', 'POST', payload,
      { 'Idempotency-Key': state.key });
    if (result.ok && result.body) {
      Forms.handoff.save('registration.' + state.code, { registration: result.body, email: payload.email });
      state.key = Site.newKey(); // a later, different registration from this page (after Back) is a new submission
      setBusy(false);
      window.location.assign(Forms.eventPath(state.code, '/registered'));
      return;
    }
    setBusy(false);
    form.show(refusal(result), true);
  }

  async function load() {
    if (!state.code) {
      state.notFound = true;
      render();
      return;
    }
    page.showMessage('loading');
    const result = await Site.call('/api/events/' + encodeURIComponent(state.code));
    if (result.status === 404) {
      state.notFound = true;
      page.showMessage(null);
      render();
      return;
    }
    if (!result.ok || !result.body) {
      page.showMessage(Forms.failureKey(result), 'error');
      return;
    }
    state.event = result.body;
    buildSessions(state.event);
    createForm();
    page.showMessage(null);
    render();
  }

  document.addEventListener('DOMContentLoaded', () => {
    state.code = Forms.eventCode();
    state.key = Site.newKey();
    byId('registration-form').addEventListener('submit', submit);
    byId('language').addEventListener('change', () => { state.languageTouched = true; });
    page.start();
    load();
  });
}());
