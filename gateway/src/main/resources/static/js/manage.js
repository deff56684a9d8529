// "Manage my registration": the emailed link is /manage#id=…&token=…
// Fragment reading and the token-carrying calls are in private-link.js, the FR/EN switch in i18n.js; the
// event's public programme (titles and times of the sessions) comes through site.js, without the token.
//
// Test hooks: #registration; #event-code (the event's title once known, data-code="<code>");
// #status [data-test="registration-status"][data-status="CONFIRMED|WAITLISTED|CANCELLED"]; one
// li[data-test="session-status"][data-session="<code>"][data-status="…"] per session (a waitlisted one holding
// [data-test="waitlist-position"]); #cancel (asks with window.confirm, in the page's language); #message (role=status).
'use strict';

(function () {
  const TEXTS = {
    en: {
      title: 'My registration',
      event: 'Event',
      status: 'Status',
      participant: 'Participant',
      sessions: 'Sessions',
      noSessions: 'No session chosen.',
      cancel: 'Cancel my registration',
      confirmCancel: 'Cancel your registration? Your seats will be given to people on the waiting list.',
      loading: 'Loading your registration…',
      cancelling: 'Cancelling…',
      cancelled: 'Your registration is cancelled. A confirmation email is on its way.',
      invalidLink: 'This link is not valid. Please use the most recent link from your confirmation email.',
      unavailable: 'The service is not available right now. Please try again in a few minutes.',
      tooMany: 'Too many attempts. Please wait a moment and try again.',
      waitlistPosition: 'position {n}',
      statuses: { CONFIRMED: 'Confirmed', WAITLISTED: 'On the waiting list', CANCELLED: 'Cancelled' },
      sessionStatuses: { CONFIRMED: 'Confirmed', WAITLISTED: 'On the waiting list', PENDING: 'Waiting for a seat at the event',
        CANCELLED: 'Cancelled' }
    },
    fr: {
      title: 'Mon inscription',
      event: 'Événement',
      status: 'Statut',
      participant: 'Participant·e',
      sessions: 'Sessions',
      noSessions: 'Aucune session choisie.',
      cancel: 'Annuler mon inscription',
      confirmCancel: 'Annuler votre inscription ? Vos places seront attribuées aux personnes en liste d\u2019attente.',
      loading: 'Chargement de votre inscription…',
      cancelling: 'Annulation en cours…',
      cancelled: 'Votre inscription est annulée. Un e-mail de confirmation vous a été envoyé.',
      invalidLink: 'Ce lien n\u2019est pas valide. Utilisez le lien le plus récent de votre e-mail de confirmation.',
      unavailable: 'Le service n\u2019est pas disponible pour le moment. Réessayez dans quelques minutes.',
      tooMany: 'Trop de tentatives. Patientez un instant puis réessayez.',
      waitlistPosition: 'position {n}',
      statuses: { CONFIRMED: 'Confirmée', WAITLISTED: 'En liste d\u2019attente', CANCELLED: 'Annulée' },
      sessionStatuses: { CONFIRMED: 'Confirmée', WAITLISTED: 'En liste d\u2019attente',
        PENDING: 'En attente d\u2019une place à l\u2019événement', CANCELLED: 'Annulée' }
    }
  };

  const state = { id: '', token: '', registration: null, event: null };
  const page = PrivateLink.createPage(TEXTS, render);
  const t = page.t;
  const showMessage = page.showMessage;

  function statusLabel(status) {
    return TEXTS[page.lang].statuses[status] || status || '';
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
      text += ' — ' + (TEXTS[page.lang].sessionStatuses[session.status] || statusLabel(session.status));
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

  async function cancel() {
    if (!window.confirm(t('confirmCancel'))) {
      return;
    }
    const button = el('cancel');
    button.disabled = true;
    showMessage('cancelling');
    const result = await call('DELETE');
    if (!result.ok) {
      button.disabled = false;
      showMessage(PrivateLink.failureKey(result), 'error');
      return;
    }
    state.registration.status = (result.body && result.body.status) || 'CANCELLED';
    // Refresh the sessions' statuses; the cancellation itself already succeeded if this fails.
    const refreshed = await call('GET');
    if (refreshed.ok && refreshed.body) {
      state.registration = refreshed.body;
    }
    button.disabled = false;
    render();
    showMessage('cancelled', 'success');
  }

  document.addEventListener('DOMContentLoaded', () => {
    const fragment = PrivateLink.readFragment();
    state.id = fragment.id;
    state.token = fragment.token;
    el('cancel').addEventListener('click', cancel);
    page.start();
    load();
  });
}());
