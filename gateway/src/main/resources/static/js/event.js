// One event and its programme (GET /api/events/{code}), at /events/{code}.
//
// Test hooks: #event (the article) with #event-title [data-test="event-title"], [data-test="event-kind"],
// [data-test="event-dates"], [data-test="event-place"], [data-test="event-languages"], [data-test="event-seats"],
// [data-test="registration-state"][data-open="true|false"]; a[data-test="register-link"] to the form (hidden
// when registration is closed); a[data-test="press-link"] to the press accreditation form;
// #programme [data-test="programme"]: one section[data-test="day"][data-day="YYYY-MM-DD"] per day, one
// li[data-test="session"][data-session="<code>"][data-full="true|false"] per session with
// [data-test="session-time"], [data-test="session-kind"], [data-test="session-language"], [data-test="session-seats"];
// #not-found [data-test="not-found"] for an unknown code; #message (role=status) for loading and failures.
'use strict';

(function () {
  const TEXTS = {
    en: {
      title: 'Event — Security, Democracy & Cities',
      notFoundTitle: 'Event not found',
      when: 'When',
      where: 'Where',
      languages: 'Languages',
      seats: 'Seats',
      registration: 'Registration',
      register: 'Register',
      pressLink: 'Press: request an accreditation',
      programme: 'Programme',
      programmeHint: 'Times are local to the event ({zone}).',
      noSessions: 'The programme will be published soon.',
      registrationOpenUntil: 'Open until {date}',
      registrationOpen: 'Open',
      registrationClosed: 'Closed',
      registrationNotYet: 'Opens on {date}',
      eventFull: 'Full: new registrations join the waiting list ({n} waiting)',
      eventFullEmpty: 'Full: new registrations join the waiting list'
    },
    fr: {
      title: 'Événement — Sécurité, Démocratie & Villes',
      notFoundTitle: 'Événement introuvable',
      when: 'Dates',
      where: 'Lieu',
      languages: 'Langues',
      seats: 'Places',
      registration: 'Inscriptions',
      register: 'S\u2019inscrire',
      pressLink: 'Presse\u00a0: demander une accréditation',
      programme: 'Programme',
      programmeHint: 'Les horaires sont ceux du lieu de l\u2019événement ({zone}).',
      noSessions: 'Le programme sera publié prochainement.',
      registrationOpenUntil: 'Ouvertes jusqu\u2019au {date}',
      registrationOpen: 'Ouvertes',
      registrationClosed: 'Closes',
      registrationNotYet: 'Ouverture le {date}',
      eventFull: 'Complet\u00a0: les nouvelles inscriptions rejoignent la liste d\u2019attente ({n} en attente)',
      eventFullEmpty: 'Complet\u00a0: les nouvelles inscriptions rejoignent la liste d\u2019attente'
    }
  };

  const state = { code: '', event: null, notFound: false };
  const page = SiteI18n.createPage(TEXTS, render);
  const t = page.t;
  const el = Site.el;

  function byId(id) {
    return document.getElementById(id);
  }

  function place(event) {
    if (!event.city && !event.country) {
      return t('online');
    }
    return [event.venue, event.city, event.country ? page.countryName(event.country) : ''].filter(Boolean).join(', ');
  }

  function registrationText(event) {
    if (event.registrationOpen) {
      return event.registrationClosesAt
        ? t('registrationOpenUntil', { date: page.dateTime(event.registrationClosesAt, event.timezone) })
        : t('registrationOpen');
    }
    if (event.registrationOpensAt && new Date(event.registrationOpensAt) > new Date()) {
      return t('registrationNotYet', { date: page.dateTime(event.registrationOpensAt, event.timezone) });
    }
    return t('registrationClosed');
  }

  function eventSeats(event) {
    if (event.seatsLeft === null || event.seatsLeft === undefined) {
      return '';
    }
    if (event.seatsLeft <= 0) {
      return event.waitlistLength > 0 ? t('eventFull', { n: event.waitlistLength }) : t('eventFullEmpty');
    }
    return event.seatsLeft === 1 ? t('seatsLeftOne') : t('seatsLeftN', { n: event.seatsLeft });
  }

  function sessionItem(event, session) {
    const item = el('li', 'session');
    item.dataset.test = 'session';
    item.dataset.session = session.code;
    const left = Site.seats(page, session);
    item.dataset.full = String(left.full);
    item.classList.toggle('is-full', left.full);

    const time = el('p', 'session-time', page.timeRange(session.startsAt, session.endsAt, event.timezone));
    time.dataset.test = 'session-time';
    const title = page.putLocalized(el('h4'), session.title, session.code);
    const meta = el('p', 'session-meta');
    const kind = el('span', 'badge', page.label('sessionKinds', session.kind));
    kind.dataset.test = 'session-kind';
    const language = el('span', '', page.label('sessionLanguages', session.language));
    language.dataset.test = 'session-language';
    const seats = el('span', left.full ? 'seats-full' : '', left.text);
    seats.dataset.test = 'session-seats';
    meta.append(kind, language, seats);
    item.append(time, title, meta);
    return item;
  }

  function renderProgramme(event) {
    const sessions = event.sessions || [];
    const programme = byId('programme');
    byId('no-sessions').hidden = sessions.length > 0;
    byId('programme-hint').textContent = sessions.length ? t('programmeHint', { zone: event.timezone }) : '';
    programme.replaceChildren(...Site.byDay(page, sessions, event.timezone).map((day) => {
      const section = el('section', 'day');
      section.dataset.test = 'day';
      section.dataset.day = day.key;
      section.appendChild(el('h3', '', page.dayHeading(day.first, event.timezone)));
      const list = el('ul', 'session-list');
      day.sessions.forEach((session) => list.appendChild(sessionItem(event, session)));
      section.appendChild(list);
      return section;
    }));
  }

  function render() {
    byId('not-found').hidden = !state.notFound;
    const event = state.event;
    byId('event').hidden = !event;
    if (!event) {
      if (state.notFound) {
        document.title = t('notFoundTitle') + ' — ' + t('siteName');
      }
      return;
    }
    const title = page.putLocalized(byId('event-title'), event.title, event.code);
    document.title = title.textContent + ' — ' + t('siteOrg');
    byId('event-kind').textContent = page.label('eventKinds', event.kind);
    byId('event-dates').textContent = page.dateRange(event.startsAt, event.endsAt, event.timezone);
    byId('event-place').textContent = place(event);
    byId('event-languages').textContent = page.languageList(event.languages);
    const seats = eventSeats(event);
    byId('event-seats').textContent = seats;
    byId('event-seats').hidden = !seats;
    byId('event-seats-term').hidden = !seats;
    const registration = byId('event-registration');
    registration.textContent = registrationText(event);
    registration.dataset.open = String(Boolean(event.registrationOpen));

    const register = byId('register-link');
    register.href = Site.eventPath(event.code, '/register');
    register.hidden = !event.registrationOpen;
    const press = byId('press-link');
    press.href = Site.eventPath(event.code, '/press');
    press.hidden = !event.registrationOpen; // press requests follow the registration window
    renderProgramme(event);
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
      page.showMessage(Site.failureKey(result), 'error');
      return;
    }
    state.event = result.body;
    page.showMessage(null);
    render();
  }

  document.addEventListener('DOMContentLoaded', () => {
    state.code = Site.eventCode();
    page.start();
    load();
  });
}());
