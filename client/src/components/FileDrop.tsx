import { Anchor, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { usePrefs } from '../prefs/PreferencesProvider';
import { IconUpload } from './moreIcons';
import './FileDrop.css';

/**
 * A file picker that shows where the file goes: a dashed zone with an icon and "drop the file here, or choose it".
 * The native file input covers the zone (transparent), so a click, Enter or Space on it opens the browser's picker and
 * a file dropped on it is taken by the browser itself; the zone only shows that a drag is over it. The chosen file's
 * name and size replace the prompt, with a link to remove it.
 */
export function FileDrop({
  label,
  description,
  accept,
  name,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  description?: string;
  accept?: string;
  name?: string;
  value: File | null;
  onChange: (file: File | null) => void;
  error?: string | null;
  testId?: string;
}) {
  const { t, fmt } = usePrefs();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  // Emptied from outside (after an upload): the input forgets its file too, so picking the same file again counts.
  useEffect(() => {
    if (!value && input.current) input.current.value = '';
  }, [value]);
  const drag = (on: boolean) => (e: DragEvent) => {
    e.stopPropagation();
    setOver(on);
  };
  return (
    <div className="nm-filedrop-field" data-testid={testId}>
      <Text component="label" htmlFor={`${id}-input`} size="sm" fw={500} display="block">
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed" id={`${id}-hint`}>
          {description}
        </Text>
      )}
      <div
        className="nm-filedrop"
        data-over={over || undefined}
        data-filled={value ? true : undefined}
        data-error={error ? true : undefined}
        onDragEnter={drag(true)}
        onDragLeave={drag(false)}
        onDrop={drag(false)}>
        <input
          ref={input}
          id={`${id}-input`}
          type="file"
          className="nm-filedrop-input"
          name={name}
          accept={accept}
          aria-describedby={description ? `${id}-hint` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.currentTarget.files?.[0] ?? null)}
          data-testid={testId ? `${testId}-input` : undefined}
        />
        <IconUpload size={26} />
        {value ? (
          <span className="nm-filedrop-name" dir="auto">
            {value.name}{' '}
            <span className="nm-filedrop-size">({fmt.number(Math.max(1, Math.round(value.size / 1024)))} KB)</span>
          </span>
        ) : (
          <span>{t('fileDrop.prompt')}</span>
        )}
      </div>
      {value && (
        <Anchor component="button" type="button" size="xs" onClick={() => onChange(null)}>
          {t('fileDrop.remove')}
        </Anchor>
      )}
      {error && (
        <Text c="red" size="xs" role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
