// The one FR/EN mechanism of the public pages (and of the private-link pages, through private-link.js):
// which language to show, the shared texts (header, footer, kinds, categories, statuses…), the page
// texts switch, and the formatting of dates, countries and languages in the current language.
// Language order: ?lang=fr|en, then the choice remembered in localStorage, then the browser's languages.
// Only the language choice is ever stored here; never personal data, never a token.
'use strict';

window.SiteI18n = (function () {
  const STORAGE_KEY = 'efus.lang';
  const LANGUAGES = ['fr', 'en'];

  /**
   * ISO 3166-1 alpha-2 codes the services accept (java.util.Locale.getISOCountries(), JDK 17): a code the
   * form offers is a code the service takes. The names come from Intl.DisplayNames in the page's language.
   */
  const COUNTRY_CODES = ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR '
    + 'BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES '
    + 'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN '
    + 'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG '
    + 'MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL '
    + 'PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF '
    + 'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' ');

  /** Texts every page shares; a page's own texts win over these for the same key. */
  const COMMON = {
    en: {
      skipToContent: 'Skip to main content',
      siteOrg: 'Efus',
      siteName: 'Security, Democracy & Cities',
      navLabel: 'Main menu',
      navEvents: 'Events',
      navPress: 'Press',
      footerOrganiser: 'Organised by Efus, the European Forum for Urban Security, a network of some 250 European cities and regions working on urban security and crime prevention.',
      footerPrivacy: 'Your personal data is used only to organise your participation and is never shown in a web address.',
      privacyLink: 'Privacy notice',
      staffLink: 'Staff sign-in',
      loading: 'Loading…',
      unavailable: 'The service is not available right now. Please try again in a few minutes.',
      tooMany: 'Too many attempts. Please wait a moment and try again.',
      eventNotFound: 'This event does not exist or is no longer published.',
      backToEvents: 'See all events',
      optional: '(optional)',
      online: 'Online',
      sessionLanguages: { fr: 'In French', en: 'In English' },
      seatsLeftN: '{n} seats left',
      seatsLeftOne: '1 seat left',
      noSeatLimit: 'No seat limit',
      fullWaitlist: 'Full: waiting list ({n} waiting)',
      fullWaitlistEmpty: 'Full: waiting list',
      // Forms: the error summary and the inline messages, the same rules as the services (see site.js).
      errorSummaryTitle: 'There is a problem',
      errRequired: 'Please fill in this field.',
      errChoose: 'Please choose an option from the list.',
      errTooLong: 'Too long: at most {max} characters.',
      errNoLineBreaks: 'Please remove line breaks and special characters such as tabs.',
      errControl: 'Please remove special characters such as tabs.',
      errEmail: 'Please enter a valid email address, such as name@example.org.',
      errCountry: 'Please choose a country from the list.',
      errCategory: 'Please choose a category from the list.',
      errPressCategory: 'Journalists do not register here: please request a press accreditation.',
      errLanguage: 'Please choose French or English.',
      errPrivacy: 'Please accept the privacy notice to register.',
      errMediaType: 'Please choose a type of media from the list.',
      errTooLarge: 'Your answers are too long to be sent. Please shorten the longest texts and try again.',
      errNotSent: 'Nothing was sent: please correct the fields listed.',
      errNetwork: 'Your browser could not reach the service. Please check your connection and send the form again.',
      eventKinds: { CONFERENCE: 'Conference', WEBCONFERENCE: 'Webconference' },
      sessionKinds: { PLENARY: 'Plenary session', WORKSHOP: 'Workshop', FIELD_VISIT: 'Field visit', WEBINAR: 'Webinar' },
      categories: {
        ELECTED_OFFICIAL: 'Elected official',
        LOCAL_AUTHORITY: 'Local or regional authority staff',
        POLICE: 'Police',
        JUSTICE: 'Justice',
        SOCIAL_WORKER: 'Social worker, mediator',
        RESEARCHER: 'Researcher, university',
        EUROPEAN_INSTITUTION: 'European institution',
        INTERNATIONAL_ORGANISATION: 'International organisation',
        PRIVATE_SECTOR: 'Private sector',
        CIVIL_SOCIETY: 'Civil society, association',
        SPEAKER: 'Speaker',
        OTHER: 'Other'
      },
      mediaTypes: {
        PRINT: 'Print press',
        ONLINE: 'Online media',
        RADIO: 'Radio',
        TV: 'Television',
        PHOTO: 'Photography',
        AGENCY: 'News agency',
        FREELANCE: 'Freelance journalist'
      }
    },
    fr: {
      skipToContent: 'Aller au contenu principal',
      siteOrg: 'Efus',
      siteName: 'Sécurité, Démocratie & Villes',
      navLabel: 'Menu principal',
      navEvents: 'Événements',
      navPress: 'Presse',
      footerOrganiser: 'Organisé par l\u2019Efus, le Forum européen pour la sécurité urbaine, réseau de quelque 250 villes et régions européennes engagées pour la sécurité urbaine et la prévention de la délinquance.',
      footerPrivacy: 'Vos données personnelles servent uniquement à organiser votre participation et n\u2019apparaissent jamais dans une adresse web.',
      privacyLink: 'Protection des données',
      staffLink: 'Connexion de l’équipe',
      loading: 'Chargement…',
      unavailable: 'Le service n\u2019est pas disponible pour le moment. Réessayez dans quelques minutes.',
      tooMany: 'Trop de tentatives. Patientez un instant puis réessayez.',
      eventNotFound: 'Cet événement n\u2019existe pas ou n\u2019est plus publié.',
      backToEvents: 'Voir tous les événements',
      optional: '(facultatif)',
      online: 'En ligne',
      sessionLanguages: { fr: 'En français', en: 'En anglais' },
      seatsLeftN: '{n} places restantes',
      seatsLeftOne: '1 place restante',
      noSeatLimit: 'Sans limite de places',
      fullWaitlist: 'Complet\u00a0: liste d\u2019attente ({n} en attente)',
      fullWaitlistEmpty: 'Complet\u00a0: liste d\u2019attente',
      errorSummaryTitle: 'Un problème est survenu',
      errRequired: 'Veuillez remplir ce champ.',
      errChoose: 'Veuillez choisir une option dans la liste.',
      errTooLong: 'Trop long\u00a0: {max} caractères au maximum.',
      errNoLineBreaks: 'Veuillez retirer les retours à la ligne et les caractères spéciaux comme les tabulations.',
      errControl: 'Veuillez retirer les caractères spéciaux comme les tabulations.',
      errEmail: 'Veuillez saisir une adresse e-mail valide, par exemple nom@exemple.org.',
      errCountry: 'Veuillez choisir un pays dans la liste.',
      errCategory: 'Veuillez choisir une catégorie dans la liste.',
      errPressCategory: 'Les journalistes ne s\u2019inscrivent pas ici\u00a0: veuillez demander une accréditation presse.',
      errLanguage: 'Veuillez choisir le français ou l\u2019anglais.',
      errPrivacy: 'Veuillez accepter la notice de protection des données pour vous inscrire.',
      errMediaType: 'Veuillez choisir un type de média dans la liste.',
      errTooLarge: 'Vos réponses sont trop longues pour être envoyées. Raccourcissez les textes les plus longs puis réessayez.',
      errNotSent: 'Rien n\u2019a été envoyé\u00a0: veuillez corriger les champs indiqués.',
      errNetwork: 'Votre navigateur n\u2019a pas pu joindre le service. Vérifiez votre connexion puis renvoyez le formulaire.',
      eventKinds: { CONFERENCE: 'Conférence', WEBCONFERENCE: 'Webconférence' },
      sessionKinds: { PLENARY: 'Séance plénière', WORKSHOP: 'Atelier', FIELD_VISIT: 'Visite de terrain', WEBINAR: 'Webinaire' },
      categories: {
        ELECTED_OFFICIAL: 'Élu·e',
        LOCAL_AUTHORITY: 'Agent·e d\u2019une collectivité territoriale',
        POLICE: 'Police',
        JUSTICE: 'Justice',
        SOCIAL_WORKER: 'Travailleur·se social·e, médiateur·rice',
        RESEARCHER: 'Chercheur·se, université',
        EUROPEAN_INSTITUTION: 'Institution européenne',
        INTERNATIONAL_ORGANISATION: 'Organisation internationale',
        PRIVATE_SECTOR: 'Secteur privé',
        CIVIL_SOCIETY: 'Société civile, association',
        SPEAKER: 'Intervenant·e',
        OTHER: 'Autre'
      },
      mediaTypes: {
        PRINT: 'Presse écrite',
        ONLINE: 'Presse en ligne',
        RADIO: 'Radio',
        TV: 'Télévision',
        PHOTO: 'Photographie',
        AGENCY: 'Agence de presse',
        FREELANCE: 'Journaliste indépendant·e (pigiste)'
      }
    }
  };

  function readStored() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return null; // storage disabled: the browser's language decides
    }
  }

  /** Remembers an explicit choice (a click on the switch, or ?lang= in the address). */
  function remember(lang) {
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch (e) {
      // storage disabled or full: the choice lasts for this page only
    }
  }

  /** ?lang=fr|en wins (and is remembered), then the remembered choice, then the browser's languages; English otherwise. */
  function initialLanguage() {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (LANGUAGES.includes(asked)) {
      remember(asked);
      return asked;
    }
    const stored = readStored();
    if (LANGUAGES.includes(stored)) {
      return stored;
    }
    const preferred = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''])
      .map((tag) => String(tag).toLowerCase().slice(0, 2))
      .find((code) => LANGUAGES.includes(code));
    return preferred || 'en';
  }

  function fill(text, vars) {
    Object.entries(vars || {}).forEach(([name, value]) => {
      const shown = typeof value === 'function' ? value() : value;
      text = text.split('{' + name + '}').join(String(shown));
    });
    return text;
  }

  /**
   * The page's texts and language: fills every [data-i18n] element (its whole text: keep those elements
   * leaves), every attribute named in data-i18n-attr="attribute:key;…", drives the FR/EN switch
   * ([data-lang] buttons, aria-pressed) and the status line (#message, role=status). `render` is called
   * after each language change so the page can redraw what it built from data.
   */
  function createPage(texts, render) {
    const page = { lang: 'en', message: null };

    function lookup(lang, key) {
      const own = texts[lang] ? texts[lang][key] : undefined;
      return own !== undefined ? own : COMMON[lang][key];
    }

    page.t = function (key, vars) {
      const text = lookup(page.lang, key);
      if (text === undefined) {
        return key;
      }
      return typeof text === 'string' ? fill(text, vars) : text;
    };

    /** A translated label from one of the shared tables (eventKinds, sessionKinds, categories…); the raw value otherwise. */
    page.label = function (table, value) {
      const entries = page.t(table);
      return entries && typeof entries === 'object' && entries[value] ? entries[value] : (value || '');
    };

    /** Shows a translated message (re-translated on a language change); null clears it. */
    page.showMessage = function (key, kind, vars) {
      page.message = key ? { key: key, kind: kind || '', vars: vars } : null;
      const box = document.getElementById('message');
      if (!box) {
        return;
      }
      box.className = 'message' + (kind ? ' ' + kind : '');
      box.textContent = key ? page.t(key, vars) : '';
    };

    page.translateStatic = function (root) {
      (root || document).querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = page.t(node.dataset.i18n); });
      (root || document).querySelectorAll('[data-i18n-attr]').forEach((node) => {
        node.dataset.i18nAttr.split(';').forEach((pair) => {
          const [attribute, key] = pair.split(':').map((part) => part.trim());
          if (attribute && key) {
            node.setAttribute(attribute, page.t(key));
          }
        });
      });
    };

    page.setLanguage = function (lang) {
      page.lang = LANGUAGES.includes(lang) ? lang : 'en';
      document.documentElement.lang = page.lang;
      document.title = page.t('title');
      page.translateStatic(document);
      document.querySelectorAll('[data-lang]').forEach((button) => {
        button.setAttribute('aria-pressed', String(button.dataset.lang === page.lang));
      });
      if (page.message) {
        page.showMessage(page.message.key, page.message.kind, page.message.vars);
      }
      render();
      // Keep the address in step with what is shown (the #fragment stays where it is, client-side only).
      const url = new URL(window.location.href);
      url.searchParams.set('lang', page.lang);
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    };

    /** Wires the language switch and applies the initial language. */
    page.start = function () {
      document.querySelectorAll('[data-lang]').forEach((button) => {
        button.addEventListener('click', () => {
          remember(button.dataset.lang);
          page.setLanguage(button.dataset.lang);
        });
      });
      markCurrentNav();
      wireSkipLink();
      page.setLanguage(initialLanguage());
    };

    // --- formatting in the page's language ---------------------------------------------------------------------

    page.locale = function () {
      return page.lang === 'fr' ? 'fr-FR' : 'en-GB';
    };

    /** {text, lang} of a {fr, en} title: the page's language, else the other one (and then says which). */
    page.localized = function (value) {
      const other = page.lang === 'fr' ? 'en' : 'fr';
      if (value && value[page.lang]) {
        return { text: value[page.lang], lang: page.lang };
      }
      if (value && value[other]) {
        return { text: value[other], lang: other };
      }
      return { text: '', lang: page.lang };
    };

    /** Puts a localized title into an element, marking its language when it differs from the page's. */
    page.putLocalized = function (node, value, fallback) {
      const shown = page.localized(value);
      node.textContent = shown.text || fallback || '';
      if (shown.text && shown.lang !== page.lang) {
        node.lang = shown.lang;
      } else {
        node.removeAttribute('lang');
      }
      return node;
    };

    function formatter(options) {
      return new Intl.DateTimeFormat(page.locale(), options);
    }

    function range(format, start, end) {
      if (typeof format.formatRange === 'function') {
        return format.formatRange(start, end);
      }
      return format.format(start) + ' – ' + format.format(end);
    }

    function date(iso) {
      const value = iso ? new Date(iso) : null;
      return value && !isNaN(value.getTime()) ? value : null;
    }

    /** "17–19 March 2027" in the event's time zone. */
    page.dateRange = function (startIso, endIso, timeZone) {
      const start = date(startIso);
      const end = date(endIso) || start;
      if (!start) {
        return '';
      }
      return range(formatter({ day: 'numeric', month: 'long', year: 'numeric', timeZone: timeZone || undefined }), start, end);
    };

    /** "14:00–15:30 CET" in the event's time zone. */
    page.timeRange = function (startIso, endIso, timeZone) {
      const start = date(startIso);
      const end = date(endIso) || start;
      if (!start) {
        return '';
      }
      return range(formatter({ hour: '2-digit', minute: '2-digit', timeZone: timeZone || undefined, timeZoneName: 'short' }),
        start, end);
    };

    /** "Wednesday 17 March 2027" in the event's time zone. */
    page.dayHeading = function (iso, timeZone) {
      const value = date(iso);
      return value ? formatter({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
        timeZone: timeZone || undefined }).format(value) : '';
    };

    /** A key that is the same for two instants of the same day in that time zone ("2027-03-17"). */
    page.dayKey = function (iso, timeZone) {
      const value = date(iso);
      return value ? new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit',
        timeZone: timeZone || undefined }).format(value) : '';
    };

    /** "17 March 2027 at 23:59 CET". */
    page.dateTime = function (iso, timeZone) {
      const value = date(iso);
      return value ? formatter({ day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
        timeZone: timeZone || undefined, timeZoneName: 'short' }).format(value) : '';
    };

    page.countryName = function (code) {
      try {
        return new Intl.DisplayNames([page.locale()], { type: 'region' }).of(code) || code;
      } catch (e) {
        return code || '';
      }
    };

    /** "French", "français": the language's name as the page's language writes it inside a sentence. */
    page.languageName = function (code) {
      try {
        return new Intl.DisplayNames([page.locale()], { type: 'language' }).of(code) || code || '';
      } catch (e) {
        return code || ''; // an old browser: the code is still understandable
      }
    };

    /** "French and English", "Français et anglais": a list of languages, capitalised as a sentence start. */
    page.languageList = function (codes) {
      const text = page.list((codes || []).map(page.languageName));
      return text.charAt(0).toLocaleUpperCase(page.locale()) + text.slice(1);
    };

    page.list = function (items) {
      try {
        return new Intl.ListFormat(page.locale(), { type: 'conjunction' }).format(items);
      } catch (e) {
        return items.join(', ');
      }
    };

    /** The countries as [{code, name}] sorted by their name in the page's language. */
    page.countries = function () {
      const collator = new Intl.Collator(page.locale());
      return COUNTRY_CODES.map((code) => ({ code: code, name: page.countryName(code) }))
        .sort((a, b) => collator.compare(a.name, b.name));
    };

    return page;
  }

  /**
   * The skip link moves the focus without touching the address: on the private-link pages the #fragment
   * holds the id and token, and a reload must still find them.
   */
  function wireSkipLink() {
    document.querySelectorAll('.skip-link').forEach((link) => {
      link.addEventListener('click', (event) => {
        const target = document.getElementById('main');
        if (target) {
          event.preventDefault();
          target.focus();
        }
      });
    });
  }

  /** aria-current="page" on the main menu entry for this address. */
  function markCurrentNav() {
    const path = window.location.pathname;
    const current = path === '/press' || /^\/events\/[^/]+\/press$/.test(path) ? 'press'
      : (path === '/' || path.startsWith('/events/') ? 'events' : '');
    document.querySelectorAll('[data-nav]').forEach((link) => {
      if (link.dataset.nav === current) {
        link.setAttribute('aria-current', link.getAttribute('href') === path ? 'page' : 'true');
      } else {
        link.removeAttribute('aria-current');
      }
    });
  }

  return { createPage: createPage, initialLanguage: initialLanguage, remember: remember, COUNTRY_CODES: COUNTRY_CODES };
}());
