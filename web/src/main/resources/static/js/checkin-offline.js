// What the check-in desk needs to decide on its own while the network is down, with the server's own rules:
// - normalise(typed): a typed or scanned code made canonical exactly as registration-service's CheckInCodes.normalise
//   does (separators dropped, capitals, O read as 0, I and L as 1; 16 characters of Crockford's base32, else null);
// - key(normalised): its SHA-256 in lower-case hex, the "code key" the roster carries for each attendee (the desk
//   never holds the codes themselves, nor the secret that makes them). crypto.subtle when the page has it; it does
//   not on a plain-http address other than localhost, hence the small SHA-256 below;
// - decide(attendee, session) and admit(...): the check-in endpoint's rules applied to a roster entry.
// No DOM, no network, no storage here: staff-checkin.js does those.
'use strict';

window.CheckInOffline = (function () {

  const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const LENGTH = 16;
  // Java's Character.isLetterOrDigit on one UTF-16 unit: a letter (L*) or a decimal digit (Nd); a lone surrogate is neither.
  const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;

  /** The canonical code (16 characters), or null when `typed` cannot be one. */
  function normalise(typed) {
    if (typeof typed !== 'string' || typed.length > 64) {
      return null;
    }
    const upper = typed.toUpperCase();
    let out = '';
    for (let i = 0; i < upper.length; i++) {
      const c = upper.charAt(i);
      if (!LETTER_OR_DIGIT.test(c)) {
        continue;
      }
      const read = c === 'O' ? '0' : (c === 'I' || c === 'L' ? '1' : c);
      if (ALPHABET.indexOf(read) < 0) {
        return null;
      }
      out += read;
    }
    return out.length === LENGTH ? out : null;
  }

  // ---- SHA-256 (FIPS 180-4), for pages without crypto.subtle ----

  const K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];

  function rotr(x, n) {
    return (x >>> n) | (x << (32 - n));
  }

  function hex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** SHA-256 of `bytes` (a Uint8Array) as lower-case hex. */
  function sha256HexOfBytes(bytes) {
    const bitLength = bytes.length * 8;
    const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
    view.setUint32(padded.length - 4, bitLength >>> 0);
    const hash = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    const w = new Uint32Array(64);
    for (let offset = 0; offset < padded.length; offset += 64) {
      for (let i = 0; i < 16; i++) {
        w[i] = view.getUint32(offset + i * 4);
      }
      for (let i = 16; i < 64; i++) {
        const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      let [a, b, c, d, e, f, g, h] = hash;
      for (let i = 0; i < 64; i++) {
        const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) >>> 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) >>> 0;
      }
      [a, b, c, d, e, f, g, h].forEach((value, i) => { hash[i] = (hash[i] + value) >>> 0; });
    }
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    hash.forEach((value, i) => outView.setUint32(i * 4, value));
    return hex(out);
  }

  /** SHA-256 of an ASCII text (a normalised code) without crypto.subtle. */
  function sha256HexFallback(ascii) {
    return sha256HexOfBytes(new TextEncoder().encode(ascii));
  }

  /** The code key of a normalised code: its SHA-256 in lower-case hex. */
  async function key(normalised) {
    const subtle = window.crypto && window.crypto.subtle;
    if (subtle && typeof subtle.digest === 'function') {
      try {
        return hex(new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(normalised))));
      } catch (e) {
        // refused by this browser: computed below
      }
    }
    return sha256HexFallback(normalised);
  }

  // ---- the rules of POST /api/checkin, on a roster entry ----

  /**
   * What the server would answer for `attendee` (the roster entry whose codeKey matched, or undefined) at the event
   * entrance (`session` empty) or at a session's door: {outcome: 'admitted'} | {outcome: 'already', since} |
   * {outcome: 'refused', reason: 'unknown' | 'cancelled' | 'waitlisted' | 'noSeat'}.
   */
  function decide(attendee, session) {
    if (!attendee) {
      return { outcome: 'refused', reason: 'unknown' };
    }
    if (attendee.status === 'CANCELLED') {
      return { outcome: 'refused', reason: 'cancelled' };
    }
    if (attendee.status !== 'CONFIRMED') {
      return { outcome: 'refused', reason: 'waitlisted' };
    }
    if (session) {
      const seat = (attendee.sessions || []).find((s) => s.code === session);
      if (!seat || seat.status !== 'CONFIRMED') {
        return { outcome: 'refused', reason: 'noSeat' };
      }
      return seat.checkedInAt ? { outcome: 'already', since: seat.checkedInAt } : { outcome: 'admitted' };
    }
    return attendee.checkedInAt ? { outcome: 'already', since: attendee.checkedInAt } : { outcome: 'admitted' };
  }

  /** The earlier of two ISO instants (either may be missing). */
  function earliest(a, b) {
    if (!a) {
      return b || null;
    }
    if (!b) {
      return a;
    }
    return new Date(a).getTime() <= new Date(b).getTime() ? a : b;
  }

  /**
   * Records an admission at `at` in the roster entry, as the server does: the earliest time wins, and boarding a
   * session also records the arrival at the event when none was recorded.
   */
  function admit(attendee, session, at) {
    attendee.checkedInAt = earliest(attendee.checkedInAt, at);
    if (session) {
      const seat = (attendee.sessions || []).find((s) => s.code === session);
      if (seat) {
        seat.checkedInAt = earliest(seat.checkedInAt, at);
      }
    }
  }

  return {
    normalise: normalise,
    key: key,
    sha256HexFallback: sha256HexFallback,
    decide: decide,
    admit: admit,
    earliest: earliest
  };
}());
