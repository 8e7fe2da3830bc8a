import { TextInput } from '@mantine/core';
import { memo, useCallback, type KeyboardEvent, type ReactNode } from 'react';
import { IconScan } from '../../components/icons';
import { charForEvent } from '../../scan/usePhysicalKeys';

/**
 * A code input for scans in a row (the batch builder): a USB scanner types ~10 ms a character, then Enter, then the
 * next code at once. The input is uncontrolled and its text lives in the DOM only: no keystroke waits for React to
 * render, the list growing beside it never resets it, and it is never disabled or read-only while codes are being
 * resolved. Each printable key is read by its physical position (scan/keymap.ts), as the scan box does, so a scanner
 * is right on an Arabic or AZERTY layout; Enter hands the code over and empties the input for the next one.
 */
export const ScannerInput = memo(function ScannerInput({
  onCode,
  label,
  description,
  placeholder,
}: {
  onCode: (code: string) => void;
  label: string;
  description?: ReactNode;
  placeholder?: string;
}) {
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.nativeEvent.isComposing || e.key === 'Process' || e.key === 'Dead') return;
      const input = e.currentTarget;
      if (e.key === 'Enter') {
        // Never a form submit: Enter ends a code.
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
  return (
    <TextInput
      type="text"
      name="batchScan"
      label={label}
      description={description}
      placeholder={placeholder}
      dir="ltr"
      defaultValue=""
      onKeyDown={onKeyDown}
      autoComplete="off"
      autoCorrect="off"
      autoCapitalize="off"
      spellCheck={false}
      enterKeyHint="enter"
      leftSection={<IconScan size={18} />}
      classNames={{ input: 'nm-mono' }}
      data-testid="batch-scan"
    />
  );
});
