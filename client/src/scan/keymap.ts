// USB barcode scanners are keyboards that press *physical* keys as if the layout were US English. The OS then
// translates them with its own layout: on Arabic 101 the key for N types "ى", on French AZERTY the digit row types
// "&é\"'(-è_çà". KeyboardEvent.code names the physical key whatever the layout, so mapping it back through the US
// layout recovers what the scanner meant. The server normalises too; this makes the text right as it is typed.

const LETTER = /^Key([A-Z])$/;
const DIGIT = /^Digit([0-9])$/;
const NUMPAD_DIGIT = /^Numpad([0-9])$/;

/** Unshifted and shifted characters of the US layout's punctuation keys. */
const PUNCTUATION: Readonly<Record<string, readonly [string, string]>> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  NumpadSubtract: ['-', '-'],
  NumpadAdd: ['+', '+'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
  NumpadDecimal: ['.', '.'],
};

export interface PhysicalKey {
  code: string;
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  capsLock?: boolean;
}

/**
 * The character a US-layout keyboard types for this physical key, or null to let the browser handle the key
 * (shortcuts, Enter, Backspace, arrows, dead keys and IME input on phones, which report no code).
 * Digits ignore Shift on purpose: AZERTY needs Shift to type a digit, and a scanner set up for AZERTY does that.
 */
export function charForKey(e: PhysicalKey): string | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const upper = e.shiftKey !== Boolean(e.capsLock);
  let m = LETTER.exec(e.code);
  if (m) return upper ? m[1] : m[1].toLowerCase();
  m = DIGIT.exec(e.code);
  if (m) return m[1];
  m = NUMPAD_DIGIT.exec(e.code);
  // With NumLock off a numpad key is an arrow or Home/End: its key is then a name, not a digit.
  if (m) return /^[0-9\u0660-\u0669\u06F0-\u06F9]$/.test(e.key) ? m[1] : null;
  const p = PUNCTUATION[e.code];
  if (p) return e.shiftKey ? p[1] : p[0];
  if (e.code === 'Space') return ' ';
  return null;
}

/** What a keyboard event, the DOM's or React's, says about its key. */
export interface KeyEventLike extends Omit<PhysicalKey, 'capsLock'> {
  getModifierState(key: string): boolean;
}

/** charForKey for a keyboard event, with Caps Lock read from the event. */
export function charForEvent(e: KeyEventLike): string | null {
  return charForKey({
    code: e.code,
    key: e.key,
    shiftKey: e.shiftKey,
    ctrlKey: e.ctrlKey,
    altKey: e.altKey,
    metaKey: e.metaKey,
    capsLock: e.getModifierState('CapsLock'),
  });
}
