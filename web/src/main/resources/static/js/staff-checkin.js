// The check-in desk (/staff/checkin, roles CHECK_IN and ORGANIZER): one field where a hardware scanner types the
// code of an email or badge and presses Enter, and a large answer (admitted, already here since, refused and why).
//
// Data: GET /api/events (the event chooser, public), GET /api/checkin/events/{code}/roster (what the desk needs to
//       decide on its own: each attendee's code key, status, seats and arrival, never an email or a private link),
//       POST /api/checkin {code, session, scannedAt}.
// Offline: the roster of the chosen event is kept in localStorage and refreshed every minute while online. When a
// check-in cannot reach the server (no network, or the gateway cannot reach the service), the desk decides from the
// roster with the server's rules (checkin-offline.js), records the admission in the roster and queues
// {code, session, scannedAt} in localStorage; the queue is sent in order, with the desk's times, as soon as the network
// is back (every few seconds, and on the browser's "online" event). The server keeps the earliest admission: an answer
// saying someone was already admitted earlier at another desk is listed under the queue.
//
// Test hooks:
//   #checkin-event (opens on ?event=, else on the event happening now or next), #checkin-session ('' = the entrance)
//   #code (the field; cleared and focused after each scan), [data-test="check-in"]
//   [data-test="answer"] data-outcome = admitted | already | refused | error, data-reason (refusals), data-offline
//   [data-test="verdict"], [data-test="answer-name"], [data-test="answer-details"], [data-test="answer-note"]
//   [data-test="connection"] data-state = online | offline; [data-test="queue"] data-count (check-ins waiting)
//   [data-test="count-desk"], [data-test="count-arrived"], [data-test="roster-status"] (data-event: whose roster it holds)
//   [data-test="sync-notes"] li[data-test="sync-note"] (data-kind = earlier | refused | clock)
'use strict';

(function () {
  const ROSTER_REFRESH_MS = 60000;
  const RETRY_MS = 4000;
  const CALL_TIMEOUT_MS = 5000;
  const STORE = 'conference.checkin.';
  const SERVER_UNREACHABLE = [0, 502, 503, 504];

  const LISTS = (function () {
    try {
      return JSON.parse(document.getElementById('reference-lists').textContent);
    } catch (e) {
      return { categories: [], sessionKinds: [] };
    }
  }());
  const CATEGORIES = new Map((LISTS.categories || []).map((pair) => [pair[0], pair[1]]));

  const h = Staff.h;
  const state = {
    events: [],
    eventCode: '',
    session: '',
    roster: null,         // the chosen event's roster (from the server, or as this desk last kept it)
    offline: !navigator.onLine,
    answer: null,         // what the answer area shows
    notes: [],            // what sending the queue learned
    rosterFailed: null
  };

  const eventSelect = document.getElementById('checkin-event');
  const sessionSelect = document.getElementById('checkin-session');
  const codeInput = document.getElementById('code');

  const page = Staff.createPage(render);

  // ---------------------------------------------------------------------------------------------- storage

  /** localStorage may be full, or refused (private windows): the desk then works from memory only. */
  function stored(name, fallback) {
    try {
      const raw = window.localStorage.getItem(STORE + name);
      return raw === null ? fallback : JSON.parse(raw);
    } catch (e) {
      return fallback;
    }
  }

  function store(name, value) {
    try {
      window.localStorage.setItem(STORE + name, JSON.stringify(value));
    } catch (e) {
      page.showMessage('storageFailed', 'error');
    }
  }

  function queue() {
    const items = stored('queue', []);
    return Array.isArray(items) ? items : [];
  }

  function saveRoster() {
    if (state.roster) {
      store('roster.' + state.roster.eventCode, state.roster);
    }
  }

  function deskCountKey() {
    return 'admitted.' + state.eventCode + '.' + (state.session || '-');
  }

  function countAdmission() {
    store(deskCountKey(), Number(stored(deskCountKey(), 0)) + 1);
  }

  // ---------------------------------------------------------------------------------------------- texts and times

  function chosenEvent() {
    return state.events.find((e) => e.code === state.eventCode) || null;
  }

  function zone() {
    const event = chosenEvent();
    return event && event.timezone ? event.timezone : undefined;
  }

  /** "09:42" in the event's time zone. */
  function time(iso) {
    const date = iso ? new Date(iso) : null;
    if (!date || isNaN(date.getTime())) {
      return '';
    }
    const options = { hour: '2-digit', minute: '2-digit' };
    if (zone()) {
      options.timeZone = zone();
    }
    try {
      return new Intl.DateTimeFormat(page.locale(), options).format(date);
    } catch (e) {
      return new Intl.DateTimeFormat(page.locale(), { hour: '2-digit', minute: '2-digit' }).format(date);
    }
  }

  function fullName(person) {
    return person ? [person.firstName, person.lastName].filter(Boolean).join(' ') : '';
  }

  function sessionOf(code) {
    return ((state.roster && state.roster.sessions) || []).find((s) => s.code === code) || null;
  }

  function sessionName(code) {
    const session = sessionOf(code);
    return session ? (Staff.localized(session.title, page.lang) || code) : code;
  }

  function categoryName(category) {
    return CATEGORIES.get(category) || category || '';
  }

  // ---------------------------------------------------------------------------------------------- rendering

  function render() {
    renderEventOptions();
    renderSessionOptions();
    renderConnection();
    renderAnswer();
    renderCounts();
    renderNotes();
  }

  /**
   * Gives a select its options ([value, text] pairs) and value. The options are replaced only when they differ: the
   * roster is read again every minute, and a list rebuilt under the hand of someone choosing would close on them.
   */
  function fillSelect(select, options, value) {
    const current = Array.from(select.options).map((o) => [o.value, o.textContent]);
    if (JSON.stringify(current) !== JSON.stringify(options)) {
      Staff.clear(select);
      options.forEach(([optionValue, text]) => select.appendChild(h('option', { text: text, attrs: { value: optionValue } })));
    }
    if (select.value !== value) {
      select.value = value;
    }
  }

  function renderEventOptions() {
    const options = state.events.map((event) =>
      [event.code, (Staff.localized(event.title, page.lang) || event.code) + ' (' + event.code + ')']);
    fillSelect(eventSelect, options.length ? options : [['', page.t('noEvents')]], state.eventCode);
  }

  function renderSessionOptions() {
    const options = [['', page.t('entrance')]];
    ((state.roster && state.roster.sessions) || []).slice()
      .sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)))
      .forEach((session) => {
        const starts = session.startsAt ? Staff.formatDateTime(session.startsAt, page.lang, zone(), 'short') : '';
        options.push([session.code, page.t('sessionOption', { title: Staff.localized(session.title, page.lang) || session.code,
          code: session.code, starts: starts })]);
      });
    if (state.session && !sessionOf(state.session)) {
      // The roster is not there yet (or no longer lists it): keep the choice visible rather than drop it.
      options.push([state.session, state.session]);
    }
    fillSelect(sessionSelect, options, state.session);
  }

  function renderConnection() {
    const box = document.getElementById('connection');
    box.dataset.state = state.offline ? 'offline' : 'online';
    document.getElementById('connection-label').textContent = page.t(state.offline ? 'offline' : 'online');
    const roster = state.roster;
    document.getElementById('connection-detail').textContent = state.offline
      ? (roster ? page.t('offlineDetail', { time: time(roster.generatedAt) }) : page.t('offlineNoRoster'))
      : '';

    const waiting = queue().length;
    const status = document.getElementById('queue-status');
    status.dataset.count = String(waiting);
    status.hidden = waiting === 0;
    status.textContent = waiting === 1 ? page.t('queueOne') : page.t('queueMany', { count: waiting });
  }

  function renderAnswer() {
    const a = state.answer;
    const box = document.getElementById('answer');
    box.dataset.outcome = a ? a.outcome : '';
    box.dataset.reason = a && a.reason ? a.reason : '';
    box.dataset.offline = a && a.offline ? 'true' : 'false';
    document.getElementById('answer-verdict').textContent = a ? page.t(a.key, a.vars) : page.t('waiting');
    const person = a && a.person;
    document.getElementById('answer-name').textContent = person ? fullName(person) : '';
    document.getElementById('answer-details').textContent = person
      ? [person.organisation, person.country ? page.countryName(person.country) : '', categoryName(person.category)]
        .filter(Boolean).join(' · ')
      : '';
    const notes = [];
    if (a && a.otherEvent) {
      notes.push(page.t('otherEvent', { event: a.otherEvent }));
    }
    if (a && a.detail) {
      notes.push(a.detail);
    }
    if (a && a.offline) {
      notes.push(page.t(a.outcome !== 'admitted' ? 'decidedOffline' : (a.sent ? 'decidedOfflineSent' : 'decidedOfflineQueued')));
    }
    document.getElementById('answer-note').textContent = notes.join(' ');
  }

  function renderCounts() {
    document.getElementById('count-desk').textContent = String(Number(stored(deskCountKey(), 0)) || 0);
    const roster = state.roster;
    let arrived = 0;
    let expected = 0;
    ((roster && roster.attendees) || []).forEach((attendee) => {
      if (attendee.status !== 'CONFIRMED') {
        return;
      }
      if (!state.session) {
        expected += 1;
        arrived += attendee.checkedInAt ? 1 : 0;
        return;
      }
      const seat = (attendee.sessions || []).find((s) => s.code === state.session);
      if (seat && seat.status === 'CONFIRMED') {
        expected += 1;
        arrived += seat.checkedInAt ? 1 : 0;
      }
    });
    document.getElementById('count-arrived').textContent = String(arrived);
    document.getElementById('count-expected').textContent = roster ? page.t('expectedOf', { count: expected }) : '';
    const status = document.getElementById('roster-status');
    status.dataset.event = roster ? roster.eventCode : '';
    status.textContent = roster
      ? page.t('rosterAt', { time: Staff.formatDateTime(roster.generatedAt, page.lang, zone(), 'short'),
        count: (roster.attendees || []).length })
      : page.t(state.eventCode ? 'rosterMissing' : 'chooseEvent');
  }

  function renderNotes() {
    const list = document.getElementById('sync-notes');
    Staff.clear(list);
    state.notes.forEach((note) => list.appendChild(h('li', {
      text: page.t(note.key, note.vars),
      attrs: { 'data-test': 'sync-note', 'data-kind': note.kind }
    })));
    document.getElementById('sync-section').hidden = state.notes.length === 0;
  }

  /** Shows an answer; `answer`: {outcome, key, vars, reason, person, offline, otherEvent, detail}. */
  function show(answer) {
    state.answer = answer;
    renderAnswer();
    renderCounts();
    renderConnection();
  }

  // ---------------------------------------------------------------------------------------------- connection

  function markOffline() {
    if (!state.offline) {
      state.offline = true;
      renderConnection();
    }
  }

  function markOnline() {
    if (state.offline) {
      state.offline = false;
      renderConnection();
    }
  }

  function unreachable(result) {
    return SERVER_UNREACHABLE.indexOf(result.status) >= 0;
  }

  // ---------------------------------------------------------------------------------------------- events and roster

  /** The event happening now, else the next one to start. */
  function nowOrNext(events) {
    const now = Date.now();
    const running = events.filter((e) => !e.endsAt || new Date(e.endsAt).getTime() > now)
      .sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)));
    return running.length ? running[0].code : (events.length ? events[0].code : '');
  }

  /** The events to choose from: the open ones (public list), else the ones this desk kept a roster of. */
  async function loadEvents() {
    const result = await Staff.api('/api/events', { timeout: CALL_TIMEOUT_MS });
    if (result.ok && Array.isArray(result.body)) {
      state.events = result.body;
      markOnline();
      return;
    }
    if (unreachable(result)) {
      markOffline();
    }
    state.events = keptRosters().map((roster) => ({ code: roster.eventCode, title: roster.title || null }));
  }

  function keptRosters() {
    const rosters = [];
    try {
      for (let i = 0; i < window.localStorage.length; i++) {
        const name = window.localStorage.key(i);
        if (name && name.indexOf(STORE + 'roster.') === 0) {
          const roster = stored(name.substring(STORE.length), null);
          if (roster && roster.eventCode) {
            rosters.push(roster);
          }
        }
      }
    } catch (e) {
      return rosters;
    }
    return rosters;
  }

  /** Admissions still waiting in the queue are put back into a roster fresh from the server (which lacks them). */
  async function applyQueued(roster) {
    for (const item of queue()) {
      if (item.eventCode !== roster.eventCode) {
        continue;
      }
      const attendee = (roster.attendees || []).find((a) => a.registrationId === item.registrationId);
      if (attendee) {
        CheckInOffline.admit(attendee, item.session, item.scannedAt);
      }
    }
  }

  // Each load takes a number: a roster that arrives after another event was chosen is dropped.
  let latestRosterLoad = 0;

  async function loadRoster(announce) {
    const eventCode = state.eventCode;
    if (!eventCode) {
      state.roster = null;
      render();
      return;
    }
    const ticket = ++latestRosterLoad;
    if (!state.roster || state.roster.eventCode !== eventCode) {
      state.roster = stored('roster.' + eventCode, null);
      render();
    }
    if (announce) {
      page.showMessage('loadingRoster');
    }
    const result = await Staff.api('/api/checkin/events/' + encodeURIComponent(eventCode) + '/roster',
      { timeout: CALL_TIMEOUT_MS });
    if (ticket !== latestRosterLoad) {
      return;
    }
    if (result.ok && result.body && Array.isArray(result.body.attendees)) {
      const roster = result.body;
      const event = chosenEvent();
      roster.title = event ? event.title : null;
      await applyQueued(roster);
      state.roster = roster;
      saveRoster();
      markOnline();
      if (announce) {
        page.showMessage(null);
      }
    } else if (unreachable(result)) {
      markOffline();
      page.showMessage(state.roster ? null : 'rosterUnavailable', state.roster ? '' : 'error');
    } else {
      page.failure(result);
    }
    render();
  }

  /** Event and place of the desk in the address (no personal data), so a reload opens the same desk. */
  function keepChoiceInAddress() {
    const url = new URL(window.location.href);
    url.searchParams.set('event', state.eventCode);
    if (state.session) {
      url.searchParams.set('session', state.session);
    } else {
      url.searchParams.delete('session');
    }
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }

  // ---------------------------------------------------------------------------------------------- checking in

  function personOf(attendee) {
    return attendee ? { firstName: attendee.firstName, lastName: attendee.lastName, organisation: attendee.organisation,
      country: attendee.country, category: attendee.category } : null;
  }

  async function attendeeByCode(typed) {
    const normalised = CheckInOffline.normalise(typed);
    if (!normalised || !state.roster) {
      return { normalised: normalised, attendee: undefined };
    }
    const key = await CheckInOffline.key(normalised);
    return { normalised: normalised, attendee: (state.roster.attendees || []).find((a) => a.codeKey === key) };
  }

  /** The answer for a decision (the server's or the desk's own). */
  function answerFor(decision, person, session, offline) {
    const where = session ? { session: sessionName(session) } : {};
    if (decision.outcome === 'admitted') {
      return { outcome: 'admitted', key: session ? 'admittedSession' : 'admitted', vars: where, person: person, offline: offline };
    }
    if (decision.outcome === 'already') {
      return { outcome: 'already', key: session ? 'alreadySession' : 'already',
        vars: Object.assign({ time: time(decision.since) }, where), person: person, offline: offline };
    }
    return { outcome: 'refused', key: 'refused.' + decision.reason, reason: decision.reason, vars: where,
      person: decision.reason === 'unknown' ? null : person, offline: offline };
  }

  /** Updates the roster entry from the server's answer (the arrival it recorded, the earliest one). */
  function recordAnswer(body, session) {
    const attendee = state.roster && (state.roster.attendees || []).find((a) => a.registrationId === body.registrationId);
    if (!attendee || !body.checkedInAt) {
      return;
    }
    CheckInOffline.admit(attendee, session, body.checkedInAt);
    saveRoster();
  }

  /** A refusal from the server (404, 409, 400), explained from the roster when it knows the person. */
  async function refusalFor(result, typed, session) {
    const detail = result.body && typeof result.body.detail === 'string' ? result.body.detail : '';
    if (result.status === 404) {
      return answerFor({ outcome: 'refused', reason: 'unknown' }, null, session, false);
    }
    const found = await attendeeByCode(typed);
    if (result.status === 409 && found.attendee) {
      const decision = CheckInOffline.decide(found.attendee, session);
      if (decision.outcome === 'refused') {
        return answerFor(decision, personOf(found.attendee), session, false);
      }
    }
    const answer = answerFor({ outcome: 'refused', reason: 'other' }, personOf(found.attendee), session, false);
    answer.detail = detail;
    return answer;
  }

  async function decideOffline(typed, session, scannedAt) {
    markOffline();
    if (!state.roster) {
      show({ outcome: 'error', key: 'cannotDecide', offline: true });
      return;
    }
    const found = await attendeeByCode(typed);
    const decision = CheckInOffline.decide(found.attendee, session);
    if (decision.outcome === 'admitted') {
      CheckInOffline.admit(found.attendee, session, scannedAt);
      saveRoster();
      const waiting = queue();
      waiting.push({ id: Site.newKey(), code: found.normalised, session: session || null, scannedAt: scannedAt,
        eventCode: state.roster.eventCode, registrationId: found.attendee.registrationId });
      store('queue', waiting);
      countAdmission();
    }
    show(answerFor(decision, personOf(found.attendee), session, true));
  }

  async function checkIn(typed, scannedAt) {
    const session = state.session;
    if (!state.eventCode) {
      show({ outcome: 'error', key: 'chooseEvent' });
      return;
    }
    if (!navigator.onLine || state.offline) {
      // Known to be cut off: the desk decides at once; the retry loop notices when the network is back.
      await decideOffline(typed, session, scannedAt);
      return;
    }
    if (queue().length) {
      await sendQueue(); // what was admitted offline goes first: the server then knows who is already here
      if (state.offline) {
        await decideOffline(typed, session, scannedAt);
        return;
      }
    }
    show({ outcome: 'pending', key: 'checking' });
    const body = { code: typed.trim() };
    if (session) {
      body.session = session;
    }
    const result = await Staff.api('/api/checkin', { method: 'POST', json: body, timeout: CALL_TIMEOUT_MS });
    if (unreachable(result)) {
      await decideOffline(typed, session, scannedAt);
      return;
    }
    markOnline();
    if (result.ok && result.body) {
      const answer = result.body;
      recordAnswer(answer, session);
      if (!answer.alreadyCheckedIn) {
        countAdmission();
      }
      const shown = answerFor(answer.alreadyCheckedIn ? { outcome: 'already', since: answer.checkedInAt } : { outcome: 'admitted' },
        answer, session, false);
      if (answer.eventCode && answer.eventCode !== state.eventCode) {
        shown.otherEvent = answer.eventCode;
      }
      show(shown);
      return;
    }
    if ([400, 404, 409].indexOf(result.status) >= 0) {
      show(await refusalFor(result, typed, session));
      return;
    }
    show({ outcome: 'error', key: 'failed' });
    page.failure(result);
  }

  // Scans are handled one after the other, in the order they were made: a scanner may send the next code while the
  // previous one is still on its way.
  let scans = Promise.resolve();

  function onScan(event) {
    event.preventDefault();
    const typed = codeInput.value;
    codeInput.value = '';
    codeInput.focus();
    if (!typed.trim()) {
      return;
    }
    const scannedAt = new Date().toISOString();
    scans = scans.then(() => checkIn(typed, scannedAt)).catch(() => show({ outcome: 'error', key: 'failed' }));
  }

  // ---------------------------------------------------------------------------------------------- sending the queue

  let sending = null;

  /** Sends the queued check-ins in order; stops at the first that cannot reach the server (kept for the next try). */
  function sendQueue() {
    if (!sending) {
      sending = sendAll().finally(() => {
        sending = null;
        if (state.answer && state.answer.offline && !queue().length) {
          state.answer.sent = true; // what the answer said would be sent, now is
          renderAnswer();
        }
        renderConnection();
        renderCounts();
        renderNotes();
      });
    }
    return sending;
  }

  async function sendAll() {
    let waiting = queue();
    while (waiting.length) {
      const item = waiting[0];
      const outcome = await send(item);
      if (outcome === 'stop') {
        return;
      }
      waiting = queue().filter((other) => other.id !== item.id);
      store('queue', waiting);
      renderConnection();
    }
  }

  function noteName(item, body) {
    if (body && (body.firstName || body.lastName)) {
      return fullName(body);
    }
    const roster = stored('roster.' + item.eventCode, null);
    const attendee = roster && (roster.attendees || []).find((a) => a.registrationId === item.registrationId);
    return attendee ? fullName(attendee) : page.t('someone');
  }

  function note(kind, key, vars) {
    state.notes.unshift({ kind: kind, key: key, vars: vars });
    renderNotes();
  }

  /** One queued check-in: 'done' (answered, whatever the answer) or 'stop' (not answered: try again later). */
  async function send(item) {
    const body = { code: item.code };
    if (item.session) {
      body.session = item.session;
    }
    if (item.scannedAt) {
      body.scannedAt = item.scannedAt;
    }
    const result = await Staff.api('/api/checkin', { method: 'POST', json: body, timeout: CALL_TIMEOUT_MS });
    if (unreachable(result)) {
      markOffline();
      return 'stop';
    }
    if (result.status === 401 || result.status === 403) {
      page.failure(result); // the queue stays: it is sent once signed in again
      return 'stop';
    }
    markOnline();
    const name = noteName(item, result.body);
    if (result.ok && result.body) {
      const answer = result.body;
      const roster = state.roster && state.roster.eventCode === item.eventCode ? state.roster : null;
      const attendee = roster && (roster.attendees || []).find((a) => a.registrationId === answer.registrationId);
      if (attendee && answer.checkedInAt) {
        CheckInOffline.admit(attendee, item.session, answer.checkedInAt);
        saveRoster();
      }
      if (answer.alreadyCheckedIn && answer.checkedInAt && item.scannedAt
          && new Date(answer.checkedInAt).getTime() < new Date(item.scannedAt).getTime()) {
        note('earlier', 'syncEarlier', { name: name, time: time(answer.checkedInAt), ours: time(item.scannedAt) });
      }
      return 'done';
    }
    if (result.status === 400 && item.scannedAt && Staff.fieldErrors(result.body).some((e) => e.field === 'scannedAt')) {
      // This desk's clock is too far off for the server: sent again, at the server's time.
      note('clock', 'syncClock', { name: name });
      return send(Object.assign({}, item, { scannedAt: null }));
    }
    const detail = result.body && result.body.detail ? String(result.body.detail) : String(result.status);
    note('refused', 'syncRefused', { name: name, detail: detail });
    return 'done';
  }

  // ---------------------------------------------------------------------------------------------- wiring

  document.getElementById('scan-form').addEventListener('submit', onScan);
  document.getElementById('desk-setup').addEventListener('submit', (event) => event.preventDefault());
  eventSelect.addEventListener('change', () => {
    state.eventCode = eventSelect.value;
    state.session = '';
    state.roster = null;
    state.answer = null;
    keepChoiceInAddress();
    loadRoster(true);
  });
  sessionSelect.addEventListener('change', () => {
    state.session = sessionSelect.value;
    state.answer = null;
    keepChoiceInAddress();
    render();
  });
  window.addEventListener('online', () => {
    sendQueue().then(() => loadRoster(false));
  });
  window.addEventListener('offline', markOffline);

  // Every few seconds while cut off or with check-ins waiting: send them, or ask whether the server answers again.
  setInterval(async () => {
    if (queue().length) {
      await sendQueue();
    } else if (state.offline) {
      const probe = await Staff.api('/staff/me', { timeout: CALL_TIMEOUT_MS, noRedirect: true });
      if (!unreachable(probe)) {
        markOnline();
        loadRoster(false);
      }
    }
  }, RETRY_MS);
  // Other desks admit people too: the roster is fetched again every minute while the server answers.
  setInterval(() => {
    if (!state.offline && !queue().length) {
      loadRoster(false);
    }
  }, ROSTER_REFRESH_MS);

  /**
   * Desks are shared machines: signing out with nothing left to send forgets what this page kept in the browser (the
   * attendee lists). With check-ins still waiting, everything stays, so that they go out once someone signs in here.
   */
  function forgetOnSignOut() {
    document.querySelectorAll('form.sign-out').forEach((form) => {
      form.addEventListener('submit', () => {
        if (queue().length) {
          return;
        }
        try {
          const names = [];
          for (let i = 0; i < window.localStorage.length; i++) {
            const name = window.localStorage.key(i);
            if (name && name.indexOf(STORE) === 0) {
              names.push(name);
            }
          }
          names.forEach((name) => window.localStorage.removeItem(name));
        } catch (e) {
          // storage refused: nothing was kept
        }
      });
    });
  }

  async function start() {
    const params = new URLSearchParams(window.location.search);
    page.start();
    forgetOnSignOut();
    page.showMessage('loading');
    await loadEvents();
    const wanted = params.get('event');
    state.eventCode = wanted && state.events.some((e) => e.code === wanted) ? wanted : nowOrNext(state.events);
    state.session = params.get('session') || '';
    page.showMessage(state.events.length ? null : 'noEvents', state.events.length ? '' : 'error');
    render();
    if (state.eventCode) {
      keepChoiceInAddress();
      await loadRoster(false);
    }
    if (queue().length && !state.offline) {
      sendQueue();
    }
    codeInput.focus();
  }

  start();
}());
