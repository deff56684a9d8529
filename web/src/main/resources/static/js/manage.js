// "Manage my registration": the emailed link is /manage#id=…&token=…
// Fragment reading and the token-carrying calls are in private-link.js, texts and language in site.js; the
// event's public programme (titles and times of the sessions) comes through site.js, without the token.
//
// Test hooks: #registration; #event-code (the event's title once known, data-code="<code>");
// #status [data-test="registration-status"][data-status="CONFIRMED|WAITLISTED|CANCELLED"]; one
// li[data-test="session-status"][data-session="<code>"][data-status="…"] per session (a waitlisted one holding
// [data-test="waitlist-position"]); #cancel opens the in-page confirmation #cancel-confirm
// (#cancel-yes / #cancel-no, Escape closes it and gives the focus back to #cancel); #message (role=status).
'use strict';

(function () {

  const state = { id: '', token: '', registration: null, event: null };
  const page = Site.createPage(render);
  const t = page.t;
  const showMessage = page.showMessage;

  function statusLabel(status) {
    return page.label('statuses', status);
  }

  function el(id) {
    return document.getElementById(id);
  }

  function render() {
    const registration = state.registration;
    el('registration').hidden = !registration;
    if (!registration) {
      return;
    }
    const eventName = el('event-code');
    eventName.dataset.code = registration.eventCode || '';
    page.putLocalized(eventName, state.event ? state.event.title : null, registration.eventCode || '');
    const status = el('status');
    status.textContent = statusLabel(registration.status);
    status.dataset.test = 'registration-status';
    status.dataset.status = registration.status || '';
    if (registration.status === 'WAITLISTED' && registration.waitlistPosition) {
      status.textContent += ' (' + t('waitlistPosition', { n: registration.waitlistPosition }) + ')';
    }
    const participant = registration.participant || {};
    el('participant').textContent = [participant.firstName, participant.lastName].filter(Boolean).join(' ');

    const list = el('sessions');
    list.replaceChildren();
    const sessions = registration.sessions || [];
    const programme = state.event && Array.isArray(state.event.sessions) ? state.event.sessions : [];
    sessions.forEach((session) => {
      const item = document.createElement('li');
      item.dataset.test = 'session-status';
      item.dataset.session = session.code;
      item.dataset.status = session.status || '';
      const known = programme.find((entry) => entry.code === session.code);
      const name = document.createElement('span');
      page.putLocalized(name, known ? known.title : null, session.code);
      item.appendChild(name);
      let text = '';
      if (known) {
        text += ', ' + page.dayHeading(known.startsAt, state.event.timezone) + ', '
          + page.timeRange(known.startsAt, known.endsAt, state.event.timezone);
      }
      text += ' — ' + (page.has('sessionStatuses.' + session.status) ? page.label('sessionStatuses', session.status) : statusLabel(session.status));
      item.appendChild(document.createTextNode(text));
      if (session.status === 'WAITLISTED' && session.waitlistPosition) {
        const position = document.createElement('span');
        position.dataset.test = 'waitlist-position';
        position.textContent = t('waitlistPosition', { n: session.waitlistPosition });
        item.append(document.createTextNode(' ('), position, document.createTextNode(')'));
      }
      list.appendChild(item);
    });
    el('no-sessions').hidden = sessions.length > 0;
    el('cancel').hidden = registration.status === 'CANCELLED';
  }

  function call(method) {
    return PrivateLink.call('/api/registrations/' + encodeURIComponent(state.id), method, state.token);
  }

  async function load() {
    if (!state.id || !state.token) {
      showMessage('invalidLink', 'error');
      return;
    }
    showMessage('loading');
    const result = await call('GET');
    if (!result.ok || !result.body) {
      showMessage(PrivateLink.failureKey(result), 'error');
      return;
    }
    state.registration = result.body;
    showMessage(null);
    render();
    // The titles and times of the sessions: a public call, without the token.
    const event = await Site.call('/api/events/' + encodeURIComponent(state.registration.eventCode || ''));
    if (event.ok && event.body) {
      state.event = event.body;
      render();
    }
  }

  function openConfirm() {
    el('cancel-confirm').hidden = false;
    el('cancel').setAttribute('aria-expanded', 'true');
    el('cancel-no').focus(); // the safe choice has focus; the group's label (the question) is read with it
  }

  function closeConfirm(restoreFocus) {
    el('cancel-confirm').hidden = true;
    el('cancel').setAttribute('aria-expanded', 'false');
    if (restoreFocus) {
      el('cancel').focus();
    }
  }

  async function cancel() {
    const button = el('cancel');
    const buttons = [button, el('cancel-yes'), el('cancel-no')];
    buttons.forEach((b) => { b.disabled = true; });
    showMessage('cancelling');
    const result = await call('DELETE');
    buttons.forEach((b) => { b.disabled = false; });
    if (!result.ok) {
      showMessage(PrivateLink.failureKey(result), 'error');
      return;
    }
    state.registration.status = (result.body && result.body.status) || 'CANCELLED';
    // Refresh the sessions' statuses; the cancellation itself already succeeded if this fails.
    const refreshed = await call('GET');
    if (refreshed.ok && refreshed.body) {
      state.registration = refreshed.body;
    }
    closeConfirm(false);
    render();
    showMessage('cancelled', 'success');
    el('status').setAttribute('tabindex', '-1');
    el('status').focus(); // the cancel button is gone: the focus goes to the new status
  }

  document.addEventListener('DOMContentLoaded', () => {
    const fragment = PrivateLink.readFragment();
    state.id = fragment.id;
    state.token = fragment.token;
    el('cancel').addEventListener('click', () => {
      if (el('cancel-confirm').hidden) {
        openConfirm();
      } else {
        closeConfirm(true);
      }
    });
    el('cancel-yes').addEventListener('click', cancel);
    el('cancel-no').addEventListener('click', () => closeConfirm(true));
    el('cancel-confirm').addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !el('cancel-yes').disabled) {
        closeConfirm(true);
      }
    });
    page.start();
    load();
  });
}());
