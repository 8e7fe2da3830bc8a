import { TextInput, type TextInputProps } from '@mantine/core';
import { toLatinDigits } from '../i18n/format';

/**
 * A number typed as text: Arabic-Indic digits (and the Arabic decimal separator) become ASCII as they are typed, so a
 * phone keyboard in Arabic works; the form parses the string when it submits. Left-to-right like every figure.
 */
export function NumberField({
  value,
  onChange,
  decimal = false,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (v: string) => void;
  decimal?: boolean;
}) {
  return (
    <TextInput
      {...rest}
      value={value}
      dir="ltr"
      inputMode={decimal ? 'decimal' : 'numeric'}
      autoComplete="off"
      onChange={(e) =>
        onChange(
          toLatinDigits(e.currentTarget.value)
            .replace(/\u066B/g, '.')
            .replace(/[^\d.]/g, ''),
        )
      }
    />
  );
}

/** The number in a NumberField, or undefined when it is empty (so an optional field is left out of the request). */
export function parseNumber(v: string): number | undefined {
  return v.trim() === '' ? undefined : Number(v);
}
