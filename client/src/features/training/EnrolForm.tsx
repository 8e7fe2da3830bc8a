import { Alert, Button, Group, Select, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { COURSE_CHANGES, training } from '../../api/training';
import type { EnrolmentDto } from '../../api/types';
import { useEnumLabel } from '../../components/Labels';
import { useServerForm } from '../../components/useServerForm';
import { isolate } from '../../i18n/isolate';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { TrainingErrorAlert } from './common';

/**
 * Enrols a beneficiary, found by name, phone or ID as it is typed (the registry is searched on the server). A full
 * course puts them on its waiting list, which is said.
 */
export function EnrolForm({ courseId }: { courseId: number }) {
  const { t } = usePrefs();
  const label = useEnumLabel();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [done, setDone] = useState<{ name: string; status: EnrolmentDto['status'] } | null>(null);
  // The option picked stays among the options while the search text (now its label) finds nothing else.
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const searching = q.length >= 2 && q !== picked?.label;
  const found = useQuery({
    ...endpoints.beneficiaries.list({ q, status: 'applied,verified,waitlisted,allocated,served', pageSize: 20 }),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.items ?? []).map((b) => ({
    value: String(b.id),
    label: [b.name, label('beneficiaryKind', b.kind), b.city].filter(Boolean).join(' · '),
  }));
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift(picked);
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { beneficiaryId: null as string | null },
    validate: { beneficiaryId: (v) => (v ? null : t('validation.any.required')) },
    submit: (v) => training.courses.enrol(courseId, Number(v.beneficiaryId)),
    invalidates: COURSE_CHANGES,
    onSuccess: (e) => {
      setDone({ name: e.beneficiaryName ?? '', status: e.status });
      form.reset();
      setPicked(null);
      setSearch('');
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="enrol-form">
      <Stack gap="xs">
        {error && <TrainingErrorAlert error={error} unshown={unshown} />}
        {done && (
          <Alert
            color={done.status === 'waitlisted' ? 'yellow' : 'green'}
            variant="light"
            p="xs"
            data-testid="enrol-result"
            withCloseButton
            closeButtonLabel={t('action.close')}
            onClose={() => setDone(null)}>
            {done.status === 'waitlisted'
              ? t('enrolment.waitlistedNow', { name: isolate(done.name) })
              : t('enrolment.enrolledNow', { name: isolate(done.name) })}
          </Alert>
        )}
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Select
            label={t('enrolment.pick')}
            placeholder={t('enrolment.searchHint')}
            name="beneficiaryId"
            searchable
            clearable
            required
            style={{ flex: 1, minWidth: 0 }}
            data={options}
            // The server has searched already: every option it returned is shown.
            filter={({ options: all }) => all}
            searchValue={search}
            onSearchChange={setSearch}
            nothingFoundMessage={
              q.length >= 2 ? (found.isFetching ? t('common.loading') : t('list.empty')) : t('enrolment.typeMore')
            }
            {...form.getInputProps('beneficiaryId')}
            onChange={(v, option) => {
              form.setFieldValue('beneficiaryId', v);
              setPicked(v && option ? { value: option.value, label: option.label } : null);
              setDone(null);
            }}
          />
          <Button type="submit" loading={busy} data-testid="enrol-submit">
            {t('enrolment.enrol')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
