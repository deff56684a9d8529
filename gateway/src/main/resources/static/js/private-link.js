// Shared by the pages opened from an emailed private link (/manage, /accreditation): the link is
// /<page>#id=…&token=…, and the fragment is never sent to a server. The token travels only in the
// X-Manage-Token header of same-origin API calls; it is never logged, stored or put in a URL.
// Needs i18n.js (the FR/EN switch) loaded before it.
'use strict';

window.PrivateLink = (function () {

  /** The id and token from the address's #fragment (empty strings when absent). */
  function readFragment() {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    return { id: params.get('id') || '', token: params.get('token') || '' };
  }

  /**
   * The page's texts and language: the one FR/EN mechanism of the site, in i18n.js (load it first).
   * Kept here under its old name so the private-link pages read as before.
   */
  function createPage(texts, render) {
    return window.SiteI18n.createPage(texts, render);
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
