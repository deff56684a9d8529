// Shared by the pages opened from an emailed private link (/manage, /accreditation): the link is
// /<page>#id=…&token=…, and the fragment is never sent to a server. The token travels only in the
// X-Manage-Token header of same-origin API calls; it is never logged, stored or put in a URL.
// Needs site.js (texts, language, the API call) loaded before it.
'use strict';

window.PrivateLink = (function () {

  /** The id and token from the address's #fragment (empty strings when absent). */
  function readFragment() {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    return { id: params.get('id') || '', token: params.get('token') || '' };
  }

  /**
   * One API call carrying the private token. Never rejects: resolves to {ok, status, body} where body
   * is the parsed JSON answer (a problem+json document for refusals) or null; status 0 = no answer.
   * credentials 'omit': the page acts as the link's holder, never as a signed-in staff member.
   */
  function call(path, method, token, json) {
    return Site.call(path, { method: method, json: json, headers: { 'X-Manage-Token': token } });
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

  return { readFragment: readFragment, call: call, fieldErrors: fieldErrors, failureKey: failureKey };
}());
