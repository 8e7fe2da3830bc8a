import { Autocomplete, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { connectivity, SPONSORS_KEY } from '../../api/connectivity';
import type { SponsorDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { NumberField, parseNumber } from '../../components/NumberField';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';

type Form = { operator: string; dataGb: string; validityDays: string; count: string };

/** The operators of the two countries the charity works in, offered as the operator is typed (any other may be typed). */
const OPERATORS = ['STC', 'Mobily', 'Zain', 'Salam', 'Virgin Mobile', 'Maroc Telecom', 'Orange', 'inwi'];

/**
 * A delivery of bundles from a sponsor (spec §14): how many, of which operator, how many gigabytes and for how many
 * days. It becomes one stock lot; handovers take from it.
 */
export function BundleLotModal({ sponsor, onClose }: { sponsor: SponsorDto; onClose: () => void }) {
  const t = useT();
  const operators = [...new Set([...sponsor.lots.map((l) => l.operator), ...OPERATORS])];
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { operator: '', dataGb: '', validityDays: '30', count: '' },
    // Sent as typed (an empty number left out), so the server names what is missing or out of range.
    submit: (v) =>
      connectivity.sponsors.addLot(sponsor.id, {
        operator: v.operator.trim(),
        dataGb: parseNumber(v.dataGb) as number,
        validityDays: parseNumber(v.validityDays) as number,
        count: parseNumber(v.count) as number,
      }),
    invalidates: [SPONSORS_KEY],
    onSuccess: onClose,
  });
  const num = (k: Exclude<keyof Form, 'operator'>) => ({
    name: k,
    ...form.getInputProps(k),
    value: form.values[k],
  });
  return (
    <Modal opened onClose={onClose} title={t('sponsors.addLotTitle', { name: sponsor.name })} centered size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="lot-form">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('sponsors.addLotHint')}
          </Text>
          {error && <ErrorAlert error={error} unshown={unshown} />}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Autocomplete
              label={t('lot.operator')}
              required
              data={operators}
              name="operator"
              data-autofocus
              {...form.getInputProps('operator')}
            />
            <NumberField label={t('lot.count')} required {...num('count')} />
            <NumberField label={t('lot.dataGb')} required decimal {...num('dataGb')} />
            <NumberField label={t('lot.validityDays')} required {...num('validityDays')} />
          </SimpleGrid>
          <FormActions busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
