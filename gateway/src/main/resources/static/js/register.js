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
  const CATEGORIES = ['ELECTED_OFFICIAL', 'LOCAL_AUTHORITY', 'POLICE', 'JUSTICE', 'SOCIAL_WORKER', 'RESEARCHER',
    'EUROPEAN_INSTITUTION', 'INTERNATIONAL_ORGANISATION', 'PRIVATE_SECTOR', 'CIVIL_SOCIETY', 'SPEAKER', 'OTHER'];
  const MAX_SESSIONS = 20;

  const TEXTS = {
    en: {
      title: 'Registration — Security, Democracy & Cities',
      notFoundTitle: 'Event not found',
      eyebrow: 'Registration',
      seeProgramme: 'See the programme',
      closed: 'Registration for this event is closed.',
      eventFull: 'This event is full. If you register, you join the waiting list and we will email you if a seat frees up.',
      requiredNote: 'All fields are required unless marked (optional).',
      aboutYou: 'About you',
      firstNameLabel: 'First name',
      lastNameLabel: 'Last name',
      emailLabel: 'Email address',
      emailHint: 'Your confirmation will be sent to this address.',
      organisationLabel: 'Organisation',
      organisationHint: 'Your city, institution, company or association.',
      countryLabel: 'Country',
      chooseCountry: 'Choose a country',
      categoryLabel: 'You are',
      categoryHint: 'Journalists: please request a press accreditation instead.',
      chooseCategory: 'Choose a category',
      languageLabel: 'Language for our emails',
      languageHint: 'Your confirmation and any news about your registration will be in this language.',
      sessionsLegend: 'Sessions',
      sessionsHint: 'Choose the workshops and field visits you want to attend. Two sessions at the same time cannot be combined. When a session is full, you join its waiting list and get the seat automatically if one frees up.',
      noSessions: 'This event has no session to choose.',
      joinWaitlist: 'Full: tick to join the waiting list ({n} waiting)',
      joinWaitlistEmpty: 'Full: tick to join the waiting list',
      needsLegend: 'Practical needs',
      dietaryRequirementsLabel: 'Dietary requirements',
      dietaryRequirementsHint: 'For example vegetarian or allergies. At most 500 characters.',
      accessibilityNeedsLabel: 'Accessibility needs',
      accessibilityNeedsHint: 'For example step-free access, sign language interpretation, a seat near the stage. At most 500 characters.',
      consentsLegend: 'Your consent',
      privacyPolicyLabel: 'I have read the privacy notice and agree that my data is used to organise my participation.',
      privacyPolicyLink: 'Read the privacy notice (opens in a new tab)',
      photographyLabel: 'I agree to appear in photographs and videos taken during the event.',
      photographyHint: 'You can register without agreeing.',
      privacySummaryLabel: 'Privacy notice',
      photographySummaryLabel: 'Photographs',
      submit: 'Register',
      sending: 'Sending your registration…',
      errConflict: '\u201c{a}\u201d and \u201c{b}\u201d take place at the same time: please choose only one of them.',
      errSessionUnknown: '\u201c{session}\u201d cannot be chosen: it is no longer in the programme. Please untick it.',
      errSessionTwice: '\u201c{session}\u201d is chosen twice.',
      errTooManySessions: 'Please choose at most 20 sessions.',
      errDuplicate: 'This email address is already registered for this event. The link in your confirmation email lets you see or cancel that registration.',
      errClosedNow: 'Registration for this event has just closed: your registration was not recorded.',
      errKeyReused: 'This form was already sent with other answers. Please check your email for a confirmation; if none arrives, reload the page and register again.',
      errRefused: 'Your registration could not be accepted. Please check your answers.',
      errNetwork: 'Your browser could not reach the service. Please check your connection and send the form again: you will not be registered twice.',
      unavailable: 'The registration service is not available right now: your registration was not recorded. Please try again in a few minutes.'
    },
    fr: {
      title: 'Inscription — Sécurité, Démocratie & Villes',
      notFoundTitle: 'Événement introuvable',
      eyebrow: 'Inscription',
      seeProgramme: 'Voir le programme',
      closed: 'Les inscriptions à cet événement sont closes.',
      eventFull: 'Cet événement est complet. Si vous vous inscrivez, vous rejoignez la liste d\u2019attente et nous vous écrirons si une place se libère.',
      requiredNote: 'Tous les champs sont obligatoires sauf mention (facultatif).',
      aboutYou: 'Vous',
      firstNameLabel: 'Prénom',
      lastNameLabel: 'Nom',
      emailLabel: 'Adresse e-mail',
      emailHint: 'Votre confirmation sera envoyée à cette adresse.',
      organisationLabel: 'Organisation',
      organisationHint: 'Votre ville, institution, entreprise ou association.',
      countryLabel: 'Pays',
      chooseCountry: 'Choisissez un pays',
      categoryLabel: 'Vous êtes',
      categoryHint: 'Journalistes\u00a0: veuillez plutôt demander une accréditation presse.',
      chooseCategory: 'Choisissez une catégorie',
      languageLabel: 'Langue de nos e-mails',
      languageHint: 'Votre confirmation et toute information sur votre inscription seront rédigées dans cette langue.',
      sessionsLegend: 'Sessions',
      sessionsHint: 'Choisissez les ateliers et visites de terrain auxquels vous souhaitez participer. Deux sessions simultanées ne peuvent pas être combinées. Si une session est complète, vous rejoignez sa liste d\u2019attente et obtenez automatiquement la place qui se libère.',
      noSessions: 'Cet événement n\u2019a pas de session à choisir.',
      joinWaitlist: 'Complet\u00a0: cochez pour rejoindre la liste d\u2019attente ({n} en attente)',
      joinWaitlistEmpty: 'Complet\u00a0: cochez pour rejoindre la liste d\u2019attente',
      needsLegend: 'Besoins pratiques',
      dietaryRequirementsLabel: 'Régime alimentaire',
      dietaryRequirementsHint: 'Par exemple végétarien ou allergies. 500 caractères au maximum.',
      accessibilityNeedsLabel: 'Besoins d\u2019accessibilité',
      accessibilityNeedsHint: 'Par exemple accès sans marches, interprétation en langue des signes, place près de la scène. 500 caractères au maximum.',
      consentsLegend: 'Votre consentement',
      privacyPolicyLabel: 'J\u2019ai lu la notice de protection des données et j\u2019accepte que mes données servent à organiser ma participation.',
      privacyPolicyLink: 'Lire la notice de protection des données (nouvel onglet)',
      photographyLabel: 'J\u2019accepte d\u2019apparaître sur les photos et vidéos prises pendant l\u2019événement.',
      photographyHint: 'Vous pouvez vous inscrire sans accepter.',
      privacySummaryLabel: 'Protection des données',
      photographySummaryLabel: 'Photographies',
      submit: 'M\u2019inscrire',
      sending: 'Envoi de votre inscription…',
      errConflict: '«\u00a0{a}\u00a0» et «\u00a0{b}\u00a0» ont lieu en même temps\u00a0: veuillez n\u2019en choisir qu\u2019une.',
      errSessionUnknown: '«\u00a0{session}\u00a0» ne peut pas être choisie\u00a0: elle n\u2019est plus au programme. Veuillez la décocher.',
      errSessionTwice: '«\u00a0{session}\u00a0» est choisie deux fois.',
      errTooManySessions: 'Veuillez choisir 20 sessions au maximum.',
      errDuplicate: 'Cette adresse e-mail est déjà inscrite à cet événement. Le lien de votre e-mail de confirmation permet de consulter ou d\u2019annuler cette inscription.',
      errClosedNow: 'Les inscriptions à cet événement viennent de fermer\u00a0: votre inscription n\u2019a pas été enregistrée.',
      errKeyReused: 'Ce formulaire a déjà été envoyé avec d\u2019autres réponses. Vérifiez si vous avez reçu un e-mail de confirmation\u00a0; sinon, rechargez la page et inscrivez-vous de nouveau.',
      errRefused: 'Votre inscription n\u2019a pas pu être acceptée. Veuillez vérifier vos réponses.',
      errNetwork: 'Votre navigateur n\u2019a pas pu joindre le service. Vérifiez votre connexion puis renvoyez le formulaire\u00a0: vous ne serez pas inscrit·e deux fois.',
      unavailable: 'Le service d\u2019inscription n\u2019est pas disponible pour le moment\u00a0: votre inscription n\u2019a pas été enregistrée. Réessayez dans quelques minutes.'
    }
  };

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
  const page = SiteI18n.createPage(TEXTS, render);
  const t = page.t;
  const el = Site.el;
  const rules = Site.rules;
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

  /** Every pair of ticked sessions that overlap in time, as errors on the sessions field. */
  function conflicts() {
    const chosen = state.options.filter((entry) => entry.input.checked);
    const found = [];
    for (let i = 0; i < chosen.length; i++) {
      for (let j = i + 1; j < chosen.length; j++) {
        const a = chosen[i].session;
        const b = chosen[j].session;
        if (new Date(a.startsAt) < new Date(b.endsAt) && new Date(b.startsAt) < new Date(a.endsAt)) {
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
    Site.byDay(page, sessions, event.timezone).forEach((day) => {
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
        entry.note.textContent = Site.seats(page, session).text;
      }
    });
  }

  function createForm() {
    const text = (id) => () => Site.text(id);
    const oneLine = (max) => [rules.required(), rules.maxLength(max), rules.oneLine()];
    const firstCheckbox = () => (state.options[0] ? state.options[0].input : byId('sessions'));
    form = Site.createForm(page, {
      fields: {
        firstName: { label: 'firstNameLabel', value: text('firstName'), rules: oneLine(100) },
        lastName: { label: 'lastNameLabel', value: text('lastName'), rules: oneLine(100) },
        email: { label: 'emailLabel', value: text('email'), rules: [rules.required(), rules.maxLength(254), rules.email()] },
        organisation: { label: 'organisationLabel', value: text('organisation'), rules: [rules.maxLength(200), rules.oneLine()] },
        country: { label: 'countryLabel', value: text('country'),
          rules: [rules.required('errCountry'), rules.oneOf(SiteI18n.COUNTRY_CODES, 'errCountry')] },
        category: { label: 'categoryLabel', value: text('category'),
          rules: [rules.required('errCategory'), rules.oneOf(CATEGORIES, 'errCategory')] },
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
    byId('event-link').href = Site.eventPath(event.code);
    byId('closed').hidden = Boolean(event.registrationOpen);
    byId('registration-form').hidden = !event.registrationOpen;
    const full = event.seatsLeft === 0;
    byId('event-full').hidden = !full || !event.registrationOpen;
    byId('event-full').textContent = full ? t('eventFull') : '';

    Site.fillSelect(byId('country'), t('chooseCountry'),
      page.countries().map((country) => ({ value: country.code, label: country.name })));
    Site.fillSelect(byId('category'), t('chooseCategory'),
      CATEGORIES.map((category) => ({ value: category, label: page.label('categories', category) })));
    if (!state.languageTouched) {
      byId('language').value = page.lang;
    }
    renderSessions();
    if (form) {
      form.render();
    }
  }

  // --- sending -----------------------------------------------------------------------------------------------------

  function body() {
    const optional = (id) => Site.text(id) || null;
    return {
      firstName: Site.text('firstName'),
      lastName: Site.text('lastName'),
      email: Site.text('email'),
      organisation: optional('organisation'),
      country: Site.text('country'),
      category: Site.text('category'),
      language: Site.text('language'),
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
    return [{ field: null, key: Site.failureKey(result, true) }];
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
      Site.handoff.save('registration.' + state.code, { registration: result.body, email: payload.email });
      state.key = Site.newKey(); // a later, different registration from this page (after Back) is a new submission
      setBusy(false);
      window.location.assign(Site.eventPath(state.code, '/registered'));
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
      page.showMessage(Site.failureKey(result), 'error');
      return;
    }
    state.event = result.body;
    buildSessions(state.event);
    createForm();
    page.showMessage(null);
    render();
  }

  document.addEventListener('DOMContentLoaded', () => {
    state.code = Site.eventCode();
    state.key = Site.newKey();
    byId('registration-form').addEventListener('submit', submit);
    byId('language').addEventListener('change', () => { state.languageTouched = true; });
    page.start();
    load();
  });
}());
