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
  const TEXTS = {
    en: {
      title: 'Registration received — Security, Democracy & Cities',
      nothingTitle: 'No registration to show',
      nothingText: 'This page shows your registration right after you send the form, in the same browser tab. Your confirmation email has all the details and a private link to see or cancel your registration.',
      backToEvent: 'Back to the event',
      titleConfirmed: 'You are registered',
      titleWaitlisted: 'You are on the waiting list',
      statusLabel: 'Status',
      colon: ':',
      eventPositionLabel: 'Your position on the waiting list',
      statuses: { CONFIRMED: 'Confirmed', WAITLISTED: 'On the waiting list', CANCELLED: 'Cancelled' },
      sessionStatuses: {
        CONFIRMED: 'Confirmed',
        WAITLISTED: 'Waiting list, position',
        PENDING: 'Waiting for a seat at the event',
        CANCELLED: 'Cancelled'
      },
      emailConfirmed: 'A confirmation email is on its way to {email}. It has a calendar invitation and a private link to see or cancel your registration.',
      emailWaitlisted: 'An email confirming your place on the waiting list is on its way to {email}. It has a private link to see or cancel your registration.',
      sessionsTitle: 'Your sessions',
      noSessions: 'You did not choose any session.',
      nextTitle: 'What happens next',
      nextInbox: 'Look for our email in your inbox in the next few minutes (and in your spam folder if it does not arrive).',
      nextLink: 'Keep that email: its private link is the only way to see or cancel your registration. It is personal, do not share it.',
      nextEventWaitlist: 'When a seat at the event frees up, it goes to the next person on the waiting list. You will then be registered automatically, your sessions allocated, and you will be told by email.',
      nextSessionWaitlist: 'If a seat frees up in a session where you are on the waiting list, it is given to you automatically and we email you.',
      nextCancel: 'If you can no longer come, please cancel through the link so that someone on the waiting list gets your seat.'
    },
    fr: {
      title: 'Inscription reçue — Sécurité, Démocratie & Villes',
      nothingTitle: 'Aucune inscription à afficher',
      nothingText: 'Cette page affiche votre inscription juste après l\u2019envoi du formulaire, dans le même onglet. Votre e-mail de confirmation contient tous les détails et un lien personnel pour consulter ou annuler votre inscription.',
      backToEvent: 'Retour à l\u2019événement',
      titleConfirmed: 'Vous êtes inscrit·e',
      titleWaitlisted: 'Vous êtes sur la liste d\u2019attente',
      statusLabel: 'Statut',
      colon: '\u00a0:',
      eventPositionLabel: 'Votre position sur la liste d\u2019attente',
      statuses: { CONFIRMED: 'Confirmée', WAITLISTED: 'En liste d\u2019attente', CANCELLED: 'Annulée' },
      sessionStatuses: {
        CONFIRMED: 'Confirmée',
        WAITLISTED: 'Liste d\u2019attente, position',
        PENDING: 'En attente d\u2019une place à l\u2019événement',
        CANCELLED: 'Annulée'
      },
      emailConfirmed: 'Un e-mail de confirmation est en route vers {email}. Il contient une invitation pour votre agenda et un lien personnel pour consulter ou annuler votre inscription.',
      emailWaitlisted: 'Un e-mail confirmant votre place sur la liste d\u2019attente est en route vers {email}. Il contient un lien personnel pour consulter ou annuler votre inscription.',
      sessionsTitle: 'Vos sessions',
      noSessions: 'Vous n\u2019avez choisi aucune session.',
      nextTitle: 'Et ensuite\u00a0?',
      nextInbox: 'Notre e-mail arrive dans les prochaines minutes (pensez à vérifier vos courriers indésirables s\u2019il n\u2019arrive pas).',
      nextLink: 'Conservez cet e-mail\u00a0: son lien personnel est le seul moyen de consulter ou d\u2019annuler votre inscription. Ne le partagez pas.',
      nextEventWaitlist: 'Quand une place se libère à l\u2019événement, elle revient à la personne suivante sur la liste d\u2019attente. Vous serez alors inscrit·e automatiquement, vos sessions attribuées, et prévenu·e par e-mail.',
      nextSessionWaitlist: 'Si une place se libère dans une session où vous êtes en liste d\u2019attente, elle vous est attribuée automatiquement et nous vous écrivons.',
      nextCancel: 'Si vous ne pouvez plus venir, annulez par le lien afin qu\u2019une personne en liste d\u2019attente obtienne votre place.'
    }
  };

  const state = { code: '', handed: null, event: null };
  const page = SiteI18n.createPage(TEXTS, render);
  const t = page.t;
  const el = Site.el;

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
    byId('nothing-event-link').href = state.code ? Site.eventPath(state.code) : '/';
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
    byId('event-link').href = Site.eventPath(state.code);
  }

  async function load() {
    state.handed = state.code ? Site.handoff.load('registration.' + state.code) : null;
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
    state.code = Site.eventCode();
    page.start();
    load();
  });
}());
