import { Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { InstitutionDto } from '../../api/types';
import { Field } from '../../components/Field';
import { Ltr } from '../../components/Ltr';
import { TitledCard } from '../../components/TitledCard';
import { usePrefs } from '../../prefs/PreferencesProvider';

/**
 * What an institution asked for and how much of it it has had (spec §13): it has no family score, its place in the
 * programme's list comes from the day it asked and the devices it still needs.
 */
export function InstitutionCard({ institution }: { institution: InstitutionDto }) {
  const { t, fmt } = usePrefs();
  const outstanding = Math.max(0, institution.requestedDevices - institution.devicesReceived);
  const share =
    institution.requestedDevices > 0 ? (institution.devicesReceived / institution.requestedDevices) * 100 : 0;
  return (
    <TitledCard title={t('institution.request')} data-testid="institution-card">
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <Field label={t('institution.contactPerson')}>{institution.contactPerson}</Field>
          <Field label={t('institution.registrationNumber')}>
            {institution.registrationNumber ? <Ltr mono>{institution.registrationNumber}</Ltr> : null}
          </Field>
          <Field label={t('institution.requestedDevices')}>{fmt.number(institution.requestedDevices)}</Field>
          <Field label={t('institution.received')}>{fmt.number(institution.devicesReceived)}</Field>
        </SimpleGrid>
        <div>
          <Progress value={Math.min(100, share)} aria-label={t('institution.received')} color="teal" />
          <Text size="sm" mt={4}>
            {t('institution.outstandingN', { n: outstanding })}
          </Text>
        </div>
        {institution.justification && (
          <Field label={t('institution.justification')}>
            <Text component="span" size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {institution.justification}
            </Text>
          </Field>
        )}
      </Stack>
    </TitledCard>
  );
}
