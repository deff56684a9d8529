// The "not available with your role" page: the gateway answers it with status 403 at the address that was refused
// (a press officer opening /staff/organizer, or the reverse).
//
// Test hooks: #forbidden (the heading), [data-test="sign-out"], a link to /staff (the page of one's own role).
'use strict';

(function () {

  Staff.createPage(() => {}).start();
}());
