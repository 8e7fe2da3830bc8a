import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints';
import type { SiteDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { IconPlus } from '../../components/icons';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { useRegionName } from '../../components/RegionFields';
import { TableScroll } from '../../components/TableScroll';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { SiteFormModal } from './SiteFormModal';

/** Warehouses and branches (admin): code, names, region and city; a name opens the site for editing. */
export default function SitesPage() {
  const { t, language } = usePrefs();
  const regionName = useRegionName();
  const sites = useQuery(endpoints.sites());
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<SiteDto | null>(null);
  const nameOf = (s: SiteDto) => (language !== 'ar' && s.nameLatin ? s.nameLatin : s.name);
  if (sites.error && !sites.data)
    return (
      <>
        <PageHeader title={t('sites.title')} />
        <ErrorAlert error={sites.error} onRetry={() => void sites.refetch()} />
      </>
    );
  if (!sites.data) return <FullPageLoader />;
  return (
    <>
      <PageHeader title={t('sites.title')}>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          {t('sites.new')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md">
        {sites.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('list.empty')}
          </Text>
        ) : (
          <TableScroll label={t('sites.title')}>
            <Table striped verticalSpacing="xs" data-testid="site-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('site.code')}</Table.Th>
                  <Table.Th>{t('site.name')}</Table.Th>
                  <Table.Th>{t('site.region')}</Table.Th>
                  <Table.Th>{t('site.city')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sites.data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Ltr mono>{s.code}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component="button" type="button" size="sm" onClick={() => setEditing(s)}>
                        {nameOf(s)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{regionName(s.regionCode) || '—'}</Table.Td>
                    <Table.Td>{s.city ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Paper>
      {adding && <SiteFormModal onClose={() => setAdding(false)} onSaved={() => setAdding(false)} />}
      {editing && (
        <SiteFormModal existing={editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
      )}
    </>
  );
}
