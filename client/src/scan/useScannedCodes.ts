import { useCallback, type KeyboardEvent } from 'react';
import { charForEvent } from './usePhysicalKeys';

/**
 * The key handler of an input that takes scans in a row (the batch builder, the attendance sheet): a USB scanner types
 * ~10 ms a character, then Enter, then the next code at once. The input stays uncontrolled, its text in the DOM only,
 * so no keystroke waits for React; each printable key is read by its physical position (keymap.ts), as the scan box
 * does, so a scanner is right on an Arabic or AZERTY layout. Enter (never a form submit) hands the code over and
 * empties the input for the next one.
 */
export function useScannedCodes(onCode: (code: string) => void) {
  return useCallback(
    (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.nativeEvent.isComposing || e.key === 'Process' || e.key === 'Dead') return;
      const input = e.currentTarget;
      if (e.key === 'Enter') {
        e.preventDefault();
        const code = input.value.trim();
        input.value = '';
        if (code) onCode(code);
        return;
      }
      const ch = charForEvent(e);
      if (ch === null) return;
      e.preventDefault();
      const end = input.value.length;
      input.setRangeText(ch, input.selectionStart ?? end, input.selectionEnd ?? end, 'end');
    },
    [onCode],
  );
}
