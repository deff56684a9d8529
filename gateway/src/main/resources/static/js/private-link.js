// Shared by the pages opened from an emailed private link (/manage, /accreditation): the link is
// /<page>#id=…&token=…, and the fragment is never sent to a server. The token travels only in the
// X-Manage-Token header of same-origin API calls; it is never logged, stored or put in a URL.
'use strict';

window.PrivateLink = (function () {

  /** The id and token from the address's #fragment (empty strings when absent). */
  function readFragment() {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    return { id: params.get('id') || '', token: params.get('token') || '' };
  }

  /** ?lang=fr|en wins, then the browser's language; English otherwise. */
  function initialLanguage() {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (asked === 'fr' || asked === 'en') {
      return asked;
    }
    return (navigator.language || '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }

  /**
   * The page's texts and language: fills every [data-i18n] element, drives the FR/EN switch
   * ([data-lang] buttons, aria-pressed) and the status line (#message, role=status). `render` is called
   * after each language change so the page can redraw what it built from data.
   */
  function createPage(texts, render) {
    const page = { lang: 'en', message: null };

    page.t = function (key, vars) {
      let text = texts[page.lang][key];
      if (text === undefined) {
        return key;
      }
      Object.entries(vars || {}).forEach(([name, value]) => { text = text.replace('{' + name + '}', value); });
      return text;
    };

    /** Shows a translated message (re-translated on a language change); null clears it. */
    page.showMessage = function (key, kind) {
      page.message = key ? { key: key, kind: kind || '' } : null;
      const box = document.getElementById('message');
      box.className = 'message' + (kind ? ' ' + kind : '');
      box.textContent = key ? page.t(key) : '';
    };

    page.setLanguage = function (lang) {
      page.lang = lang;
      document.documentElement.lang = lang;
      document.title = page.t('title');
      document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = page.t(node.dataset.i18n); });
      document.querySelectorAll('[data-lang]').forEach((button) => {
        button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
      });
      if (page.message) {
        page.showMessage(page.message.key, page.message.kind);
      }
      render();
      // Remember the choice in the address (the fragment stays where it is, client-side only).
      const url = new URL(window.location.href);
      url.searchParams.set('lang', lang);
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    };

    /** Wires the language switch and applies the initial language. */
    page.start = function () {
      document.querySelectorAll('[data-lang]').forEach((button) => {
        button.addEventListener('click', () => page.setLanguage(button.dataset.lang));
      });
      page.setLanguage(initialLanguage());
    };

    return page;
  }

  /**
   * One API call carrying the private token. Never rejects: resolves to {ok, status, body} where body
   * is the parsed JSON answer (a problem+json document for refusals) or null; status 0 = no answer.
   * credentials 'omit': the page acts as the link's holder, never as a signed-in staff member.
   */
  async function call(path, method, token, json) {
    const init = {
      method: method,
      headers: { 'X-Manage-Token': token, 'Accept': 'application/json, application/problem+json' },
      cache: 'no-store',
      credentials: 'omit'
    };
    if (json !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(json);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      return { ok: false, status: 0, body: null };
    }
    const body = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, body: body };
  }

  /** The messages a problem+json document gives for one field (its `errors: [{field, message}]`). */
  function fieldErrors(problem, field) {
    const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
    return errors.filter((error) => error && error.field === field).map((error) => String(error.message || ''));
  }

  /** The message key for a failed call; 404 means a wrong id or token (never said which). */
  function failureKey(result) {
    if (result.status === 404) {
      return 'invalidLink';
    }
    return result.status === 429 ? 'tooMany' : 'unavailable';
  }

  return { readFragment: readFragment, createPage: createPage, call: call, fieldErrors: fieldErrors, failureKey: failureKey };
}());
