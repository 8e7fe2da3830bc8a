import { Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { endpoints, keys } from '../../api/endpoints';
import type { ProgrammeDto, ProgrammeInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { NumberField, parseNumber } from '../../components/NumberField';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';
import { DateField } from '../../components/DateField';

/** A phase with a target (the first one: 2,000 families) and its dates; allocations are counted towards it. */
export function CreateProgrammeModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (p: ProgrammeDto) => void;
}) {
  const t = useT();
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { name: '', nameLatin: '', targetFamilies: '2000', targetStudents: '0', startsOn: '', endsOn: '' },
    submit: (v) => {
      const body: ProgrammeInput = {
        name: v.name.trim(),
        targetFamilies: parseNumber(v.targetFamilies) ?? 0,
        targetStudents: parseNumber(v.targetStudents) ?? 0,
        ...(v.nameLatin.trim() ? { nameLatin: v.nameLatin.trim() } : {}),
        ...(v.startsOn ? { startsOn: v.startsOn } : {}),
        ...(v.endsOn ? { endsOn: v.endsOn } : {}),
      };
      return endpoints.programmes.create(body);
    },
    invalidates: [keys.programmes, keys.reports],
    onSuccess: onCreated,
  });
  return (
    <Modal opened onClose={onClose} title={t('dash.newProgramme')} centered size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="programme-form">
        <Stack>
          {error && <ErrorAlert error={error} unshown={unshown} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('programme.name')} required name="name" {...form.getInputProps('name')} />
            <TextInput
              label={t('programme.nameLatin')}
              dir="ltr"
              name="nameLatin"
              {...form.getInputProps('nameLatin')}
            />
            <NumberField
              label={t('programme.targetFamilies')}
              name="targetFamilies"
              {...form.getInputProps('targetFamilies')}
              value={form.values.targetFamilies}
            />
            <NumberField
              label={t('programme.targetStudents')}
              name="targetStudents"
              {...form.getInputProps('targetStudents')}
              value={form.values.targetStudents}
            />
            <DateField label={t('programme.startsOn')} {...form.getInputProps('startsOn')} />
            <DateField label={t('programme.endsOn')} {...form.getInputProps('endsOn')} />
          </SimpleGrid>
          <FormActions busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
