import { useCallback, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { charForEvent } from './keymap';

/**
 * For inputs that take codes (the scan box, serial numbers): each printable key is replaced by the character its
 * physical position has on a US keyboard, so a scanner's output is right on any OS layout. The caret is kept
 * where it was, so a person can still fix a typo in the middle.
 *
 * A scanner can send a whole code before React renders once, so the text is built on a ref that every key
 * updates at once, not on the `value` of the last render (which would keep only the last character).
 */
export function usePhysicalKeys(value: string, onChange: (value: string) => void) {
  const ref = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  const caret = useRef<number | null>(null);

  useLayoutEffect(() => {
    latest.current = value;
    if (caret.current !== null && ref.current && ref.current === document.activeElement) {
      ref.current.setSelectionRange(caret.current, caret.current);
    }
    caret.current = null;
  }, [value]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.nativeEvent.isComposing || e.key === 'Process' || e.key === 'Dead') return;
      const ch = charForEvent(e);
      if (ch === null) return;
      e.preventDefault();
      const input = e.currentTarget;
      const current = latest.current;
      // While keys are pending a render the DOM lags behind; the caret we set last is then the truth.
      const inSync = input.value === current && caret.current === null;
      const start = inSync ? (input.selectionStart ?? current.length) : (caret.current ?? current.length);
      const end = inSync ? (input.selectionEnd ?? current.length) : start;
      const next = current.slice(0, start) + ch + current.slice(end);
      latest.current = next;
      caret.current = start + ch.length;
      onChange(next);
    },
    [onChange],
  );

  return { ref, onKeyDown };
}

/** For inputs that keep their text in the DOM (the batch builder's scan input): the same mapping, from one module. */
export { charForEvent } from './keymap';
