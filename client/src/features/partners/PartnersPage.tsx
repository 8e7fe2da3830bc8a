import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import type { PartnerDto } from '../../api/types';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { IconPlus } from '../../components/icons';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { useRegionName } from '../../components/RegionFields';
import { useT } from '../../prefs/PreferencesProvider';
import { usePartners } from '../beneficiaries/usePartners';
import { PartnerFormModal } from './PartnerFormModal';
import { TableScroll } from '../../components/TableScroll';

/** Partner organisations; each links to the beneficiaries it referred (the registry filtered by partner). */
export default function PartnersPage() {
  const t = useT();
  const label = useEnumLabel();
  const partners = usePartners();
  const regionName = useRegionName();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<PartnerDto | null>(null);
  if (partners.error && !partners.data)
    return (
      <>
        <PageHeader title={t('partners.title')} />
        <ErrorAlert error={partners.error} onRetry={() => void partners.refetch()} />
      </>
    );
  if (!partners.data) return <FullPageLoader />;
  return (
    <>
      <PageHeader title={t('partners.title')}>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          {t('partners.new')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md">
        {partners.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('list.empty')}
          </Text>
        ) : (
          <TableScroll label={t('partners.title')}>
            <Table striped verticalSpacing="xs" data-testid="partner-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('partner.name')}</Table.Th>
                  <Table.Th>{t('partner.kind')}</Table.Th>
                  <Table.Th>{t('partner.region')}</Table.Th>
                  <Table.Th>{t('partner.city')}</Table.Th>
                  <Table.Th>{t('partner.contactPerson')}</Table.Th>
                  <Table.Th>{t('partner.phone')}</Table.Th>
                  <Table.Th>{t('partners.referrals')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {partners.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component="button" type="button" size="sm" onClick={() => setEditing(p)}>
                        {partners.nameOf(p)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{label('partnerKind', p.kind)}</Table.Td>
                    <Table.Td>{regionName(p.regionCode) || '—'}</Table.Td>
                    <Table.Td>{p.city ?? '—'}</Table.Td>
                    <Table.Td>{p.contactPerson ?? '—'}</Table.Td>
                    <Table.Td className="nm-nowrap">{p.phone ? <Ltr>{p.phone}</Ltr> : '—'}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/beneficiaries?partnerId=${p.id}`} size="sm">
                        {t('partners.viewReferrals')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Paper>
      {adding && <PartnerFormModal onClose={() => setAdding(false)} onSaved={() => setAdding(false)} />}
      {editing && (
        <PartnerFormModal existing={editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
      )}
    </>
  );
}
