import { TextInput } from '@mantine/core';
import { forwardRef, memo, useEffect } from 'react';
import { IconScan } from '../../components/icons';
import { charForEvent } from '../../scan/usePhysicalKeys';
import { useScannedCodes } from '../../scan/useScannedCodes';

/**
 * The attendance sheet's code input: a USB scanner types a trainee's card (~10 ms a character), then Enter, then the
 * next card at once; its keys are read as the batch builder's (scan/useScannedCodes.ts). A scan that
 * starts while a tick box or a button has the focus (after a tap on the list) is brought here too, before the global
 * scan box could take it.
 */
export const TraineeScanInput = memo(
  forwardRef<HTMLInputElement, { onCode: (code: string) => void; label: string; description?: string }>(
    function TraineeScanInput({ onCode, label, description }, ref) {
      const onKeyDown = useScannedCodes(onCode);

      useEffect(() => {
        const own = () => (typeof ref === 'object' ? ref?.current : null);
        // Capture phase: before the list's buttons and before the shell's scan box (which listens on the way up).
        const onKey = (e: globalThis.KeyboardEvent) => {
          const input = own();
          const target = e.target as HTMLElement | null;
          if (!input || e.defaultPrevented || e.isComposing || target === input) return;
          if (target?.closest('input:not([type="checkbox"]):not([type="radio"]), textarea, select, [role="dialog"]'))
            return;
          if (e.code === 'Space' || e.key === 'Enter') return;
          const ch = charForEvent(e);
          if (ch === null) return;
          e.preventDefault();
          input.focus({ preventScroll: true });
          input.setRangeText(ch, input.value.length, input.value.length, 'end');
        };
        document.addEventListener('keydown', onKey, true);
        return () => document.removeEventListener('keydown', onKey, true);
      }, [ref]);

      return (
        <TextInput
          ref={ref}
          type="text"
          name="traineeScan"
          label={label}
          description={description}
          placeholder="TR-2026-0001"
          dir="ltr"
          defaultValue=""
          onKeyDown={onKeyDown}
          autoFocus
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="enter"
          leftSection={<IconScan size={18} />}
          classNames={{ input: 'nm-mono' }}
          data-testid="trainee-scan"
        />
      );
    },
  ),
);
