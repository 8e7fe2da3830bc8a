import {
  Alert,
  Button,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { endpoints } from '../../api/endpoints';
import type { DonorKind, PledgeInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DONOR_KINDS } from '../../api/types';
import { Ltr } from '../../components/Ltr';
import { PublicLayout } from '../../components/PublicLayout';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useServerErrors } from '../../components/useServerErrors';
import { useServerForm } from '../../components/useServerForm';
import { toLatinDigits } from '../../i18n/format';
import { PHONE_PLACEHOLDER } from '../../i18n/country';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { PledgeItemsEditor, type PledgeItemForm } from './PledgeItemsEditor';
import { Honeypot } from '../../components/Honeypot';
import { DateField } from '../../components/DateField';

type DonorForm = { kind: DonorKind; name: string; phone: string; email: string; city: string };
type Values = {
  donor: DonorForm;
  items: PledgeItemForm[];
  preferredPickupDate: string;
  notes: string;
  website: string;
};

/** The public offer of a donation: no account, a few fields, and the code to quote when the charity calls back. */
export default function PledgePage() {
  const { t, language, country } = usePrefs();
  const options = useEnumOptions();
  const initialValues: Values = {
    donor: { kind: 'individual', name: '', phone: '', email: '', city: '' },
    items: [{ type: 'laptop', count: '1', description: '' }],
    preferredPickupDate: '',
    notes: '',
    website: '',
  };
  const { form, onSubmit, busy, error, mutation, fieldError } = useServerForm({
    initialValues,
    submit: ({ donor, items, preferredPickupDate, notes, website }) => {
      const body: PledgeInput = {
        donor: {
          ...donor,
          name: donor.name.trim(),
          phone: toLatinDigits(donor.phone.trim()),
          email: donor.email.trim(),
          city: donor.city.trim(),
          // The charity answers the donor in the language the form was filled in.
          preferredLanguage: language,
        },
        items: items.map((i) => ({
          type: i.type,
          count: Number(toLatinDigits(i.count.trim())) || 0,
          description: i.description.trim(),
        })),
        website,
      };
      if (preferredPickupDate) body.preferredPickupDate = preferredPickupDate;
      if (notes.trim()) body.notes = notes.trim();
      return endpoints.pledges.create(body);
    },
  });
  const done = mutation.data;
  const items = form.values.items;
  const setD = (k: keyof Omit<DonorForm, 'kind'>) => form.getInputProps(`donor.${k}`);
  const errors = useServerErrors(error);

  if (done) {
    return (
      <PublicLayout size={640}>
        <Paper withBorder p="lg">
          <Alert color="green" title={t('pledge.thanks')} role="status">
            <Text>
              {t('pledge.codeIs')}{' '}
              <Text span fw={700} fz="lg">
                <Ltr mono>{done.code}</Ltr>
              </Text>
            </Text>
            <Text size="sm" mt="xs">
              {t('pledge.next')}
            </Text>
          </Alert>
        </Paper>
      </PublicLayout>
    );
  }

  const known = [
    'donor',
    'donor.kind',
    'donor.name',
    'donor.phone',
    'donor.email',
    'donor.city',
    'preferredPickupDate',
    'notes',
    'items',
    ...items.flatMap((_, i) => [`items.${i}.type`, `items.${i}.count`, `items.${i}.description`]),
  ];
  return (
    <PublicLayout size={640}>
      <Paper withBorder shadow="sm" p="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={1} fz={24}>
              {t('pledge.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('pledge.intro')}
            </Text>
            {error && <ErrorAlert error={error} unshown={errors.unshown(known)} />}
            <SegmentedControl
              {...form.getInputProps('donor.kind')}
              data={options('donorKind', DONOR_KINDS)}
              aria-label={t('donor.kind')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={form.values.donor.kind === 'company' ? t('pledge.companyName') : t('pledge.yourName')}
                required
                autoComplete="name"
                {...setD('name')}
              />
              <TextInput
                label={t('donor.phone')}
                type="tel"
                inputMode="tel"
                dir="ltr"
                autoComplete="tel"
                placeholder={PHONE_PLACEHOLDER[country].national}
                {...setD('phone')}
              />
              <TextInput label={t('donor.email')} type="email" dir="ltr" autoComplete="email" {...setD('email')} />
              <TextInput label={t('donor.city')} autoComplete="address-level2" {...setD('city')} />
            </SimpleGrid>
            <Text size="xs" c={fieldError('donor') ? 'red' : 'dimmed'} mt={-8}>
              {fieldError('donor') ?? t('pledge.reachHint')}
            </Text>
            <div>
              <Text fw={500} size="sm" mb={4}>
                {t('pledge.items')}
              </Text>
              <PledgeItemsEditor
                items={items}
                onChange={(next) => form.setFieldValue('items', next)}
                error={fieldError}
              />
              {fieldError('items') && (
                <Text c="red" size="xs">
                  {fieldError('items')}
                </Text>
              )}
            </div>
            <DateField
              label={t('pledge.pickupDate')}
              name="preferredPickupDate"
              {...form.getInputProps('preferredPickupDate')}
              w={{ base: '100%', sm: 240 }}
            />
            <Textarea label={t('pledge.notes')} {...form.getInputProps('notes')} autosize minRows={2} />
            <Honeypot
              id="pledge-website"
              value={form.values.website}
              onChange={(v) => form.setFieldValue('website', v)}
            />
            <Button type="submit" loading={busy} size="md">
              {t('pledge.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('pledge.privacy')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </PublicLayout>
  );
}
