// The staff sign-in form (/staff/login). The form posts username, password and the CSRF token (_csrf) to
// /staff/login; the gateway answers with a redirect: to the page of the account's role, or back here with
// ?error (wrong user name or password: one message for both, so it never tells which accounts exist),
// ?error=expired (session over, or the form's security token was stale), ?error=busy (too many failed attempts
// from this address), ?signed-out (after signing out).
//
// Test hooks: #username, #password, [data-test="sign-in"], #message (role=status), #username-error, #password-error,
//             #already (shown when this browser is already signed in) with [data-test="sign-out"].
'use strict';

(function () {

  const form = document.getElementById('login-form');
  const fields = ['username', 'password'];
  let fieldErrors = {}; // field -> text key
  let signedInAs = null;

  const page = Staff.createPage(render);

  function render() {
    if (signedInAs) {
      document.getElementById('signed-in-as').textContent = page.t('signedInAs', { user: signedInAs });
    }
    fields.forEach((name) => {
      const input = document.getElementById(name);
      const error = document.getElementById(name + '-error');
      const key = fieldErrors[name];
      input.setAttribute('aria-invalid', String(Boolean(key)));
      error.hidden = !key;
      error.textContent = key ? page.t(key) : '';
    });
  }

  function showOutcome() {
    const params = new URLSearchParams(window.location.search);
    const error = params.get('error');
    if (params.has('signed-out')) {
      page.showMessage('signedOut', 'success');
    } else if (error === 'expired') {
      page.showMessage('expired', 'error');
    } else if (error === 'busy') {
      page.showMessage('busy', 'error');
    } else if (error !== null) {
      page.showMessage('badCredentials', 'error');
      fieldErrors = { username: 'badCredentialsField', password: 'badCredentialsField' };
      render();
    }
  }

  form.addEventListener('submit', (event) => {
    fieldErrors = {};
    fields.forEach((name) => {
      if (!document.getElementById(name).value.trim()) {
        fieldErrors[name] = 'required';
      }
    });
    render();
    const first = fields.find((name) => fieldErrors[name]);
    if (first) {
      event.preventDefault();
      document.getElementById(first).focus();
    }
  });

  async function checkAlreadySignedIn() {
    const result = await Staff.api('/staff/me', { noRedirect: true });
    if (result.ok && result.body) {
      document.getElementById('already').hidden = false;
      signedInAs = result.body.username;
      render();
    }
  }

  page.start({ whoAmI: false });
  showOutcome();
  checkAlreadySignedIn();
  document.getElementById('username').focus();
}());
