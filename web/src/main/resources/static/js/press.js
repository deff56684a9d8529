// The journalist's accreditation request, at /events/{code}/press (also /press/{code}):
// GET /api/events/{code}, then POST /api/events/{code}/accreditations; the confirmation is shown in place.
// /press, the events a journalist can ask to cover, is written on the server and needs no script.
//
// Test hooks: on the form, #accreditation-form with inputs whose ids are the API field names: #firstName,
// #lastName, #email, #mediaOutlet, #mediaType (select PRINT…FREELANCE), #country (select), #language (select),
// #pressCardNumber, #coverageNotes; the submit button [data-test="submit"]; errors in #<field>-error and the
// summary #error-summary [data-test="error-summary"]; after sending, #received [data-test="accreditation-received"]
// with [data-test="accreditation-status"][data-status="PENDING"] and [data-test="confirmation-email"];
// #closed [data-test="registration-closed"]; #not-found [data-test="not-found"].
'use strict';

(function () {


  // key: the Idempotency-Key of this form load, kept for every retry of the same submission (a double click or a
  // resend after a network failure never files two requests), renewed after a request was received.
  const state = { code: '', event: null, notFound: false, busy: false, languageTouched: false, received: null,
    key: Site.newKey() };
  const page = Site.createPage(render);
  const t = page.t;
  const el = Forms.el;
  const rules = Forms.rules;
  let form = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function where(event) {
    return event.city ? [event.city, event.country ? page.countryName(event.country) : ''].filter(Boolean).join(', ')
      : t('online');
  }

  // --- the form -----------------------------------------------------------------------------------------------------

  function createForm() {
    const text = (id) => () => Forms.text(id);
    form = Forms.createForm(page, {
      fields: {
        firstName: { label: 'firstNameLabel', value: text('firstName'),
          rules: [rules.required(), rules.maxLength(100), rules.oneLine()] },
        lastName: { label: 'lastNameLabel', value: text('lastName'),
          rules: [rules.required(), rules.maxLength(100), rules.oneLine()] },
        email: { label: 'emailLabel', value: text('email'), rules: [rules.required(), rules.maxLength(254), rules.email()] },
        country: { label: 'countryLabel', value: text('country'),
          rules: [rules.required('errCountry'), rules.oneOf(Forms.optionValues('country'), 'errCountry')] },
        language: { label: 'languageLabel', value: text('language'),
          rules: [rules.required('errLanguage'), rules.oneOf(['fr', 'en'], 'errLanguage')] },
        mediaOutlet: { label: 'mediaOutletLabel', value: text('mediaOutlet'),
          rules: [rules.required(), rules.maxLength(200), rules.oneLine()] },
        mediaType: { label: 'mediaTypeLabel', value: text('mediaType'),
          rules: [rules.required('errMediaType'), rules.oneOf(Forms.optionValues('mediaType'), 'errMediaType')] },
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
      firstName: Forms.text('firstName'),
      lastName: Forms.text('lastName'),
      email: Forms.text('email'),
      mediaOutlet: Forms.text('mediaOutlet'),
      mediaType: Forms.text('mediaType'),
      country: Forms.text('country'),
      language: Forms.text('language'),
      pressCardNumber: Forms.text('pressCardNumber') || null,
      coverageNotes: Forms.text('coverageNotes') || null
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
    return [{ field: null, key: Forms.failureKey(result, true) }];
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
    const event = state.event;
    byId('page').hidden = !event;
    if (!event) {
      return;
    }
    const title = page.putLocalized(byId('event-title'), event.title, event.code);
    document.title = t('eyebrow') + ' — ' + title.textContent;
    byId('event-summary').textContent = page.dateRange(event.startsAt, event.endsAt, event.timezone) + ' · ' + where(event);
    byId('event-link').href = Forms.eventPath(event.code);
    byId('received-event-link').href = Forms.eventPath(event.code);
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
    if (form) {
      form.render();
    }
  }

  async function load() {
    page.showMessage('loading');
    const result = await Site.call('/api/events/' + encodeURIComponent(state.code));
    if (result.status === 404) {
      state.notFound = true;
      page.showMessage(null);
      render();
      return;
    }
    if (!result.ok || !result.body) {
      page.showMessage(Forms.failureKey(result), 'error');
      return;
    }
    state.event = result.body;
    createForm();
    page.showMessage(null);
    render();
  }

  document.addEventListener('DOMContentLoaded', () => {
    state.code = Forms.eventCode();
    byId('accreditation-form').addEventListener('submit', submit);
    byId('language').addEventListener('change', () => { state.languageTouched = true; });
    page.start();
    load();
  });
}());
