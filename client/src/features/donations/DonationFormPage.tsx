import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/http';
import type { DonationChannel, DonationDto, DonationInput, DonorDto } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DONATION_CHANNELS } from '../../api/types';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useFieldErrors } from '../../components/useFieldErrors';
import { toLatinDigits } from '../../i18n/format';
import { useT } from '../../prefs/PreferencesProvider';
import { DonorPicker } from './DonorPicker';

const KNOWN = ['donorId', 'channel', 'expectedCount', 'notes'];

export default function DonationFormPage() {
  const [params] = useSearchParams();
  const presetId = Number(params.get('donorId')) || null;
  const preset = useQuery({ ...endpoints.donors.get(presetId ?? 0), enabled: presetId !== null });
  if (presetId && preset.isFetching) return <FullPageLoader />;
  return <DonationForm initialDonor={preset.data} />;
}

function DonationForm({ initialDonor }: { initialDonor?: DonorDto }) {
  const t = useT();
  const options = useEnumOptions();
  const navigate = useNavigate();
  const [donorId, setDonorId] = useState<number | null>(initialDonor?.id ?? null);
  const [channel, setChannel] = useState<DonationChannel>('drop_off');
  const [expected, setExpected] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errors.clear();
    // What was typed goes to the server as typed (digits normalised), so its validation message names the real problem.
    const body: Partial<Record<keyof DonationInput, unknown>> = { channel };
    if (donorId !== null) body.donorId = donorId;
    const n = Number(toLatinDigits(expected.trim()));
    if (expected.trim()) body.expectedCount = Number.isFinite(n) ? n : expected.trim();
    if (notes.trim()) body.notes = notes.trim();
    try {
      const created = await api<DonationDto>('/api/donations', { method: 'POST', body });
      navigate(`/donations/${created.id}`);
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('donations.new')} />
      <Paper withBorder p="md" maw={760}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(KNOWN)} />}
            <DonorPicker value={donorId} onChange={setDonorId} error={errors.field('donorId')} initial={initialDonor} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select label={t('donation.channel')} data={options('channel', DONATION_CHANNELS.filter((c) => c !== 'pledge'))}
                value={channel} onChange={(v) => setChannel((v as DonationChannel | null) ?? 'drop_off')} allowDeselect={false}
                error={errors.field('channel')} />
              <TextInput label={t('donation.expected')} value={expected} onChange={(e) => setExpected(e.currentTarget.value)}
                inputMode="numeric" dir="ltr" error={errors.field('expectedCount')} />
            </SimpleGrid>
            <Textarea label={t('donation.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2}
              error={errors.field('notes')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate(-1)}>{t('action.cancel')}</Button>
              <Button type="submit" loading={busy}>{t('action.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
