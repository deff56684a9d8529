// The confirmation page, at /events/{code}/registered. It shows what the registration form handed over in
// sessionStorage (the service's answer and the address the email goes to); nothing personal is in the
// address, and opening this page in another tab shows a neutral "nothing to show" text instead.
//
// Test hooks: #confirmation with #confirmation-title; [data-test="registration-status"][data-status="CONFIRMED|WAITLISTED"];
// the event's waiting-list position #event-position [data-test="waitlist-position"][data-scope="event"] (when WAITLISTED);
// [data-test="confirmation-email"] (says where the email goes); one li[data-test="session-status"][data-session="<code>"]
// [data-status="CONFIRMED|WAITLISTED|PENDING|CANCELLED"] per session, a waitlisted one holding
// [data-test="waitlist-position"][data-session="<code>"] with its position; #nothing [data-test="no-registration"]
// when there is nothing to show.
'use strict';

(function () {

  const state = { code: '', handed: null, event: null };
  const page = Site.createPage(render);
  const t = page.t;
  const el = Forms.el;

  function byId(id) {
    return document.getElementById(id);
  }

  function table(name, value) {
    const entries = t(name);
    return entries && entries[value] ? entries[value] : (value || '');
  }

  function eventSession(code) {
    const sessions = state.event && state.event.sessions ? state.event.sessions : [];
    return sessions.find((session) => session.code === code) || null;
  }

  /** A sentence with the email address in bold, built as text nodes (the address is never parsed as HTML). */
  function withEmail(node, key, email) {
    const [before, after] = t(key).split('{email}');
    const strong = el('strong', '', email);
    strong.dataset.test = 'email-address';
    node.replaceChildren(document.createTextNode(before), strong, document.createTextNode(after || ''));
  }

  function sessionItem(choice) {
    const item = el('li', 'session');
    item.dataset.test = 'session-status';
    item.dataset.session = choice.code;
    item.dataset.status = choice.status || '';
    const session = eventSession(choice.code);
    const timeZone = state.event ? state.event.timezone : undefined;
    if (session) {
      item.appendChild(el('p', 'session-time', page.dayHeading(session.startsAt, timeZone) + ', '
        + page.timeRange(session.startsAt, session.endsAt, timeZone)));
    }
    item.appendChild(page.putLocalized(el('h3'), session ? session.title : null, choice.code));
    const line = el('p');
    const status = el('span', 'status ' + (choice.status || ''), table('sessionStatuses', choice.status));
    line.appendChild(status);
    if (choice.status === 'WAITLISTED' && choice.waitlistPosition) {
      line.appendChild(document.createTextNode(' '));
      const position = el('strong', '', String(choice.waitlistPosition));
      position.dataset.test = 'waitlist-position';
      position.dataset.session = choice.code;
      line.appendChild(position);
    }
    item.appendChild(line);
    return item;
  }

  function render() {
    const handed = state.handed;
    byId('nothing').hidden = Boolean(handed);
    byId('nothing-event-link').href = state.code ? Forms.eventPath(state.code) : '/';
    byId('confirmation').hidden = !handed;
    if (!handed) {
      return;
    }
    const registration = handed.registration || {};
    const waitlisted = registration.status === 'WAITLISTED';
    byId('event-title').hidden = !state.event;
    if (state.event) {
      page.putLocalized(byId('event-title'), state.event.title, state.code);
    }
    byId('confirmation-title').textContent = t(waitlisted ? 'titleWaitlisted' : 'titleConfirmed');
    document.title = byId('confirmation-title').textContent + ' — ' + t('siteName');
    const status = byId('registration-status');
    status.textContent = table('statuses', registration.status);
    status.className = 'status ' + (registration.status || '');
    status.dataset.status = registration.status || '';
    byId('event-waitlist').hidden = !(waitlisted && registration.waitlistPosition);
    byId('event-position').textContent = registration.waitlistPosition ? String(registration.waitlistPosition) : '';
    withEmail(byId('email-note'), waitlisted ? 'emailWaitlisted' : 'emailConfirmed', handed.email || '');

    const sessions = Array.isArray(registration.sessions) ? registration.sessions : [];
    byId('session-statuses').replaceChildren(...sessions.map(sessionItem));
    byId('session-statuses').hidden = sessions.length === 0;
    byId('no-sessions').hidden = sessions.length > 0;

    const steps = ['nextInbox', 'nextLink'];
    if (waitlisted) {
      steps.push('nextEventWaitlist');
    }
    if (sessions.some((choice) => choice.status === 'WAITLISTED')) {
      steps.push('nextSessionWaitlist');
    }
    steps.push('nextCancel');
    byId('next-steps').replaceChildren(...steps.map((key) => el('li', '', t(key))));
    byId('event-link').href = Forms.eventPath(state.code);
  }

  async function load() {
    state.handed = state.code ? Forms.handoff.load('registration.' + state.code) : null;
    render();
    if (!state.handed) {
      return;
    }
    // Titles and times of the sessions; the page already says everything that matters without them.
    const result = await Site.call('/api/events/' + encodeURIComponent(state.code));
    if (result.ok && result.body) {
      state.event = result.body;
      render();
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    state.code = Forms.eventCode();
    page.start();
    load();
  });
}());
