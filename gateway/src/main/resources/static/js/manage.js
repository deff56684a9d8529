// "Manage my registration": the emailed link is /manage#id=…&token=…
// The id and private token live only in the URL fragment, which browsers never send to a server;
// the token travels only in the X-Manage-Token header, and is never logged or put in a URL.
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

  const state = { lang: 'en', id: '', token: '', registration: null, message: null };

  function readFragment() {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    return { id: params.get('id') || '', token: params.get('token') || '' };
  }

  function initialLanguage() {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (asked === 'fr' || asked === 'en') {
      return asked;
    }
    return (navigator.language || '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }

  function t(key, vars) {
    let text = TEXTS[state.lang][key];
    Object.entries(vars || {}).forEach(([name, value]) => { text = text.replace('{' + name + '}', value); });
    return text;
  }

  function statusLabel(status) {
    return TEXTS[state.lang].statuses[status] || status || '';
  }

  function el(id) {
    return document.getElementById(id);
  }

  function showMessage(key, kind) {
    state.message = key ? { key: key, kind: kind || '' } : null;
    const box = el('message');
    box.className = 'message' + (kind ? ' ' + kind : '');
    box.textContent = key ? t(key) : '';
  }

  function setLanguage(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-lang]').forEach((button) => {
      button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    });
    if (state.message) {
      showMessage(state.message.key, state.message.kind);
    }
    render();
    // Remember the choice in the address (the fragment stays where it is, client-side only).
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
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
    return fetch('/api/registrations/' + encodeURIComponent(state.id), {
      method: method,
      headers: { 'X-Manage-Token': state.token, 'Accept': 'application/json' },
      cache: 'no-store',
      credentials: 'omit'
    });
  }

  // Maps a failed answer to the message the person should see; 404 means wrong id or token (never said which).
  function failure(response) {
    if (!response) {
      return 'unavailable';
    }
    if (response.status === 404) {
      return 'invalidLink';
    }
    return response.status === 429 ? 'tooMany' : 'unavailable';
  }

  async function load() {
    if (!state.id || !state.token) {
      showMessage('invalidLink', 'error');
      return;
    }
    showMessage('loading');
    let response = null;
    try {
      response = await call('GET');
    } catch (e) {
      response = null;
    }
    if (!response || !response.ok) {
      showMessage(failure(response), 'error');
      return;
    }
    state.registration = await response.json();
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
    let response = null;
    try {
      response = await call('DELETE');
    } catch (e) {
      response = null;
    }
    if (!response || !response.ok) {
      button.disabled = false;
      showMessage(failure(response), 'error');
      return;
    }
    const body = await response.json().catch(() => ({}));
    state.registration.status = body.status || 'CANCELLED';
    try {
      // Refresh the sessions' statuses; the cancellation itself already succeeded if this fails.
      const refreshed = await call('GET');
      if (refreshed.ok) {
        state.registration = await refreshed.json();
      }
    } catch (e) {
      // keep what we have
    }
    button.disabled = false;
    render();
    showMessage('cancelled', 'success');
  }

  document.addEventListener('DOMContentLoaded', () => {
    const fragment = readFragment();
    state.id = fragment.id;
    state.token = fragment.token;
    document.querySelectorAll('[data-lang]').forEach((button) => {
      button.addEventListener('click', () => setLanguage(button.dataset.lang));
    });
    el('cancel').addEventListener('click', cancel);
    setLanguage(initialLanguage());
    load();
  });
}());
