import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/http';
import type { ProgrammeDto, ProgrammeInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NumberField, parseNumber } from '../../components/NumberField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useT } from '../../prefs/PreferencesProvider';

const KNOWN = ['name', 'nameLatin', 'targetFamilies', 'targetStudents', 'startsOn', 'endsOn'];

/** A phase with a target (the first one: 2,000 families) and its dates; allocations are counted towards it. */
export function CreateProgrammeModal({ onClose, onCreated }: { onClose: () => void; onCreated: (p: ProgrammeDto) => void }) {
  const t = useT();
  const errors = useFieldErrors();
  const [name, setName] = useState('');
  const [nameLatin, setNameLatin] = useState('');
  const [families, setFamilies] = useState('2000');
  const [students, setStudents] = useState('0');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body: ProgrammeInput = {
      name: name.trim(), targetFamilies: parseNumber(families) ?? 0, targetStudents: parseNumber(students) ?? 0,
      ...(nameLatin.trim() ? { nameLatin: nameLatin.trim() } : {}), ...(startsOn ? { startsOn } : {}), ...(endsOn ? { endsOn } : {}),
    };
    setBusy(true);
    errors.clear();
    try {
      onCreated(await api<ProgrammeDto>('/api/programmes', { method: 'POST', body }));
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('dash.newProgramme')} centered size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="programme-form">
        <Stack>
          {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(KNOWN)} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('programme.name')} required name="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.field('name')} />
            <TextInput label={t('programme.nameLatin')} dir="ltr" name="nameLatin" value={nameLatin} onChange={(e) => setNameLatin(e.currentTarget.value)} error={errors.field('nameLatin')} />
            <NumberField label={t('programme.targetFamilies')} name="targetFamilies" value={families} onChange={setFamilies} error={errors.field('targetFamilies')} />
            <NumberField label={t('programme.targetStudents')} name="targetStudents" value={students} onChange={setStudents} error={errors.field('targetStudents')} />
            <TextInput type="date" label={t('programme.startsOn')} dir="ltr" value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.field('startsOn')} />
            <TextInput type="date" label={t('programme.endsOn')} dir="ltr" value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.field('endsOn')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="submit" loading={busy}>{t('action.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
