// The event page's live part: the server wrote the event and its programme; this keeps the seats left and the
// waiting lists up to date while the page is open (every 30 seconds, and when the tab comes back into view).
//
// Test hooks (written by the server): #event-title, #event-kind, #event-dates, #event-place, #event-languages,
// #event-seats, [data-test="registration-state"][data-open], #register-link, #press-link, #programme with
// section[data-test="day"][data-day="YYYY-MM-DD"] > li[data-test="session"][data-session="<code>"][data-full]
// holding [data-test="session-time|session-title|session-kind|session-language|session-seats"]; #not-found.
'use strict';

(function () {
  const REFRESH_MS = 30000;
  const page = Site.createPage();
  let timer = null;

  function code() {
    const main = document.getElementById('main');
    return main ? main.dataset.code || '' : '';
  }

  /** Updates the seats of each session the page shows; sessions added or removed wait for the next page load. */
  function showSeats(event) {
    (event.sessions || []).forEach((session) => {
      const item = document.querySelector('li[data-test="session"][data-session="' + CSS.escape(session.code) + '"]');
      if (!item) {
        return;
      }
      const left = Forms.seats(page, session);
      item.dataset.full = String(left.full);
      item.classList.toggle('is-full', left.full);
      const seats = item.querySelector('[data-test="session-seats"]');
      if (seats && seats.textContent !== left.text) {
        seats.textContent = left.text;
        seats.className = left.full ? 'seats-full' : '';
      }
    });
  }

  async function refresh() {
    if (document.hidden || !code() || !document.getElementById('event')) {
      return;
    }
    const result = await Site.call('/api/events/' + encodeURIComponent(code()));
    if (result.ok && result.body) {
      showSeats(result.body);
    }
    // A failed refresh keeps what the server wrote: the page stays readable; the next round tries again.
  }

  document.addEventListener('DOMContentLoaded', () => {
    page.start();
    if (document.getElementById('event')) {
      timer = window.setInterval(refresh, REFRESH_MS);
      document.addEventListener('visibilitychange', () => {
        if (!document.hidden) {
          refresh();
        }
      });
    } else if (document.getElementById('message').textContent) {
      timer = null; // the catalogue was unavailable: the message is already shown
    }
  });
}());
