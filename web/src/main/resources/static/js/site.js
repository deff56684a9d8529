// The one client-side core of every page, public and staff: the page's texts and language as the server wrote
// them (the JSON block #page-texts and <html lang>: the server chose the language from the visitor's cookie or
// browser), t(key, vars), date and list formatting with Intl, the language switch links (keeping the #fragment),
// and the one call to the API (JSON, problem+json refusals, Idempotency-Key, the CSRF header of staff writes).
// Nothing is stored here: not the language (a cookie set by the server), never personal data or a token.
'use strict';

window.Site = (function () {

  const SAFE_METHODS = ['GET', 'HEAD'];
  const lang = document.documentElement.lang === 'fr' ? 'fr' : 'en';
  let texts = {};
  try {
    const block = document.getElementById('page-texts');
    texts = block ? JSON.parse(block.textContent) : {};
  } catch (e) {
    texts = {}; // a broken block: the keys show instead of the texts, the page still works
  }

  function fill(text, vars) {
    Object.entries(vars || {}).forEach(([name, value]) => {
      const shown = typeof value === 'function' ? value() : value;
      text = text.split('{' + name + '}').join(String(shown));
    });
    return text;
  }

  /** The page's text for `key` with its {name} placeholders filled; the key itself when the page has no such text. */
  function t(key, vars) {
    const text = texts[key];
    return text === undefined ? key : fill(text, vars);
  }

  function has(key) {
    return texts[key] !== undefined;
  }

  /** A translated label from a table of texts ("sessionKinds", "categories"…): t('table.value'), or the raw value. */
  function label(table, value) {
    return has(table + '.' + value) ? t(table + '.' + value) : (value || '');
  }

  function locale() {
    return lang === 'fr' ? 'fr-FR' : 'en-GB';
  }

  function date(iso) {
    const value = iso ? new Date(iso) : null;
    return value && !isNaN(value.getTime()) ? value : null;
  }

  function formatter(options) {
    return new Intl.DateTimeFormat(locale(), options);
  }

  function range(format, start, end) {
    if (typeof format.formatRange === 'function') {
      return format.formatRange(start, end);
    }
    return format.format(start) + ' – ' + format.format(end);
  }

  const format = {
    /** "17–19 March 2027" in the event's time zone. */
    dateRange(startIso, endIso, timeZone) {
      const start = date(startIso);
      const end = date(endIso) || start;
      return start ? range(formatter({ day: 'numeric', month: 'long', year: 'numeric', timeZone: timeZone || undefined }),
        start, end) : '';
    },
    /** "14:00–15:30 CET" in the event's time zone. */
    timeRange(startIso, endIso, timeZone) {
      const start = date(startIso);
      const end = date(endIso) || start;
      return start ? range(formatter({ hour: '2-digit', minute: '2-digit', timeZone: timeZone || undefined,
        timeZoneName: 'short' }), start, end) : '';
    },
    /** "Wednesday 17 March 2027" in the event's time zone. */
    dayHeading(iso, timeZone) {
      const value = date(iso);
      return value ? formatter({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
        timeZone: timeZone || undefined }).format(value) : '';
    },
    /** A key that is the same for two instants of the same day in that time zone ("2027-03-17"). */
    dayKey(iso, timeZone) {
      const value = date(iso);
      return value ? new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit',
        timeZone: timeZone || undefined }).format(value) : '';
    },
    /** "17 March 2027 at 23:59 CET". */
    dateTime(iso, timeZone) {
      const value = date(iso);
      return value ? formatter({ day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
        timeZone: timeZone || undefined, timeZoneName: 'short' }).format(value) : '';
    },
    /** A date and time for staff tables; in `timeZone` when given, dateStyle 'medium' by default; '—' when absent. */
    staffDateTime(iso, timeZone, dateStyle) {
      const value = date(iso);
      if (!value) {
        return iso ? String(iso) : '—';
      }
      const options = { dateStyle: dateStyle || 'medium', timeStyle: 'short' };
      if (timeZone) {
        options.timeZone = timeZone;
      }
      try {
        return new Intl.DateTimeFormat(locale(), options).format(value);
      } catch (e) {
        return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(value);
      }
    },
    number(value) {
      return new Intl.NumberFormat(locale()).format(value);
    },
    countryName(code) {
      try {
        return new Intl.DisplayNames([locale()], { type: 'region' }).of(code) || code;
      } catch (e) {
        return code || '';
      }
    },
    /** "French", "français": the language's name inside a sentence. */
    languageName(code) {
      try {
        return new Intl.DisplayNames([locale()], { type: 'language' }).of(code) || code || '';
      } catch (e) {
        return code || '';
      }
    },
    list(items) {
      try {
        return new Intl.ListFormat(locale(), { type: 'conjunction' }).format(items);
      } catch (e) {
        return items.join(', ');
      }
    },
    /** "French and English", "Français et anglais", capitalised as a sentence start. */
    languageList(codes) {
      const text = format.list((codes || []).map(format.languageName));
      return text.charAt(0).toLocaleUpperCase(locale()) + text.slice(1);
    }
  };

  /** {text, lang} of a {fr, en} title: the page's language, else the other one (and then says which). */
  function localized(value) {
    const other = lang === 'fr' ? 'en' : 'fr';
    if (value && value[lang]) {
      return { text: value[lang], lang: lang };
    }
    if (value && value[other]) {
      return { text: value[other], lang: other };
    }
    return { text: '', lang: lang };
  }

  /** The value of the CSRF cookie ('' when absent). */
  function csrfToken() {
    const entry = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
    return entry ? decodeURIComponent(entry.substring('XSRF-TOKEN='.length)) : '';
  }

  /** A random UUID for Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      try {
        return window.crypto.randomUUID();
      } catch (e) {
        // not a secure context: built below
      }
    }
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  /**
   * The one call to the API. Never rejects: resolves to {ok, status, body} where body is the parsed JSON answer (a
   * problem+json document for refusals, its field errors in body.errors) or null; status 0 = no answer.
   * Call as call(path, {method, json, headers, idempotencyKey, staff, accept, raw, noRedirect}) or, for the public
   * pages, call(path, method, json, headers).
   * - Public and private-link calls send no cookie (credentials 'omit'): they never act as a signed-in staff member.
   * - staff: true sends the session cookie, the X-XSRF-TOKEN header on writes, and goes back to the sign-in page
   *   on a 401 (unless noRedirect). raw: resolves to {ok, status, response} without reading the body.
   * - idempotencyKey: sent as Idempotency-Key, so that a repeated write is answered once (keep the key to retry).
   * - timeout: milliseconds after which the call is given up (status 0, as with no answer at all): for a desk that
   *   must decide on its own rather than wait on a network that went silent.
   */
  async function call(path, options, json, extraHeaders) {
    const opts = typeof options === 'string' || options === undefined
      ? { method: options, json: json, headers: extraHeaders } : options;
    const method = opts.method || 'GET';
    const headers = Object.assign({ 'Accept': opts.accept || 'application/json, application/problem+json' }, opts.headers || {});
    if (opts.idempotencyKey) {
      headers['Idempotency-Key'] = opts.idempotencyKey;
    }
    if (opts.staff) {
      // Tells the gateway a script is asking: a 401 then comes without the browser's Basic dialog.
      headers['X-Requested-With'] = 'staff-page';
      if (SAFE_METHODS.indexOf(method) < 0) {
        headers['X-XSRF-TOKEN'] = csrfToken();
      }
    }
    const init = { method: method, headers: headers, cache: 'no-store', credentials: opts.staff ? 'same-origin' : 'omit' };
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.json);
    }
    let timer = null;
    if (opts.timeout && typeof AbortController === 'function') {
      const controller = new AbortController();
      init.signal = controller.signal;
      timer = setTimeout(() => controller.abort(), opts.timeout);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      return { ok: false, status: 0, body: null };
    } finally {
      clearTimeout(timer);
    }
    if (opts.staff && response.status === 401 && !opts.noRedirect) {
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

  /** The language switch links keep the #fragment (a private link's id and token stay in the browser). */
  function wireLanguageSwitch() {
    document.querySelectorAll('a[data-lang]').forEach((link) => {
      link.addEventListener('click', (event) => {
        if (window.location.hash) {
          event.preventDefault();
          window.location.assign(link.getAttribute('href') + window.location.hash);
        }
      });
    });
  }

  /**
   * The skip link moves the focus without touching the address: on the private-link pages the #fragment holds the
   * id and token, and a reload must still find them.
   */
  function wireSkipLink() {
    document.querySelectorAll('.skip-link, .skip').forEach((link) => {
      link.addEventListener('click', (event) => {
        const target = document.getElementById('main');
        if (target) {
          event.preventDefault();
          if (!target.hasAttribute('tabindex')) {
            target.setAttribute('tabindex', '-1');
          }
          target.focus();
        }
      });
    });
  }

  /**
   * A page: its texts and formatting, and the status line (#message, role=status). `render` draws what the page
   * builds from data; start() wires the shared parts and calls it once.
   */
  function createPage(render) {
    const page = Object.assign({ lang: lang, message: null, t: t, has: has, label: label, locale: locale,
      localized: localized }, format);

    /** Puts a localized title into an element, marking its language when it differs from the page's. */
    page.putLocalized = function (node, value, fallback) {
      const shown = localized(value);
      node.textContent = shown.text || fallback || '';
      if (shown.text && shown.lang !== lang) {
        node.lang = shown.lang;
      } else {
        node.removeAttribute('lang');
      }
      return node;
    };

    /** Shows a translated message in the status line; null clears it. */
    page.showMessage = function (key, kind, vars) {
      page.message = key ? { key: key, kind: kind || '', vars: vars } : null;
      const box = document.getElementById('message');
      if (!box) {
        return;
      }
      box.className = 'message' + (kind ? ' ' + kind : '');
      box.textContent = key ? t(key, vars) : '';
    };

    page.start = function () {
      wireLanguageSwitch();
      wireSkipLink();
      if (render) {
        render();
      }
    };
    return page;
  }

  return Object.assign({
    lang: lang, t: t, has: has, label: label, locale: locale, localized: localized, format: format,
    call: call, fieldErrors: fieldErrors, csrfToken: csrfToken, newKey: newKey, createPage: createPage
  }, {});
}());
