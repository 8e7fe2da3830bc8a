import { Checkbox, Group, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Accessory } from '../../api/types';
import { ACCESSORIES } from '../../api/types';
import { useT } from '../../prefs/PreferencesProvider';

/** What a handover form keeps of the checklist (spec §13): the ticked accessories and a note for "other". */
// A type, not an interface: form values must be assignable to Record<string, unknown> (useServerForm).
export type AccessoriesValues = {
  accessories: Accessory[];
  accessoriesNote: string;
};
export const NO_ACCESSORIES: AccessoriesValues = { accessories: [], accessoriesNote: '' };

/** Checked before a round trip: "other" needs the note to say what it was (the certificate prints it). */
export function accessoriesNoteError(values: AccessoriesValues, message: string): string | null {
  return values.accessories.includes('other') && !values.accessoriesNote.trim() ? message : null;
}

/** The handover body's part: the note goes only when something was written. */
export function accessoriesBody(values: AccessoriesValues): { accessories: Accessory[]; accessoriesNote?: string } {
  const note = values.accessoriesNote.trim();
  return { accessories: values.accessories, ...(note ? { accessoriesNote: note } : {}) };
}

/** "Charger, bag, other: a USB stick" in the user's language, for detail cards; a dash when nothing went with it. */
export function useAccessoriesText() {
  const t = useT();
  return (accessories: readonly Accessory[] | undefined, note: string | null | undefined): string => {
    if (!accessories?.length) return note ? note : '—';
    const names = ACCESSORIES.filter((a) => accessories.includes(a)).map((a) => t(`accessory.${a}`));
    return names.join(t('common.listSep')) + (note ? ` (${note})` : '');
  };
}

interface InputProps {
  value?: unknown;
  onChange: (value: never) => void;
  error?: ReactNode;
}

/**
 * The checklist of every handover (one device or a batch): charger, bag, mouse, other, and a note. Props are the form's
 * `getInputProps('accessories')` and `getInputProps('accessoriesNote')`, so the server's errors land on them.
 */
export function AccessoriesChecklist({
  checklist,
  note,
  batch = false,
}: {
  checklist: InputProps;
  note: InputProps;
  /** Many devices at once (a batch): the hint speaks of them. */
  batch?: boolean;
}) {
  const t = useT();
  return (
    <Stack gap={6} data-testid="accessories">
      <Checkbox.Group
        label={t('accessories.title')}
        description={batch ? t('accessories.hintBatch') : t('accessories.hint')}
        value={(checklist.value as string[] | undefined) ?? []}
        onChange={checklist.onChange as (v: string[]) => void}
        error={checklist.error}>
        <Group gap="lg" mt={6}>
          {ACCESSORIES.map((a) => (
            <Checkbox key={a} value={a} name="accessories" label={t(`accessory.${a}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <TextInput
        label={t('accessories.note')}
        name="accessoriesNote"
        dir="auto"
        value={(note.value as string | undefined) ?? ''}
        onChange={note.onChange}
        error={note.error}
      />
    </Stack>
  );
}
