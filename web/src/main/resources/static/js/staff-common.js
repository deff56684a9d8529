// Shared by the staff pages (/staff/login, /staff/press, /staff/organizer and the 403 page), on top of site.js (texts,
// language, the API call): the session's calls, the sign-in and sign-out forms' CSRF field, who is signed in, the
// failure messages, and a DOM builder that never parses HTML.
//
// Test hooks provided here (present on every signed-in staff page):
//   [data-test="sign-out"]   the sign-out button (a POST form to /staff/logout carrying the CSRF token)
//   [data-lang="fr|en"]      the language switch links (aria-current tells the current one)
//   #message                 the page's status line (role=status, aria-live=polite)
//   #signed-in-as            "Signed in as <user>"
//
// Security: the session cookie is HttpOnly (never visible here); the CSRF token is the XSRF-TOKEN cookie, echoed in
// the X-XSRF-TOKEN header of every state-changing call (site.js) or the _csrf field of the sign-in and sign-out forms.
// Data from the API is only ever inserted as text (textContent), never as HTML.
'use strict';

window.Staff = (function () {

  /** The staff page: site.js's page, plus the failure messages and who is signed in. */
  function createPage(render) {
    const page = Site.createPage(render);
    const start = page.start;

    /** Wires the sign-in and sign-out forms and the shared parts, then says who is signed in. */
    page.start = function (options) {
      wireCsrfForms();
      start();
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
      field.value = Site.csrfToken();
      form.addEventListener('submit', () => { field.value = Site.csrfToken(); });
    });
  }

  /**
   * One API call with the session cookie (site.js's call with staff: true). Never rejects: resolves to {ok, status,
   * body}; with `raw`, to {ok, status, response}. A 401 means the session is over: back to the sign-in form (unless
   * `noRedirect`).
   */
  function api(path, options) {
    return Site.call(path, Object.assign({}, options || {}, { staff: true }));
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

  /** A date and time for people; in `timeZone` when given (an event's zone), else the browser's ('—' when absent). */
  function formatDateTime(iso, lang, timeZone, dateStyle) {
    return Site.format.staffDateTime(iso, timeZone, dateStyle);
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
    csrfToken: Site.csrfToken,
    fieldErrors: fieldErrors,
    h: h,
    clear: clear,
    formatDateTime: formatDateTime,
    localized: localized,
    locale: locale
  };
}());
