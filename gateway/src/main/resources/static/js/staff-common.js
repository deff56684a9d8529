// Shared by the staff pages (/staff/login, /staff/press, /staff/organizer and the 403 page): texts and the FR/EN
// switch, calls to the API with the signed-in session, the CSRF token, and a DOM builder that never parses HTML.
//
// Test hooks provided here (present on every signed-in staff page):
//   [data-test="sign-out"]   the sign-out button (a POST form to /staff/logout carrying the CSRF token)
//   [data-lang="fr|en"]      the language switch buttons (aria-pressed tells the current one)
//   #message                 the page's status line (role=status, aria-live=polite)
//   #signed-in-as            "Signed in as <user>"
//
// Security: the session cookie is HttpOnly (never visible here); the CSRF token is the XSRF-TOKEN cookie, echoed in
// the X-XSRF-TOKEN header of every state-changing call (or the _csrf field of the sign-in and sign-out forms).
// Data from the API is only ever inserted as text (textContent), never as HTML.
'use strict';

window.Staff = (function () {

  const SAFE_METHODS = ['GET', 'HEAD'];

  /** Texts every staff page uses; a page's own texts come on top. */
  const COMMON = {
    en: {
      skip: 'Skip to content',
      brand: 'Conference staff',
      signOut: 'Sign out',
      signedInAs: 'Signed in as {user}',
      languageSwitch: 'Language',
      failedWithDetail: '{reason} ({detail})',
      unavailable: 'The service cannot be reached right now. Please retry in a moment.',
      sessionExpired: 'Your session has ended. Please sign in again.',
      csrfFailed: 'The page is out of date (security token). Reload the page and retry.',
      forbidden: 'Your account does not have the role this action requires.',
      notFound: 'Not found: it may have been removed.',
      conflict: 'This could not be done in the current state.',
      tooLarge: 'Too much data in one request.',
      tooMany: 'Too many requests. Please wait a moment.',
      invalid: 'Some fields are not valid.',
      unlimited: 'unlimited',
      none: '—'
    },
    fr: {
      skip: 'Aller au contenu',
      brand: 'Espace équipe de la conférence',
      signOut: 'Se déconnecter',
      signedInAs: 'Connecté·e : {user}',
      languageSwitch: 'Langue',
      failedWithDetail: '{reason} ({detail})',
      unavailable: 'Le service est injoignable pour le moment. Réessayez dans un instant.',
      sessionExpired: 'Votre session est terminée. Veuillez vous reconnecter.',
      csrfFailed: 'La page n\'est plus à jour (jeton de sécurité). Rechargez la page et réessayez.',
      forbidden: 'Votre compte n\'a pas le rôle requis pour cette action.',
      notFound: 'Introuvable : l\'élément a peut-être été supprimé.',
      conflict: 'Impossible dans l\'état actuel.',
      tooLarge: 'Trop de données dans une seule requête.',
      tooMany: 'Trop de requêtes. Patientez un instant.',
      invalid: 'Certains champs ne sont pas valides.',
      unlimited: 'illimité',
      none: '—'
    }
  };
  const LANG_KEY = 'staff-lang';

  /** ?lang=fr|en wins, then the last choice on this browser, then the browser's language; English otherwise. */
  function initialLanguage() {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (asked === 'fr' || asked === 'en') {
      return asked;
    }
    let remembered = null;
    try {
      remembered = window.localStorage.getItem(LANG_KEY);
    } catch (e) {
      remembered = null;
    }
    if (remembered === 'fr' || remembered === 'en') {
      return remembered;
    }
    return (navigator.language || '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }

  /** The value of the CSRF cookie ('' when absent). */
  function csrfToken() {
    const entry = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
    return entry ? decodeURIComponent(entry.substring('XSRF-TOKEN='.length)) : '';
  }

  /**
   * The page's texts and language: fills every [data-i18n] element (and [data-i18n-label] as aria-label), drives the
   * FR/EN switch and the status line (#message). `render` is called after each language change so the page can
   * redraw what it built from data.
   */
  function createPage(pageTexts, render) {
    const page = { lang: 'en', message: null };
    const texts = {
      en: Object.assign({}, COMMON.en, pageTexts.en),
      fr: Object.assign({}, COMMON.fr, pageTexts.fr)
    };

    page.t = function (key, vars) {
      let text = texts[page.lang][key];
      if (text === undefined) {
        text = texts.en[key];
      }
      if (text === undefined) {
        return key;
      }
      Object.entries(vars || {}).forEach(([name, value]) => {
        text = text.split('{' + name + '}').join(String(value));
      });
      return text;
    };

    /** Shows a message in the live status line; `key` is translated (and re-translated on a language change). */
    page.showMessage = function (key, kind, vars) {
      page.message = key ? { key: key, kind: kind || '', vars: vars } : null;
      const box = document.getElementById('message');
      if (!box) {
        return;
      }
      box.className = 'message' + (kind ? ' ' + kind : '');
      box.textContent = key ? page.t(key, vars) : '';
    };

    page.setLanguage = function (lang) {
      page.lang = lang;
      document.documentElement.lang = lang;
      document.title = page.t('title');
      document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = page.t(node.dataset.i18n); });
      document.querySelectorAll('[data-i18n-label]').forEach((node) => {
        node.setAttribute('aria-label', page.t(node.dataset.i18nLabel));
      });
      document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => {
        node.setAttribute('placeholder', page.t(node.dataset.i18nPlaceholder));
      });
      document.querySelectorAll('[data-lang]').forEach((button) => {
        button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
      });
      if (page.message) {
        page.showMessage(page.message.key, page.message.kind, page.message.vars);
      }
      if (page.whoAmI) {
        showWhoAmI(page);
      }
      render();
      try {
        window.localStorage.setItem(LANG_KEY, lang);
      } catch (e) {
        // private mode: the choice lasts for this page only
      }
      const url = new URL(window.location.href);
      url.searchParams.set('lang', lang);
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    };

    /** Wires the language switch and the sign-out form, applies the initial language, then says who is signed in. */
    page.start = function (options) {
      document.querySelectorAll('[data-lang]').forEach((button) => {
        button.addEventListener('click', () => page.setLanguage(button.dataset.lang));
      });
      wireCsrfForms();
      page.setLanguage(initialLanguage());
      if (!options || options.whoAmI !== false) {
        loadWhoAmI(page);
      }
    };

    /** A call failed: one translated message for the status line, with the server's detail when it has one. */
    page.failure = function (result) {
      const detail = result.body && typeof result.body.detail === 'string' ? result.body.detail : '';
      const key = failureKey(result);
      page.showMessage(detail && key !== 'unavailable' ? 'failedWithDetail' : key, 'error',
        { reason: page.t(key), detail: detail });
    };

    return page;
  }

  function failureKey(result) {
    switch (result.status) {
      case 0: return 'unavailable';
      case 401: return 'sessionExpired';
      case 403: return result.body && /CSRF/.test(String(result.body.detail || '')) ? 'csrfFailed' : 'forbidden';
      case 404: return 'notFound';
      case 409: return 'conflict';
      case 413: return 'tooLarge';
      case 429: return 'tooMany';
      case 400: return 'invalid';
      default: return 'unavailable';
    }
  }

  async function loadWhoAmI(page) {
    const result = await api('/staff/me', { noRedirect: true });
    if (result.ok && result.body) {
      page.whoAmI = result.body;
      showWhoAmI(page);
    }
  }

  function showWhoAmI(page) {
    const box = document.getElementById('signed-in-as');
    if (box && page.whoAmI) {
      box.textContent = page.t('signedInAs', { user: page.whoAmI.username });
    }
  }

  /** Forms posting to the gateway (sign-in, sign-out) carry the CSRF token in their _csrf field. */
  function wireCsrfForms() {
    document.querySelectorAll('form[data-csrf]').forEach((form) => {
      const field = form.querySelector('input[name="_csrf"]');
      field.value = csrfToken();
      form.addEventListener('submit', () => { field.value = csrfToken(); });
    });
  }

  /**
   * One API call with the session cookie. Never rejects: resolves to {ok, status, body} (body = parsed JSON, a
   * problem+json for refusals, or null; status 0 = no answer). With `raw`, resolves to {ok, status, response}.
   * A 401 means the session is over: back to the sign-in form (unless `noRedirect`).
   */
  async function api(path, options) {
    const opts = options || {};
    const method = opts.method || 'GET';
    const headers = {
      'Accept': opts.accept || 'application/json, application/problem+json',
      // Tells the gateway a script is asking: a 401 then comes without the browser's Basic dialog.
      'X-Requested-With': 'staff-page'
    };
    if (SAFE_METHODS.indexOf(method) < 0) {
      headers['X-XSRF-TOKEN'] = csrfToken();
    }
    const init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.json);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      return { ok: false, status: 0, body: null };
    }
    if (response.status === 401 && !opts.noRedirect) {
      window.location.assign('/staff/login?error=expired');
    }
    if (opts.raw) {
      return { ok: response.ok, status: response.status, response: response };
    }
    const body = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, body: body };
  }

  /** The problem's `errors: [{field, message}]` (an empty list when none). */
  function fieldErrors(problem) {
    return problem && Array.isArray(problem.errors)
      ? problem.errors.filter((e) => e && typeof e.field === 'string').map((e) => ({ field: e.field, message: String(e.message || '') }))
      : [];
  }

  /**
   * A DOM element: h('td', {className: 'x', text: 'y', attrs: {'data-test': 'z'}, on: {click: fn}}, child…).
   * Children are nodes or strings (inserted as text).
   */
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    const p = props || {};
    if (p.className) {
      node.className = p.className;
    }
    if (p.text !== undefined && p.text !== null) {
      node.textContent = String(p.text);
    }
    Object.entries(p.attrs || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== false) {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    });
    Object.entries(p.props || {}).forEach(([name, value]) => { node[name] = value; });
    Object.entries(p.on || {}).forEach(([name, handler]) => node.addEventListener(name, handler));
    children.flat().forEach((child) => {
      if (child === null || child === undefined || child === false) {
        return;
      }
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  function locale(lang) {
    return lang === 'fr' ? 'fr-FR' : 'en-GB';
  }

  /** A date and time for people; in `timeZone` when given (an event's zone), else the browser's; dateStyle 'medium' by default. */
  function formatDateTime(iso, lang, timeZone, dateStyle) {
    if (!iso) {
      return '—';
    }
    const date = new Date(iso);
    if (isNaN(date.getTime())) {
      return String(iso);
    }
    const options = { dateStyle: dateStyle || 'medium', timeStyle: 'short' };
    if (timeZone) {
      options.timeZone = timeZone;
    }
    try {
      return new Intl.DateTimeFormat(locale(lang), options).format(date);
    } catch (e) {
      return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    }
  }

  /** The title of an event or session in the page's language, or the other one when missing. */
  function localized(title, lang) {
    if (!title) {
      return '';
    }
    return (lang === 'fr' ? (title.fr || title.en) : (title.en || title.fr)) || '';
  }

  /** Empties a node. */
  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  return {
    createPage: createPage,
    api: api,
    csrfToken: csrfToken,
    fieldErrors: fieldErrors,
    h: h,
    clear: clear,
    formatDateTime: formatDateTime,
    localized: localized,
    locale: locale
  };
}());
