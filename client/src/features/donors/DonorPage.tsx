import { Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { useUser } from '../../auth/AuthProvider';
import { MANAGERS, STAFF } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { DonationTable } from '../donations/DonationTable';
import { TitledCard } from '../../components/TitledCard';
import { DonorPageCard } from './DonorPageCard';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

export default function DonorPage() {
  const { t, fmt, language } = usePrefs();
  const label = useEnumLabel();
  const user = useUser();
  const { id } = useParams();
  const { data: d, error, isFetching, refetch } = useQuery(endpoints.donors.get(Number(id) || 0));
  if (error)
    return (
      <>
        <PageHeader title={t('donor.title')} />
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </>
    );
  if (isFetching || !d) return <FullPageLoader />;
  const title = language === 'en' && d.nameLatin ? d.nameLatin : d.name;
  const s = d.summary;
  return (
    <>
      <PageHeader title={title}>
        {MANAGERS.includes(user.role) && (
          <Button variant="default" component={Link} to={`/donors/${d.id}/edit`}>
            {t('action.edit')}
          </Button>
        )}
        {STAFF.includes(user.role) && (
          <Button component={Link} to={`/donations/new?donorId=${d.id}`}>
            {t('donations.new')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="md">
        {s && (
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
            <Stat label={t('donor.sumDonations')} value={fmt.number(s.donations)} />
            <Stat label={t('donor.sumDevices')} value={fmt.number(s.devices)} />
            <Stat label={t('donor.sumPlaced')} value={fmt.number(s.placed)} />
            <Stat label={t('donor.sumInProgress')} value={fmt.number(s.inProgress)} />
            <Stat label={t('donor.sumRecycled')} value={fmt.number(s.recycled)} />
          </SimpleGrid>
        )}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            <Field label={t('donor.kind')}>{label('donorKind', d.kind)}</Field>
            <Field label={t('donor.name')}>{d.name}</Field>
            <Field label={t('donor.nameLatin')}>{d.nameLatin && <Ltr>{d.nameLatin}</Ltr>}</Field>
            <Field label={t('donor.contactPerson')}>{d.contactPerson}</Field>
            <Field label={t('donor.phone')}>{d.phone && <Ltr>{d.phone}</Ltr>}</Field>
            <Field label={t('donor.email')}>{d.email && <Ltr>{d.email}</Ltr>}</Field>
            <Field label={t('donor.city')}>{d.city}</Field>
            {d.kind === 'company' && (
              <Field label={t('donor.crNumber')}>{d.crNumber && <Ltr mono>{d.crNumber}</Ltr>}</Field>
            )}
            <Field label={t('donor.language')}>{label('language', d.preferredLanguage)}</Field>
          </SimpleGrid>
        </Paper>
        {d.pageUrl && MANAGERS.includes(user.role) && <DonorPageCard donor={{ ...d, pageUrl: d.pageUrl }} />}
        <TitledCard title={t('donations.title')}>
          <DonationTable donations={d.donations ?? []} showDonor={false} />
        </TitledCard>
      </Stack>
    </>
  );
}
