import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/** A text filter that asks the server only once the user pauses typing. */
export function SearchInput({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  // A new value from outside (the filter cleared, the page's address changed) replaces what is typed.
  const [outside, setOutside] = useState(value);
  if (value !== outside) {
    setOutside(value);
    setText(value);
  }
  const push = useDebouncedCallback((v: string) => onChange(v.trim()), 350);
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      dir="auto"
      onChange={(e) => {
        setText(e.currentTarget.value);
        push(e.currentTarget.value);
      }}
      style={{ flex: '1 1 200px' }}
    />
  );
}
