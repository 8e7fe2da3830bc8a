import { TextInput } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { IconScan } from '../../components/icons';
import { useScannedCodes } from '../../scan/useScannedCodes';

/**
 * The batch builder's code input for scans in a row (scan/useScannedCodes.ts): uncontrolled, so the list growing
 * beside it never resets it, and never disabled or read-only while codes are being resolved.
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
  const onKeyDown = useScannedCodes(onCode);
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
