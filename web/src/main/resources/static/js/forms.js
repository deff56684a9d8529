// Shared by the public pages (event, register, registered, press, the private-link pages): the
// event code in the address, the hand-over of an answer to the next page (sessionStorage, never the
// address), and the forms' checks and error display. Needs site.js loaded before it.
//
// Form conventions (the browser tests rely on them): each input's id is its API field name; its error is
// in #<field>-error (tied to the input with aria-describedby and aria-invalid while shown); the summary is
// #error-summary (role=alert, focused after a refused submission) with one link per field to fix.
'use strict';

window.Forms = (function () {

  // The services' rules (service-kit InputRules): one-line fields take no control character at all,
  // free text takes line breaks and nothing else below 0x20.
  const CONTROL = /[\u0000-\u001F\u007F]/;
  const FREE_TEXT_CONTROL = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/;
  const EMAIL = /^[^\s"<>()[\]\\,;:@\u0000-\u001F\u007F]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

  /** The message key for a failed call that is nobody's fault in the form; `sending`: a form was being sent. */
  function failureKey(result, sending) {
    if (result.status === 0 && sending) {
      return 'errNetwork';
    }
    if (result.status === 413) {
      return 'errTooLarge';
    }
    return result.status === 429 ? 'tooMany' : 'unavailable';
  }

  /** The event code of /events/{code}[/…] (or /press/{code}); '' when the address has none. */
  function eventCode() {
    const match = window.location.pathname.match(/^\/(?:events|press)\/([^/]+)/);
    if (!match) {
      return '';
    }
    try {
      return decodeURIComponent(match[1]);
    } catch (e) {
      return '';
    }
  }

  function eventPath(code, suffix) {
    return '/events/' + encodeURIComponent(code) + (suffix || '');
  }

  /**
   * What one page hands to the next in this tab only (sessionStorage: gone when the tab closes, never in
   * the address, never sent anywhere).
   */
  const handoff = {
    save(name, value) {
      try {
        window.sessionStorage.setItem('efus.' + name, JSON.stringify(value));
        return true;
      } catch (e) {
        return false;
      }
    },
    load(name) {
      try {
        const text = window.sessionStorage.getItem('efus.' + name);
        return text ? JSON.parse(text) : null;
      } catch (e) {
        return null;
      }
    }
  };

  // --- checks: each returns null (fine) or {key, vars} --------------------------------------------------------------

  const rules = {
    required(key) {
      return (value) => (value === '' || value === null || value === undefined || value === false
        ? { key: key || 'errRequired' } : null);
    },
    maxLength(max) {
      return (value) => (typeof value === 'string' && value.length > max ? { key: 'errTooLong', vars: { max: max } } : null);
    },
    oneLine() {
      return (value) => (typeof value === 'string' && CONTROL.test(value) ? { key: 'errNoLineBreaks' } : null);
    },
    freeText() {
      return (value) => (typeof value === 'string' && FREE_TEXT_CONTROL.test(value) ? { key: 'errControl' } : null);
    },
    email() {
      return (value) => {
        if (!value) {
          return null;
        }
        const local = value.slice(0, value.lastIndexOf('@'));
        return EMAIL.test(value) && local.length <= 64 ? null : { key: 'errEmail' };
      };
    },
    oneOf(values, key) {
      return (value) => (value && !values.includes(value) ? { key: key } : null);
    },
    accepted(key) {
      return (value) => (value === true ? null : { key: key });
    }
  };

  /** The services' English validation messages, as our translated keys when we know them. */
  function translateServerMessage(message) {
    const text = String(message || '');
    let match;
    if (/^is required/i.test(text) || /must not be (blank|null|empty)/i.test(text)) {
      return { key: 'errRequired' };
    }
    if ((match = text.match(/at most (\d+) characters/i))) {
      return { key: 'errTooLong', vars: { max: match[1] } };
    }
    if (/line breaks or control/i.test(text)) {
      return { key: 'errNoLineBreaks' };
    }
    if (/control character/i.test(text)) {
      return { key: 'errControl' };
    }
    if (/valid email/i.test(text)) {
      return { key: 'errEmail' };
    }
    if (/ISO 3166|unknown country/i.test(text)) {
      return { key: 'errCountry' };
    }
    if (/journalists request/i.test(text)) {
      return { key: 'errPressCategory' };
    }
    if (/unknown category/i.test(text)) {
      return { key: 'errCategory' };
    }
    if (/fr or en/i.test(text)) {
      return { key: 'errLanguage' };
    }
    if (/must be accepted|must be true/i.test(text)) {
      return { key: 'errPrivacy' };
    }
    if (/must be one of PRINT/i.test(text)) {
      return { key: 'errMediaType' };
    }
    return { text: text };
  }

  /**
   * A form's errors: the inline message next to each field and the summary at the top.
   * config.fields: {name: {label: textKey, rules: [check…], value: () => value, focus: () => element,
   * describe: [elements that get aria-invalid/aria-describedby] (default: the element with id=name)}}.
   * config.translate(field, message): optional, for messages only the page understands; returns {key, vars}
   * or {text} or null to use the shared translation. config.fieldOf(serverField): the form field for a
   * field name in a problem document (default: the name itself when it is a field of the form).
   */
  function createForm(page, config) {
    const fields = config.fields;
    const summary = document.getElementById('error-summary');
    const summaryList = document.getElementById('error-summary-list');
    // errors: [{field, key, vars} | {field, text}]; field null = about the whole form.
    let errors = [];

    Object.keys(fields).forEach((name) => {
      describedElements(name).forEach((node) => {
        node.dataset.describedby = node.getAttribute('aria-describedby') || '';
      });
    });

    function describedElements(name) {
      const field = fields[name];
      if (field.describe) {
        return field.describe();
      }
      const node = document.getElementById(name);
      return node ? [node] : [];
    }

    function messageOf(error) {
      if (error.key) {
        return page.t(error.key, error.vars);
      }
      return error.text || '';
    }

    function focusField(name) {
      const field = fields[name];
      const target = field && field.focus ? field.focus() : document.getElementById(name);
      if (target) {
        target.focus();
        if (typeof target.scrollIntoView === 'function') {
          target.scrollIntoView({ block: 'center' });
        }
      }
    }

    function renderField(name) {
      const own = errors.filter((error) => error.field === name);
      const box = document.getElementById(name + '-error');
      if (box) {
        box.replaceChildren();
        own.forEach((error) => {
          const line = document.createElement('span');
          line.className = 'error-line';
          line.textContent = messageOf(error);
          if (error.test) {
            line.dataset.test = error.test;
          }
          if (!error.key) {
            line.lang = 'en'; // a service message we have no translation for is in English
          }
          box.appendChild(line);
        });
        box.hidden = own.length === 0;
      }
      describedElements(name).forEach((node) => {
        const base = node.dataset.describedby || '';
        // An error may name the elements it is about (targets), e.g. the two sessions that overlap.
        const invalid = own.some((error) => !error.targets || error.targets.includes(node));
        if (invalid) {
          node.setAttribute('aria-invalid', 'true');
          node.setAttribute('aria-describedby', (name + '-error ' + base).trim());
        } else {
          node.removeAttribute('aria-invalid');
          if (base) {
            node.setAttribute('aria-describedby', base);
          } else {
            node.removeAttribute('aria-describedby');
          }
        }
      });
    }

    function renderSummary() {
      summaryList.replaceChildren();
      errors.forEach((error) => {
        const item = document.createElement('li');
        const text = messageOf(error);
        if (error.field && fields[error.field]) {
          const link = document.createElement('a');
          link.href = '#' + error.field;
          link.dataset.field = error.field;
          link.textContent = page.t(fields[error.field].label) + (page.lang === 'fr' ? '\u00a0: ' : ': ') + text;
          item.appendChild(link);
        } else {
          item.textContent = text;
        }
        if (!error.key) {
          item.lang = 'en';
        }
        summaryList.appendChild(item);
      });
      summary.hidden = errors.length === 0;
    }

    function render() {
      Object.keys(fields).forEach(renderField);
      renderSummary();
    }

    /** Runs every field's checks; returns the errors (not shown). */
    function validate() {
      const found = [];
      Object.entries(fields).forEach(([name, field]) => {
        const value = field.value ? field.value() : undefined;
        for (const rule of field.rules || []) {
          const problem = rule(value);
          if (problem) {
            found.push(Object.assign({ field: name }, problem));
            break; // one message per field, the first rule that fails
          }
        }
      });
      return found.concat(config.extraChecks ? config.extraChecks() : []);
    }

    /** Shows these errors; with focusSummary, the summary takes the focus (and is announced: role=alert). */
    function show(list, focusSummary) {
      errors = list.slice();
      render();
      if (focusSummary && errors.length) {
        summary.focus();
        if (typeof summary.scrollIntoView === 'function') {
          summary.scrollIntoView({ block: 'start' });
        }
      }
    }

    /** Replaces one field's errors without touching the focus (live checks as the person types or ticks). */
    function setField(name, list) {
      errors = errors.filter((error) => error.field !== name).concat(list);
      renderField(name);
      if (!summary.hidden || list.length === 0) {
        renderSummary();
      }
    }

    /** The errors of a problem+json answer, on their fields when the form has them. */
    function fromProblem(problem) {
      const list = problem && Array.isArray(problem.errors) ? problem.errors : [];
      return list.map((entry) => {
        const serverField = String(entry && entry.field || '');
        const field = config.fieldOf ? config.fieldOf(serverField) : (fields[serverField] ? serverField : null);
        const translated = (config.translate && config.translate(serverField, entry.message)) || translateServerMessage(entry.message);
        return Object.assign({ field: field && fields[field] ? field : null }, translated);
      });
    }

    summary.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-field]');
      if (link) {
        event.preventDefault();
        focusField(link.dataset.field);
      }
    });

    // A field fixed after a refused submission loses its message at once (a new problem waits for the next submit).
    Object.entries(fields).forEach(([name, field]) => {
      describedElements(name).forEach((node) => {
        const recheck = () => {
          if (!errors.some((error) => error.field === name && !error.live)) {
            return;
          }
          const value = field.value ? field.value() : undefined;
          if ((field.rules || []).every((rule) => !rule(value))) {
            setField(name, errors.filter((error) => error.field === name && error.live));
          }
        };
        node.addEventListener('input', recheck);
        node.addEventListener('change', recheck);
      });
    });

    return {
      validate: validate,
      show: show,
      setField: setField,
      fromProblem: fromProblem,
      render: render,
      errors: () => errors.slice(),
      clear: () => show([], false)
    };
  }

  /** The trimmed value of a text field, '' when absent. */
  function text(id) {
    const node = document.getElementById(id);
    return node ? node.value.trim() : '';
  }

  /** Fills a <select> with options, keeping the chosen value; the first option is the "choose" prompt. */
  function fillSelect(select, prompt, options) {
    const chosen = select.value;
    const nodes = [];
    const first = document.createElement('option');
    first.value = '';
    first.textContent = prompt;
    nodes.push(first);
    options.forEach((option) => {
      const node = document.createElement('option');
      node.value = option.value;
      node.textContent = option.label;
      if (option.lang) {
        node.lang = option.lang;
      }
      nodes.push(node);
    });
    select.replaceChildren(...nodes);
    select.value = chosen;
  }

  /** The values a <select> offers (the server wrote them: the lists the services accept), without the prompt. */
  function optionValues(id) {
    const select = document.getElementById(id);
    return select ? Array.from(select.options).map((option) => option.value).filter(Boolean) : [];
  }

  /** A session's seats as {text, full}: "12 seats left", "No seat limit" or "Full: waiting list (3 waiting)". */
  function seats(page, session) {
    if (session.seatsLeft === null || session.seatsLeft === undefined) {
      return { text: page.t('noSeatLimit'), full: false };
    }
    if (session.seatsLeft <= 0) {
      const waiting = session.waitlistLength || 0;
      return { text: waiting > 0 ? page.t('fullWaitlist', { n: waiting }) : page.t('fullWaitlistEmpty'), full: true };
    }
    return { text: session.seatsLeft === 1 ? page.t('seatsLeftOne') : page.t('seatsLeftN', { n: session.seatsLeft }), full: false };
  }

  /** The sessions of an event grouped by day in the event's time zone, in time order: [{key, first, sessions}]. */
  function byDay(page, sessions, timeZone) {
    const days = new Map();
    sessions.slice().sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt)).forEach((session) => {
      const key = page.dayKey(session.startsAt, timeZone);
      if (!days.has(key)) {
        days.set(key, { key: key, first: session.startsAt, sessions: [] });
      }
      days.get(key).sessions.push(session);
    });
    return Array.from(days.values());
  }

  function el(tag, className, textContent) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (textContent !== undefined && textContent !== null) {
      node.textContent = textContent;
    }
    return node;
  }

  return {
    failureKey: failureKey,
    eventCode: eventCode,
    eventPath: eventPath,
    handoff: handoff,
    rules: rules,
    translateServerMessage: translateServerMessage,
    createForm: createForm,
    text: text,
    fillSelect: fillSelect,
    optionValues: optionValues,
    seats: seats,
    byDay: byDay,
    el: el
  };
}());
