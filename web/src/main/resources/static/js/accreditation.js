// The journalist's private page: the emailed link is /accreditation#id=…&token=…
// Shows the request, answers the press office's question (NEEDS_INFO), withdraws (PENDING, NEEDS_INFO).
// Fragment reading and the token-carrying calls are in private-link.js, texts and language in site.js; the
// event's title comes from the public API through site.js, without the token.
// Test hooks: #event-code (the event's title once known, data-code="<code>"), #status, #answer-input, #send-answer,
// #withdraw then #withdraw-yes / #withdraw-no, #message (role=status).
'use strict';

(function () {
  const MAX_ANSWER = 2000;
  // Same rule as the service (kit InputRules.FREE_TEXT): line breaks are fine, other control characters are not.
  const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/;


  // answerError: {key, vars} for a message of ours, {text} for a service message we have no translation for.
  const state = { id: '', token: '', accreditation: null, answerError: null, busy: false, event: null };
  const page = Site.createPage(render);
  const t = page.t;
  const showMessage = page.showMessage;

  function el(id) {
    return document.getElementById(id);
  }

  function formatTime(iso) {
    const date = iso ? new Date(iso) : null;
    if (!date || isNaN(date.getTime())) {
      return '';
    }
    return new Intl.DateTimeFormat(page.lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' })
      .format(date);
  }

  /** Shows a definition-list entry only when it has something to say. */
  function showEntry(name, value) {
    const present = typeof value === 'string' && value.trim() !== '';
    el(name + '-term').hidden = !present;
    el(name).hidden = !present;
    el(name).textContent = present ? value : '';
  }

  function render() {
    const accreditation = state.accreditation;
    el('accreditation').hidden = !accreditation;
    if (!accreditation) {
      return;
    }
    const status = accreditation.status;
    el('event-code').dataset.code = accreditation.eventCode || '';
    page.putLocalized(el('event-code'), state.event ? state.event.title : null, accreditation.eventCode || '');
    el('status').textContent = page.label('statuses', status);
    el('status-help').textContent = page.has('help.' + status) ? page.t('help.' + status) : '';
    showEntry('created-at', formatTime(accreditation.createdAt));
    showEntry('question', accreditation.question);
    showEntry('answer', accreditation.answer);
    showEntry('reason', accreditation.reason);

    el('answer-form').hidden = status !== 'NEEDS_INFO';
    if (status !== 'NEEDS_INFO') {
      state.answerError = null;
    }
    const canWithdraw = status === 'PENDING' || status === 'NEEDS_INFO';
    el('withdraw-area').hidden = !canWithdraw;
    if (!canWithdraw) {
      closeConfirm(false);
    }
    renderAnswerError();
    renderCount();
  }

  function renderCount() {
    el('answer-count').textContent = t('answerCount', { n: el('answer-input').value.length });
  }

  // The error sits next to the field and is part of its description only while it is shown.
  function renderAnswerError() {
    const error = state.answerError;
    const box = el('answer-error');
    const input = el('answer-input');
    box.textContent = error ? (error.key ? t(error.key, error.vars) : error.text) : '';
    box.hidden = !error;
    if (error && !error.key) {
      box.lang = 'en'; // a service message we have no translation for is in English: say so to screen readers
    } else {
      box.removeAttribute('lang');
    }
    input.setAttribute('aria-describedby', error ? 'answer-error answer-hint' : 'answer-hint');
    if (error) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
  }

  function setAnswerError(error) {
    state.answerError = error;
    renderAnswerError();
    if (error) {
      showMessage('fixAnswer', 'error');
      el('answer-input').focus();
    }
  }

  /** The service's English validation messages, translated when we know them. */
  function answerErrorFrom(message, length) {
    if (/required|blank|empty/i.test(message)) {
      return { key: 'answerRequired' };
    }
    if (/at most|size|long/i.test(message)) {
      return { key: 'answerTooLong', vars: { n: length } };
    }
    if (/control character/i.test(message)) {
      return { key: 'answerControl' };
    }
    return { text: message };
  }

  function checkAnswer(answer) {
    if (answer === '') {
      return { key: 'answerRequired' };
    }
    if (answer.length > MAX_ANSWER) {
      return { key: 'answerTooLong', vars: { n: answer.length } };
    }
    return CONTROL_CHARACTERS.test(answer) ? { key: 'answerControl' } : null;
  }

  function path(suffix) {
    return '/api/accreditations/' + encodeURIComponent(state.id) + (suffix || '');
  }

  function setBusy(busy) {
    state.busy = busy;
    ['send-answer', 'withdraw', 'withdraw-yes', 'withdraw-no'].forEach((id) => { el(id).disabled = busy; });
  }

  /** Reads the request again; false (with the message shown) when that failed. */
  async function reload() {
    const result = await PrivateLink.call(path(), 'GET', state.token);
    if (!result.ok || !result.body) {
      if (result.status === 404) {
        state.accreditation = null;
      }
      showMessage(PrivateLink.failureKey(result), 'error');
      render();
      return false;
    }
    state.accreditation = result.body;
    render();
    return true;
  }

  async function load() {
    if (!state.id || !state.token) {
      showMessage('invalidLink', 'error');
      return;
    }
    showMessage('loading');
    if (await reload()) {
      showMessage(null);
      const event = await Site.call('/api/events/' + encodeURIComponent(state.accreditation.eventCode || ''));
      if (event.ok && event.body) {
        state.event = event.body;
        render();
      }
    }
  }

  // After an action the form or button that had focus is gone: the heading is where reading resumes.
  function focusTitle() {
    el('title').focus();
  }

  async function sendAnswer(event) {
    event.preventDefault();
    if (state.busy) {
      return;
    }
    const answer = el('answer-input').value.trim();
    const problem = checkAnswer(answer);
    if (problem) {
      setAnswerError(problem);
      return;
    }
    setAnswerError(null);
    setBusy(true);
    showMessage('sending');
    const result = await PrivateLink.call(path('/info'), 'POST', state.token, { answer: answer });
    setBusy(false);
    if (result.ok) {
      el('answer-input').value = '';
      if (!(await reload()) && result.body) {
        state.accreditation = result.body; // the answer is recorded even if reading it back failed
        render();
      }
      showMessage('answered', 'success');
      focusTitle();
      return;
    }
    if (result.status === 400) {
      const messages = PrivateLink.fieldErrors(result.body, 'answer');
      setAnswerError(messages.length ? answerErrorFrom(messages[0], answer.length) : { key: 'answerRefused' });
      return;
    }
    if (result.status === 409) {
      // No longer NEEDS_INFO: decided or withdrawn meanwhile. The typed answer stays if the form comes back.
      if (await reload()) {
        showMessage('changed');
        focusTitle();
      }
      return;
    }
    showMessage(PrivateLink.failureKey(result), 'error');
  }

  function openConfirm() {
    el('withdraw-confirm').hidden = false;
    el('withdraw').setAttribute('aria-expanded', 'true');
    el('withdraw-no').focus(); // the safe choice has focus; the group's label (the question) is read with it
  }

  function closeConfirm(restoreFocus) {
    el('withdraw-confirm').hidden = true;
    el('withdraw').setAttribute('aria-expanded', 'false');
    if (restoreFocus) {
      el('withdraw').focus();
    }
  }

  async function withdraw() {
    if (state.busy) {
      return;
    }
    setBusy(true);
    showMessage('withdrawing');
    const result = await PrivateLink.call(path(), 'DELETE', state.token);
    setBusy(false);
    if (result.ok && result.body) {
      state.accreditation = result.body;
      closeConfirm(false);
      render();
      showMessage('withdrawn', 'success');
      focusTitle();
      return;
    }
    if (result.status === 409) {
      closeConfirm(false);
      if (await reload()) {
        showMessage('cannotWithdraw', 'error');
        focusTitle();
      }
      return;
    }
    showMessage(PrivateLink.failureKey(result), 'error');
  }

  document.addEventListener('DOMContentLoaded', () => {
    const fragment = PrivateLink.readFragment();
    state.id = fragment.id;
    state.token = fragment.token;
    el('answer-form').addEventListener('submit', sendAnswer);
    el('answer-input').addEventListener('input', renderCount);
    el('withdraw').addEventListener('click', () => {
      if (el('withdraw-confirm').hidden) {
        openConfirm();
      } else {
        closeConfirm(true);
      }
    });
    el('withdraw-yes').addEventListener('click', withdraw);
    el('withdraw-no').addEventListener('click', () => closeConfirm(true));
    el('withdraw-confirm').addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !state.busy) {
        closeConfirm(true);
      }
    });
    page.start();
    load();
  });
}());
