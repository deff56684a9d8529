// The journalist's accreditation request, at /events/{code}/press (also /press/{code}):
// GET /api/events/{code}, then POST /api/events/{code}/accreditations; the confirmation is shown in place.
// At /press (no event in the address) the page lists the events a journalist can ask to cover.
//
// Test hooks: at /press, #chooser with li[data-test="press-event"][data-code] and a[data-test="press-event-link"]
// [data-code]; on the form, #accreditation-form with inputs whose ids are the API field names: #firstName,
// #lastName, #email, #mediaOutlet, #mediaType (select PRINT…FREELANCE), #country (select), #language (select),
// #pressCardNumber, #coverageNotes; the submit button [data-test="submit"]; errors in #<field>-error and the
// summary #error-summary [data-test="error-summary"]; after sending, #received [data-test="accreditation-received"]
// with [data-test="accreditation-status"][data-status="PENDING"] and [data-test="confirmation-email"];
// #closed [data-test="registration-closed"]; #not-found [data-test="not-found"].
'use strict';

(function () {
  const MEDIA_TYPES = ['PRINT', 'ONLINE', 'RADIO', 'TV', 'PHOTO', 'AGENCY', 'FREELANCE'];

  const TEXTS = {
    en: {
      title: 'Press accreditation — Security, Democracy & Cities',
      notFoundTitle: 'Event not found',
      backToPress: 'See the events open to the press',
      chooserTitle: 'Press accreditation',
      chooserIntro: 'Journalists covering an Efus event can request a press accreditation. The press office reviews each request and answers by email.',
      chooseEvent: 'Choose the event you want to cover',
      noEvents: 'No event is open to accreditation requests at the moment.',
      requestFor: 'Request an accreditation',
      requestsClosed: 'Requests closed',
      eyebrow: 'Press accreditation',
      seeProgramme: 'See the programme',
      closed: 'Accreditation requests for this event are closed.',
      formIntro: 'The press office reviews every request. You will receive an email with a private link to follow yours.',
      requiredNote: 'All fields are required unless marked (optional).',
      aboutYou: 'About you',
      firstNameLabel: 'First name',
      lastNameLabel: 'Last name',
      emailLabel: 'Professional email address',
      emailHint: 'The press office will write to you at this address.',
      countryLabel: 'Country',
      chooseCountry: 'Choose a country',
      languageLabel: 'Language for our emails',
      mediaLegend: 'Your media',
      mediaOutletLabel: 'Media outlet',
      mediaOutletHint: 'The newspaper, station, agency or site you work for; \u201cFreelance\u201d if none.',
      mediaTypeLabel: 'Type of media',
      chooseMediaType: 'Choose a type of media',
      pressCardNumberLabel: 'Press card number',
      pressCardNumberHint: 'If you have one.',
      coverageNotesLabel: 'What you plan to cover',
      coverageNotesHint: 'Interviews you would like, sessions you will attend, photographers or crew with you. At most 2000 characters.',
      privacyNote: 'We use these details only to review your request and organise your coverage.',
      privacyPolicyLink: 'Read the privacy notice (opens in a new tab)',
      submit: 'Send my request',
      sending: 'Sending your request…',
      receivedTitle: 'Request received',
      statusLabel: 'Status',
      colon: ':',
      pending: 'Waiting for the press office\u2019s decision',
      receivedEmail: 'An email is on its way to {email} with a private link to follow your request, answer the press office and withdraw it if needed.',
      nextTitle: 'What happens next',
      nextReview: 'The press office reviews your request.',
      nextQuestion: 'If it needs more information, it asks you by email, and you answer through your private link.',
      nextDecision: 'Its decision reaches you by email. Once accredited, you are on the list of attendees and receive a confirmation with a calendar invitation.',
      backToEvent: 'Back to the event',
      errDuplicate: 'A request for this email address is already being handled for this event. Use the link in the email you received to follow it.',
      errClosedNow: 'Accreditation requests for this event have just closed: your request was not recorded.',
      errRefused: 'Your request could not be accepted. Please check your answers.',
      unavailable: 'The accreditation service is not available right now: your request was not recorded. Please try again in a few minutes.'
    },
    fr: {
      title: 'Accréditation presse — Sécurité, Démocratie & Villes',
      notFoundTitle: 'Événement introuvable',
      backToPress: 'Voir les événements ouverts à la presse',
      chooserTitle: 'Accréditation presse',
      chooserIntro: 'Les journalistes qui couvrent un événement de l\u2019Efus peuvent demander une accréditation presse. Le service de presse examine chaque demande et répond par e-mail.',
      chooseEvent: 'Choisissez l\u2019événement que vous souhaitez couvrir',
      noEvents: 'Aucun événement n\u2019est ouvert aux demandes d\u2019accréditation pour le moment.',
      requestFor: 'Demander une accréditation',
      requestsClosed: 'Demandes closes',
      eyebrow: 'Accréditation presse',
      seeProgramme: 'Voir le programme',
      closed: 'Les demandes d\u2019accréditation pour cet événement sont closes.',
      formIntro: 'Le service de presse examine chaque demande. Vous recevrez un e-mail avec un lien personnel pour suivre la vôtre.',
      requiredNote: 'Tous les champs sont obligatoires sauf mention (facultatif).',
      aboutYou: 'Vous',
      firstNameLabel: 'Prénom',
      lastNameLabel: 'Nom',
      emailLabel: 'Adresse e-mail professionnelle',
      emailHint: 'Le service de presse vous écrira à cette adresse.',
      countryLabel: 'Pays',
      chooseCountry: 'Choisissez un pays',
      languageLabel: 'Langue de nos e-mails',
      mediaLegend: 'Votre média',
      mediaOutletLabel: 'Média',
      mediaOutletHint: 'Le journal, la station, l\u2019agence ou le site pour lequel vous travaillez\u00a0; «\u00a0Indépendant\u00a0» à défaut.',
      mediaTypeLabel: 'Type de média',
      chooseMediaType: 'Choisissez un type de média',
      pressCardNumberLabel: 'Numéro de carte de presse',
      pressCardNumberHint: 'Si vous en avez une.',
      coverageNotesLabel: 'Ce que vous prévoyez de couvrir',
      coverageNotesHint: 'Interviews souhaitées, sessions suivies, photographes ou équipe qui vous accompagnent. 2000 caractères au maximum.',
      privacyNote: 'Nous utilisons ces informations uniquement pour examiner votre demande et organiser votre couverture.',
      privacyPolicyLink: 'Lire la notice de protection des données (nouvel onglet)',
      submit: 'Envoyer ma demande',
      sending: 'Envoi de votre demande…',
      receivedTitle: 'Demande reçue',
      statusLabel: 'Statut',
      colon: '\u00a0:',
      pending: 'En attente de la décision du service de presse',
      receivedEmail: 'Un e-mail est en route vers {email} avec un lien personnel pour suivre votre demande, répondre au service de presse et la retirer si besoin.',
      nextTitle: 'Et ensuite\u00a0?',
      nextReview: 'Le service de presse examine votre demande.',
      nextQuestion: 'S\u2019il a besoin de précisions, il vous les demande par e-mail et vous répondez par votre lien personnel.',
      nextDecision: 'Sa décision vous parvient par e-mail. Une fois accrédité·e, vous figurez sur la liste des participants et recevez une confirmation avec une invitation pour votre agenda.',
      backToEvent: 'Retour à l\u2019événement',
      errDuplicate: 'Une demande pour cette adresse e-mail est déjà en cours pour cet événement. Utilisez le lien de l\u2019e-mail reçu pour la suivre.',
      errClosedNow: 'Les demandes d\u2019accréditation pour cet événement viennent de fermer\u00a0: votre demande n\u2019a pas été enregistrée.',
      errRefused: 'Votre demande n\u2019a pas pu être acceptée. Veuillez vérifier vos réponses.',
      unavailable: 'Le service d\u2019accréditation n\u2019est pas disponible pour le moment\u00a0: votre demande n\u2019a pas été enregistrée. Réessayez dans quelques minutes.'
    }
  };

  // key: the Idempotency-Key of this form load, kept for every retry of the same submission (a double click or a
  // resend after a network failure never files two requests), renewed after a request was received.
  const state = { code: '', event: null, events: null, notFound: false, busy: false, languageTouched: false, received: null,
    key: Site.newKey() };
  const page = SiteI18n.createPage(TEXTS, render);
  const t = page.t;
  const el = Site.el;
  const rules = Site.rules;
  let form = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function where(event) {
    return event.city ? [event.city, event.country ? page.countryName(event.country) : ''].filter(Boolean).join(', ')
      : t('online');
  }

  // --- /press: which event ------------------------------------------------------------------------------------------

  function chooserItem(event) {
    const item = el('li', 'card');
    item.dataset.test = 'press-event';
    item.dataset.code = event.code;
    const heading = el('h2');
    if (event.registrationOpen) {
      const link = el('a');
      link.href = Site.eventPath(event.code, '/press');
      link.dataset.test = 'press-event-link';
      link.dataset.code = event.code;
      page.putLocalized(link, event.title, event.code);
      heading.appendChild(link);
    } else {
      page.putLocalized(heading, event.title, event.code);
    }
    const badges = el('p', 'badges');
    badges.appendChild(el('span', 'badge', page.label('eventKinds', event.kind)));
    if (!event.registrationOpen) {
      badges.appendChild(el('span', 'badge closed', t('requestsClosed')));
    }
    const facts = el('p', '', page.dateRange(event.startsAt, event.endsAt, event.timezone) + ' · ' + where(event));
    item.append(heading, badges, facts);
    return item;
  }

  function renderChooser() {
    const events = state.events || [];
    byId('press-events').replaceChildren(...events.map(chooserItem));
    byId('press-events').hidden = events.length === 0;
    byId('no-events').hidden = !state.events || events.length > 0;
  }

  // --- the form -----------------------------------------------------------------------------------------------------

  function createForm() {
    const text = (id) => () => Site.text(id);
    form = Site.createForm(page, {
      fields: {
        firstName: { label: 'firstNameLabel', value: text('firstName'),
          rules: [rules.required(), rules.maxLength(100), rules.oneLine()] },
        lastName: { label: 'lastNameLabel', value: text('lastName'),
          rules: [rules.required(), rules.maxLength(100), rules.oneLine()] },
        email: { label: 'emailLabel', value: text('email'), rules: [rules.required(), rules.maxLength(254), rules.email()] },
        country: { label: 'countryLabel', value: text('country'),
          rules: [rules.required('errCountry'), rules.oneOf(SiteI18n.COUNTRY_CODES, 'errCountry')] },
        language: { label: 'languageLabel', value: text('language'),
          rules: [rules.required('errLanguage'), rules.oneOf(['fr', 'en'], 'errLanguage')] },
        mediaOutlet: { label: 'mediaOutletLabel', value: text('mediaOutlet'),
          rules: [rules.required(), rules.maxLength(200), rules.oneLine()] },
        mediaType: { label: 'mediaTypeLabel', value: text('mediaType'),
          rules: [rules.required('errMediaType'), rules.oneOf(MEDIA_TYPES, 'errMediaType')] },
        pressCardNumber: { label: 'pressCardNumberLabel', value: text('pressCardNumber'),
          rules: [rules.maxLength(50), rules.oneLine()] },
        coverageNotes: { label: 'coverageNotesLabel', value: text('coverageNotes'),
          rules: [rules.maxLength(2000), rules.freeText()] }
      },
      translate: (field, message) => {
        const choice = { country: 'errCountry', mediaType: 'errMediaType', language: 'errLanguage' };
        return choice[field] && /required/i.test(String(message || '')) ? { key: choice[field] } : null;
      }
    });
  }

  function body() {
    return {
      firstName: Site.text('firstName'),
      lastName: Site.text('lastName'),
      email: Site.text('email'),
      mediaOutlet: Site.text('mediaOutlet'),
      mediaType: Site.text('mediaType'),
      country: Site.text('country'),
      language: Site.text('language'),
      pressCardNumber: Site.text('pressCardNumber') || null,
      coverageNotes: Site.text('coverageNotes') || null
    };
  }

  function setBusy(busy) {
    state.busy = busy;
    byId('submit').disabled = busy;
    byId('sending').textContent = busy ? t('sending') : '';
  }

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
      if (/already active/i.test(detail)) {
        return [{ field: 'email', key: 'errDuplicate' }];
      }
      return /closed/i.test(detail) ? [{ field: null, key: 'errClosedNow' }] : [{ field: null, text: detail || 'Conflict' }];
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
    setBusy(true);
    const result = await Site.call('/api/events/' + encodeURIComponent(state.code) + '/accreditations', 'POST', payload,
      { 'Idempotency-Key': state.key });
    setBusy(false);
    if (result.ok) {
      state.key = Site.newKey();
      form.clear();
      state.received = { email: payload.email, status: (result.body && result.body.status) || 'PENDING' };
      render();
      byId('received-title').focus();
      return;
    }
    form.show(refusal(result), true);
  }

  // --- rendering ----------------------------------------------------------------------------------------------------

  function render() {
    byId('not-found').hidden = !state.notFound;
    byId('chooser').hidden = Boolean(state.code) || !state.events;
    if (!state.code) {
      renderChooser();
      return;
    }
    const event = state.event;
    byId('page').hidden = !event;
    if (!event) {
      return;
    }
    const title = page.putLocalized(byId('event-title'), event.title, event.code);
    document.title = t('eyebrow') + ' — ' + title.textContent;
    byId('event-summary').textContent = page.dateRange(event.startsAt, event.endsAt, event.timezone) + ' · ' + where(event);
    byId('event-link').href = Site.eventPath(event.code);
    byId('received-event-link').href = Site.eventPath(event.code);
    const received = state.received;
    byId('closed').hidden = Boolean(event.registrationOpen) || Boolean(received);
    byId('accreditation-form').hidden = !event.registrationOpen || Boolean(received);
    byId('received').hidden = !received;
    if (received) {
      const status = byId('accreditation-status');
      status.textContent = t('pending');
      status.dataset.status = received.status;
      const [before, after] = t('receivedEmail').split('{email}');
      const strong = el('strong', '', received.email);
      strong.dataset.test = 'email-address';
      byId('received-email').replaceChildren(document.createTextNode(before), strong, document.createTextNode(after || ''));
    }
    Site.fillSelect(byId('country'), t('chooseCountry'),
      page.countries().map((country) => ({ value: country.code, label: country.name })));
    Site.fillSelect(byId('mediaType'), t('chooseMediaType'),
      MEDIA_TYPES.map((type) => ({ value: type, label: page.label('mediaTypes', type) })));
    if (!state.languageTouched) {
      byId('language').value = page.lang;
    }
    if (form) {
      form.render();
    }
  }

  async function load() {
    page.showMessage('loading');
    const result = await Site.call(state.code ? '/api/events/' + encodeURIComponent(state.code) : '/api/events');
    if (state.code && result.status === 404) {
      state.notFound = true;
      page.showMessage(null);
      render();
      return;
    }
    if (!result.ok || !result.body) {
      page.showMessage(Site.failureKey(result), 'error');
      return;
    }
    if (state.code) {
      state.event = result.body;
      createForm();
    } else {
      state.events = (Array.isArray(result.body) ? result.body : [])
        .slice().sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt));
    }
    page.showMessage(null);
    render();
  }

  document.addEventListener('DOMContentLoaded', () => {
    state.code = Site.eventCode();
    byId('accreditation-form').addEventListener('submit', submit);
    byId('language').addEventListener('change', () => { state.languageTouched = true; });
    page.start();
    load();
  });
}());
