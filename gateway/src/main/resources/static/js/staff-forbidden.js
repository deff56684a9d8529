// The "not available with your role" page: the gateway answers it with status 403 at the address that was refused
// (a press officer opening /staff/organizer, or the reverse).
//
// Test hooks: #forbidden (the heading), [data-test="sign-out"], a link to /staff (the page of one's own role).
'use strict';

(function () {
  const TEXTS = {
    en: {
      title: 'Not available with your role',
      heading: 'This page is not available with your role',
      explanation: 'Your account is signed in, but this page needs another staff role (403). Sign out and sign in with the right account, or go back to your own page.',
      goToMyPage: 'Go to my page'
    },
    fr: {
      title: 'Non disponible avec votre rôle',
      heading: 'Cette page n’est pas disponible avec votre rôle',
      explanation: 'Votre compte est connecté, mais cette page demande un autre rôle (403). Déconnectez-vous et reconnectez-vous avec le bon compte, ou revenez à votre page.',
      goToMyPage: 'Aller à ma page'
    }
  };

  Staff.createPage(TEXTS, () => {}).start();
}());
