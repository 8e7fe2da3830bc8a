import { SimpleGrid, Text } from '@mantine/core';
import type { ContactConsentDto } from '../../api/types';
import { Field } from '../../components/Field';
import { useEnumLabel } from '../../components/Labels';
import { TitledCard } from '../../components/TitledCard';
import { usePrefs } from '../../prefs/PreferencesProvider';

/**
 * Whether the family may be messaged (spec §12), by which channel and in which language, and when that answer was
 * recorded. No answer yet is not a no: it is said as such, and nothing is sent either way.
 */
export function ContactConsentCard({ consent }: { consent: ContactConsentDto }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const answered = consent.at !== null;
  const status = consent.given ? 'consent.yes' : answered ? 'consent.declined' : 'consent.notAsked';
  return (
    <TitledCard title={t('consent.title')} data-testid="contact-consent">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Field label={t('consent.status')}>
          <Text span inherit c={consent.given ? 'green.8' : 'dimmed'} data-testid="contact-consent-status">
            {t(status)}
          </Text>
        </Field>
        {consent.given && (
          <>
            <Field label={t('consent.channel')}>{label('contactChannel', consent.channel)}</Field>
            <Field label={t('consent.language')}>
              {consent.language ? label('language', consent.language) : t('consent.languageDefault')}
            </Field>
          </>
        )}
        {answered && <Field label={t('consent.recordedAt')}>{fmt.dateTime(consent.at)}</Field>}
      </SimpleGrid>
    </TitledCard>
  );
}
