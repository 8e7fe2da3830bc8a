import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import type { DonationChannel, DonationDto, DonationInput, DonorDto } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints, keys } from '../../api/endpoints';
import { FormPage } from '../../components/FormPage';
import { DONATION_CHANNELS } from '../../api/types';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useServerForm } from '../../components/useServerForm';
import { toLatinDigits } from '../../i18n/format';
import { useT } from '../../prefs/PreferencesProvider';
import { DonorPicker } from './DonorPicker';

export default function DonationFormPage() {
  const [params] = useSearchParams();
  const presetId = Number(params.get('donorId')) || null;
  const preset = useQuery({ ...endpoints.donors.get(presetId ?? 0), enabled: presetId !== null });
  if (presetId && preset.isPending) return <FullPageLoader />;
  return <DonationForm initialDonor={preset.data} />;
}

type Values = { donorId: number | null; channel: DonationChannel; expectedCount: string; notes: string };

function DonationForm({ initialDonor }: { initialDonor?: DonorDto }) {
  const t = useT();
  const options = useEnumOptions();
  const navigate = useNavigate();
  const { form, onSubmit, busy, error, unshown } = useServerForm<Values, DonationDto>({
    initialValues: { donorId: initialDonor?.id ?? null, channel: 'drop_off', expectedCount: '', notes: '' },
    submit: (v) => {
      // What was typed goes to the server as typed (digits normalised), so its validation message names the real problem.
      const body: Partial<Record<keyof DonationInput, unknown>> = { channel: v.channel };
      if (v.donorId !== null) body.donorId = v.donorId;
      const n = Number(toLatinDigits(v.expectedCount.trim()));
      if (v.expectedCount.trim()) body.expectedCount = Number.isFinite(n) ? n : v.expectedCount.trim();
      if (v.notes.trim()) body.notes = v.notes.trim();
      return endpoints.donations.create(body);
    },
    invalidates: [keys.donations, keys.donors, keys.intakeQueue],
    onSuccess: (created) => {
      void navigate(`/donations/${created.id}`);
    },
  });

  return (
    <FormPage title={t('donations.new')} maw={760} onSubmit={onSubmit} error={error} unshown={unshown} busy={busy}>
      <DonorPicker {...form.getInputProps('donorId')} value={form.values.donorId} initial={initialDonor} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('donation.channel')}
          data={options(
            'channel',
            DONATION_CHANNELS.filter((c) => c !== 'pledge'),
          )}
          {...form.getInputProps('channel')}
          allowDeselect={false}
        />
        <TextInput
          label={t('donation.expected')}
          {...form.getInputProps('expectedCount')}
          inputMode="numeric"
          dir="ltr"
        />
      </SimpleGrid>
      <Textarea label={t('donation.notes')} {...form.getInputProps('notes')} autosize minRows={2} />
    </FormPage>
  );
}
