// The list of open and upcoming events (GET /api/events), at /.
//
// Test hooks: #events (the list, data-test="events"); one li[data-test="event"][data-code] per event, with
// a[data-test="event-link"][data-code] to its page, [data-test="event-dates"], [data-test="event-place"],
// [data-test="event-seats"], [data-test="registration-state"][data-open="true|false"];
// #no-events (data-test="no-events") when there is none; a[data-test="press-link"] to /press;
// #message (role=status) for loading and failures; the language switch #lang-fr / #lang-en.
'use strict';

(function () {
  const TEXTS = {
    en: {
      title: 'Events — Security, Democracy & Cities',
      heading: 'Conferences and webconferences',
      intro: 'Efus brings together elected officials, local authorities, police, justice, social workers, researchers and civil society to exchange on urban security and crime prevention. Choose an event to see its programme and register.',
      noEvents: 'No event is open for registration at the moment.',
      pressTitle: 'Journalists',
      pressText: 'Covering one of our events?',
      pressLink: 'Request a press accreditation',
      when: 'When',
      where: 'Where',
      languages: 'Languages',
      seats: 'Seats',
      seatsLeft: '{n} seats left',
      seatLeft: '1 seat left',
      waitingList: 'Full: waiting list',
      registrationOpen: 'Registration open',
      registrationClosed: 'Registration closed'
    },
    fr: {
      title: 'Événements — Sécurité, Démocratie & Villes',
      heading: 'Conférences et webconférences',
      intro: 'L\u2019Efus réunit élu·es, collectivités, police, justice, travailleurs sociaux, chercheurs et société civile pour échanger sur la sécurité urbaine et la prévention de la délinquance. Choisissez un événement pour voir son programme et vous inscrire.',
      noEvents: 'Aucun événement n\u2019est ouvert aux inscriptions pour le moment.',
      pressTitle: 'Journalistes',
      pressText: 'Vous couvrez l\u2019un de nos événements\u00a0?',
      pressLink: 'Demander une accréditation presse',
      when: 'Dates',
      where: 'Lieu',
      languages: 'Langues',
      seats: 'Places',
      seatsLeft: '{n} places restantes',
      seatLeft: '1 place restante',
      waitingList: 'Complet\u00a0: liste d\u2019attente',
      registrationOpen: 'Inscriptions ouvertes',
      registrationClosed: 'Inscriptions closes'
    }
  };

  const state = { events: null };
  const page = SiteI18n.createPage(TEXTS, render);
  const t = page.t;
  const el = Site.el;

  /** "Brussels, Belgium", or "Online" for an event without a city. */
  function place(event) {
    if (!event.city && !event.country) {
      return t('online');
    }
    return [event.city, event.country ? page.countryName(event.country) : ''].filter(Boolean).join(', ');
  }

  function seats(event) {
    if (event.seatsLeft === null || event.seatsLeft === undefined) {
      return null;
    }
    if (event.seatsLeft <= 0) {
      return { text: t('waitingList'), full: true };
    }
    return { text: event.seatsLeft === 1 ? t('seatLeft') : t('seatsLeft', { n: event.seatsLeft }), full: false };
  }

  function fact(list, label, value, test) {
    list.appendChild(el('dt', '', t(label)));
    const dd = el('dd', '', value);
    dd.dataset.test = test;
    list.appendChild(dd);
    return dd;
  }

  function card(event) {
    const item = el('li', 'card');
    item.dataset.test = 'event';
    item.dataset.code = event.code;

    const badges = el('p', 'badges');
    badges.appendChild(el('span', 'badge', page.label('eventKinds', event.kind)));
    const open = el('span', 'badge ' + (event.registrationOpen ? 'open' : 'closed'),
      t(event.registrationOpen ? 'registrationOpen' : 'registrationClosed'));
    open.dataset.test = 'registration-state';
    open.dataset.open = String(Boolean(event.registrationOpen));
    badges.appendChild(open);
    const left = seats(event);
    if (left && left.full) {
      badges.appendChild(el('span', 'badge full', left.text));
    }

    const heading = el('h2');
    const link = el('a');
    link.href = Site.eventPath(event.code);
    link.dataset.test = 'event-link';
    link.dataset.code = event.code;
    page.putLocalized(link, event.title, event.code);
    heading.appendChild(link);

    const facts = el('dl');
    fact(facts, 'when', page.dateRange(event.startsAt, event.endsAt, event.timezone), 'event-dates');
    fact(facts, 'where', place(event), 'event-place');
    fact(facts, 'languages', page.languageList(event.languages), 'event-languages');
    if (left) {
      fact(facts, 'seats', left.text, 'event-seats');
    }

    item.append(heading, badges, facts);
    return item;
  }

  function render() {
    const list = document.getElementById('events');
    const events = state.events;
    list.hidden = !events || events.length === 0;
    document.getElementById('no-events').hidden = !events || events.length > 0;
    if (!events) {
      return;
    }
    list.replaceChildren(...events.map(card));
  }

  async function load() {
    page.showMessage('loading');
    const result = await Site.call('/api/events');
    if (!result.ok || !Array.isArray(result.body)) {
      page.showMessage(Site.failureKey(result), 'error');
      return;
    }
    state.events = result.body.slice().sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt));
    page.showMessage(null);
    render();
  }

  document.addEventListener('DOMContentLoaded', () => {
    page.start();
    load();
  });
}());
