// The privacy notice, at /privacy (linked from every page's footer and from the forms' consent).
// Texts only; the FR/EN switch is the site's (i18n.js). Test hooks: #title, the language switch #lang-fr / #lang-en.
'use strict';

(function () {
  const TEXTS = {
    en: {
      title: 'Privacy notice — Security, Democracy & Cities',
      heading: 'Privacy notice',
      intro: 'How your personal data is used when you register for an Efus event or request a press accreditation.',
      whatTitle: 'What we collect',
      whatText: 'Your name, email address, organisation, country and category; the sessions you choose; your dietary requirements and accessibility needs if you tell us; your consents. For journalists: media outlet, type of media, press card number and notes on your coverage.',
      whyTitle: 'Why',
      whyText: 'To manage your registration, your seats and the waiting lists; to send you the emails about them (confirmation, waiting list, changes, cancellation); to prepare the event (catering, accessibility); and, for journalists, for the press office to review accreditation requests.',
      whoTitle: 'Who sees it',
      whoText: 'The organisers of the event and, for accreditation requests, the press office. Your data is not sold and not used for marketing.',
      photoTitle: 'Photographs',
      photoText: 'Photographs and videos may be taken during the event. The registration form asks whether you agree to appear in them; you can register without agreeing.',
      keepTitle: 'How long',
      keepText: 'Your data is kept as long as needed to organise the event and its follow-up, then erased.',
      rightsTitle: 'Your rights',
      rightsText: 'You can see and cancel your registration at any time with the private link in your confirmation email. To access, correct or erase your data, reply to any email you received from us.',
      siteTitle: 'On this website',
      siteText: 'Your name and email address never appear in a web address. The private links in our emails keep their code after a # sign, which your browser never sends to our servers. This site stores only your choice of language in your browser, and, for the time of your visit, the answer to your registration so that the confirmation page can show it.'
    },
    fr: {
      title: 'Protection des données — Sécurité, Démocratie & Villes',
      heading: 'Protection des données personnelles',
      intro: 'Comment vos données personnelles sont utilisées lorsque vous vous inscrivez à un événement de l\u2019Efus ou demandez une accréditation presse.',
      whatTitle: 'Ce que nous recueillons',
      whatText: 'Vos nom et prénom, adresse e-mail, organisation, pays et catégorie\u00a0; les sessions que vous choisissez\u00a0; votre régime alimentaire et vos besoins d\u2019accessibilité si vous nous les indiquez\u00a0; vos consentements. Pour les journalistes\u00a0: média, type de média, numéro de carte de presse et précisions sur votre couverture.',
      whyTitle: 'Pourquoi',
      whyText: 'Pour gérer votre inscription, vos places et les listes d\u2019attente\u00a0; vous envoyer les e-mails qui s\u2019y rapportent (confirmation, liste d\u2019attente, changements, annulation)\u00a0; préparer l\u2019événement (restauration, accessibilité)\u00a0; et, pour les journalistes, permettre au service de presse d\u2019examiner les demandes d\u2019accréditation.',
      whoTitle: 'Qui y a accès',
      whoText: 'Les organisateurs de l\u2019événement et, pour les demandes d\u2019accréditation, le service de presse. Vos données ne sont ni vendues ni utilisées à des fins commerciales.',
      photoTitle: 'Photographies',
      photoText: 'Des photos et vidéos peuvent être prises pendant l\u2019événement. Le formulaire d\u2019inscription vous demande si vous acceptez d\u2019y figurer\u00a0; vous pouvez vous inscrire sans accepter.',
      keepTitle: 'Durée de conservation',
      keepText: 'Vos données sont conservées le temps nécessaire à l\u2019organisation de l\u2019événement et à son suivi, puis effacées.',
      rightsTitle: 'Vos droits',
      rightsText: 'Vous pouvez consulter et annuler votre inscription à tout moment grâce au lien personnel de votre e-mail de confirmation. Pour accéder à vos données, les corriger ou les effacer, répondez à l\u2019un des e-mails que vous avez reçus de notre part.',
      siteTitle: 'Sur ce site',
      siteText: 'Vos nom et adresse e-mail n\u2019apparaissent jamais dans une adresse web. Les liens personnels de nos e-mails placent leur code après un signe #, que votre navigateur n\u2019envoie jamais à nos serveurs. Ce site ne conserve dans votre navigateur que votre choix de langue et, le temps de votre visite, la réponse à votre inscription pour que la page de confirmation puisse l\u2019afficher.'
    }
  };

  const page = SiteI18n.createPage(TEXTS, () => {});

  document.addEventListener('DOMContentLoaded', () => page.start());
}());
