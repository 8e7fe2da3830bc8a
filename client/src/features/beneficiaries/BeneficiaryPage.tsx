import { Alert, Anchor, Button, Divider, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { useRegionName } from '../../components/RegionFields';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { BeneficiaryStatusActions } from './BeneficiaryStatusActions';
import { ContactConsentCard } from './ContactConsentCard';
import { BeneficiaryStatusBadge } from './BeneficiaryStatusBadge';
import { PriorityBreakdown } from './PriorityBreakdown';
import { usePartners } from './usePartners';
import { TitledCard } from '../../components/TitledCard';
import { InstitutionCard } from './InstitutionCard';

export default function BeneficiaryPage() {
  const { t, fmt } = usePrefs();
  const regionName = useRegionName();
  const label = useEnumLabel();
  const { id } = useParams();
  const beneficiaryId = Number(id) || 0;
  const { data: b, error, refetch } = useQuery(endpoints.beneficiaries.get(beneficiaryId));
  const allocations = useQuery(endpoints.allocations.list({ beneficiaryId, pageSize: 20 }));
  const partners = usePartners();
  if (error && !b)
    return (
      <>
        <PageHeader title={t('beneficiary.title')} />
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </>
    );
  if (!b) return <FullPageLoader />;
  const partner = partners.byId(b.partnerId);
  // An institution has no national ID, household or family score: its own block says what it asked for (spec §13).
  const institution = b.institution;
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {b.name}
            <BeneficiaryStatusBadge status={b.status} />
          </Group>
        }>
        <Button variant="default" component={Link} to={`/beneficiaries/${b.id}/edit`}>
          {t('action.edit')}
        </Button>
      </PageHeader>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Paper withBorder p="md" className="nm-span-2">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
              <Field label={t('beneficiary.kind')}>
                {institution
                  ? `${label('beneficiaryKind', b.kind)} · ${label('institutionType', institution.type)}`
                  : label('beneficiaryKind', b.kind)}
              </Field>
              {!institution && (
                <Field label={t('beneficiary.nationalId')}>
                  <Ltr mono>{b.nationalIdMasked}</Ltr>
                </Field>
              )}
              <Field label={institution ? t('institution.phone') : t('beneficiary.phone')}>
                <Ltr>{b.phone}</Ltr>
              </Field>
              <Field label={t('beneficiary.region')}>{regionName(b.regionCode) || b.region}</Field>
              <Field label={t('beneficiary.city')}>{b.city}</Field>
              {!institution && (
                <>
                  <Field label={t('beneficiary.household')}>
                    {b.householdSize === null ? null : fmt.number(b.householdSize)}
                  </Field>
                  <Field label={t('beneficiary.income')}>
                    {b.monthlyIncome === null ? null : fmt.money(b.monthlyIncome)}
                  </Field>
                  <Field label={t('beneficiary.schoolChildren')}>{fmt.number(b.schoolChildren)}</Field>
                </>
              )}
              <Field label={t('beneficiary.need')}>{label('need', b.need)}</Field>
              <Field label={t('beneficiary.purpose')}>{label('purpose', b.purpose)}</Field>
              <Field label={t('beneficiary.partner')}>{partner ? partners.nameOf(partner) : null}</Field>
              <Field label={t('common.created')}>{fmt.dateTime(b.createdAt)}</Field>
            </SimpleGrid>
            {b.status === 'rejected' && b.rejectionReason && (
              <Alert color="red" mt="sm" title={t('beneficiary.rejectionReason')}>
                {b.rejectionReason}
              </Alert>
            )}
            <Divider my="sm" />
            <BeneficiaryStatusActions beneficiary={b} />
          </Paper>
          {institution ? (
            <InstitutionCard institution={institution} />
          ) : (
            <TitledCard title={t('priority.title')}>
              {b.priority ? (
                <>
                  <Text fz={28} fw={600} mb="xs">
                    {fmt.number(b.priority.score)}
                  </Text>
                  <PriorityBreakdown breakdown={b.priority.breakdown} />
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </TitledCard>
          )}
        </SimpleGrid>
        {!institution && <ContactConsentCard consent={b.contactConsent} />}
        <TitledCard title={t('allocations.title')}>
          {(allocations.data?.items ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('list.empty')}
            </Text>
          ) : (
            <Stack gap={4}>
              {allocations.data!.items.map((a) => (
                <Group key={a.id} gap="sm">
                  <Anchor component={Link} to={`/allocations/${a.id}`}>
                    <Ltr mono>{a.assetTag ?? `#${a.deviceId}`}</Ltr>
                  </Anchor>
                  <Text size="sm">{label('allocationStatus', a.status)}</Text>
                  <Text size="sm" c="dimmed">
                    {fmt.date(a.handedOverAt ?? a.createdAt)}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </TitledCard>
      </Stack>
    </>
  );
}
