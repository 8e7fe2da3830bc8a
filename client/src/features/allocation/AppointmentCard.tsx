import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { endpoints, keys } from '../../api/endpoints';
import type { AllocationDto, AppointmentInput, ContactConsentDto, SiteDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { TitledCard } from '../../components/TitledCard';
import { useServerForm } from '../../components/useServerForm';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { DateTimeField } from '../../components/DateField';

/** Hints under the input, so the inputs of the row stay aligned. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** An instant as the wall time of a datetime-local input (minutes precision, this browser's zone). */
function toLocalInput(iso: string | Date): string {
  const d = new Date(iso);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** The input's local wall time as an ISO instant; nothing when empty or unreadable (the server then names the field). */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * When and where the family collects the reserved device, and what to bring (spec §12): the current appointment, and
 * a form that sets or changes it. Saving tells a consenting family at once and queues a reminder for the day before;
 * the line under the form says which applies to this family (`consent`, unknown while the family is loading).
 */
export function AppointmentCard({ allocation, consent }: { allocation: AllocationDto; consent?: ContactConsentDto }) {
  const { t, fmt, language } = usePrefs();
  const sites = useQuery(endpoints.sites());
  const [saved, setSaved] = useState(false);
  const current = allocation.appointment;
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: {
      at: current ? toLocalInput(current.at) : '',
      siteId: current ? String(current.siteId) : (null as string | null),
      bring: current?.bring ?? '',
    },
    submit: (v) => {
      setSaved(false);
      const body: Partial<AppointmentInput> = { bring: v.bring.trim() };
      const at = toIso(v.at);
      if (at) body.at = at;
      if (v.siteId) body.siteId = Number(v.siteId);
      return endpoints.allocations.setAppointment(allocation.id, body);
    },
    invalidates: [keys.allocations],
    onSuccess: () => setSaved(true),
  });
  const nameOf = (s: SiteDto) => (language !== 'ar' && s.nameLatin ? s.nameLatin : s.name);
  const site = current ? sites.data?.find((s) => s.id === current.siteId) : undefined;
  const noSites = sites.data !== undefined && sites.data.length === 0;

  return (
    <TitledCard title={t('appointment.title')} data-testid="appointment">
      <Stack gap="md">
        {current ? (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" data-testid="appointment-current">
            <Field label={t('appointment.at')}>{fmt.dateTime(current.at)}</Field>
            <Field label={t('appointment.site')}>{site ? nameOf(site) : `#${current.siteId}`}</Field>
            <Field label={t('appointment.bring')}>{current.bring}</Field>
            <Field label={t('appointment.setAt')}>{current.setAt ? fmt.dateTime(current.setAt) : null}</Field>
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed" data-testid="appointment-none">
            {t('appointment.none')}
          </Text>
        )}
        {noSites ? (
          <Text size="sm" c="dimmed">
            {t('appointment.noSites')}
          </Text>
        ) : (
          <form onSubmit={onSubmit} noValidate data-testid="appointment-form">
            <Stack gap="sm">
              {error && <ErrorAlert error={error} unshown={unshown} />}
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <DateTimeField
                  label={t('appointment.at')}
                  required
                  name="at"
                  min={toLocalInput(new Date())}
                  {...form.getInputProps('at')}
                />
                <Select
                  label={t('appointment.site')}
                  required
                  name="siteId"
                  allowDeselect={false}
                  data={(sites.data ?? []).map((s) => ({ value: String(s.id), label: nameOf(s) }))}
                  {...form.getInputProps('siteId')}
                />
                <TextInput
                  label={t('appointment.bring')}
                  required
                  name="bring"
                  dir="auto"
                  maxLength={200}
                  {...form.getInputProps('bring')}
                  description={t('appointment.bringHint')}
                  inputWrapperOrder={BELOW}
                />
              </SimpleGrid>
              <Group justify="space-between" align="center" gap="sm">
                <Text size="sm" c="green.8" role="status" data-testid="appointment-saved">
                  {saved && !busy ? t('appointment.saved') : ''}
                </Text>
                <Button type="submit" variant="light" loading={busy} data-testid="appointment-submit">
                  {t('appointment.save')}
                </Button>
              </Group>
              {consent && (
                <Text size="sm" data-testid="appointment-notice">
                  {consent.given && consent.channel
                    ? t('appointment.notifyConsent', { channel: consent.channel })
                    : t('appointment.notifyNoConsent')}
                </Text>
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </TitledCard>
  );
}
