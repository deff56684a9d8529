// "Manage my registration": the emailed link is /manage#id=…&token=…
// Fragment reading, the FR/EN switch and the token-carrying calls are in private-link.js.
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
      statuses: { CONFIRMED: 'Confirmed', WAITLISTED: 'On the waiting list', CANCELLED: 'Cancelled' }
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
      statuses: { CONFIRMED: 'Confirmée', WAITLISTED: 'En liste d\u2019attente', CANCELLED: 'Annulée' }
    }
  };

  const state = { id: '', token: '', registration: null };
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
    el('event-code').textContent = registration.eventCode || '';
    el('status').textContent = statusLabel(registration.status);
    const participant = registration.participant || {};
    el('participant').textContent = [participant.firstName, participant.lastName].filter(Boolean).join(' ');

    const list = el('sessions');
    list.replaceChildren();
    const sessions = registration.sessions || [];
    sessions.forEach((session) => {
      const item = document.createElement('li');
      let text = session.code + ' — ' + statusLabel(session.status);
      if (session.status === 'WAITLISTED' && session.waitlistPosition) {
        text += ' (' + t('waitlistPosition', { n: session.waitlistPosition }) + ')';
      }
      item.textContent = text;
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
