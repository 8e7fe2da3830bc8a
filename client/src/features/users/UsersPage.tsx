import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { UserDto } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { PagedList } from '../../components/PagedList';
import { ROLES } from '../../api/types';
import { IconPlus } from '../../components/icons';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { UserFormModal } from './UserFormModal';
import { Busy } from '../../components/Busy';
import { usePartners } from '../beneficiaries/usePartners';

const KEYS = ['q', 'role'] as const;

export default function UsersPage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { values, page, set } = useQueryParams(KEYS);
  const list = useQuery(endpoints.users.list({ ...values, page, pageSize: 50 }));
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);
  const partners = usePartners();
  // A partner association's user is named with its organisation (spec §13).
  const partnerName = (id: number) => {
    const p = partners.byId(id);
    return p ? partners.nameOf(p) : `#${id}`;
  };
  return (
    <>
      <PageHeader title={t('users.title')}>
        {list.isFetching && <Busy />}
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('users.new')}
        </Button>
      </PageHeader>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchInput label={t('list.search')} value={values.q} onChange={(q) => set({ q })} />
        <Select
          label={t('user.role')}
          placeholder={t('list.all')}
          clearable
          data={options('role', ROLES)}
          value={values.role || null}
          onChange={(role) => set({ role })}
          w={170}
        />
      </Group>
      <PagedList query={list} onPage={(p) => set({ page: p })}>
        {(items) => (
          <div className="nm-table-wrap">
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('user.name')}</Table.Th>
                  <Table.Th>{t('user.email')}</Table.Th>
                  <Table.Th>{t('user.role')}</Table.Th>
                  <Table.Th>{t('user.language')}</Table.Th>
                  <Table.Th>{t('user.lastLogin')}</Table.Th>
                  <Table.Th>
                    <span className="nm-sr">{t('action.edit')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((u) => (
                  <Table.Tr key={u.id} style={u.active ? undefined : { opacity: 0.6 }}>
                    <Table.Td>
                      {u.name}{' '}
                      {!u.active && (
                        <Badge color="gray" size="xs">
                          {t('user.inactive')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Ltr>{u.email}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      {label('role', u.role)}
                      {u.partnerId != null && (
                        <Text size="xs" c="dimmed">
                          {partnerName(u.partnerId)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{label('language', u.language)}</Table.Td>
                    <Table.Td className="nm-nowrap">{fmt.dateTime(u.lastLoginAt)}</Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="subtle" onClick={() => setEditing(u)}>
                        {t('action.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </PagedList>
      {editing !== null && (
        <UserFormModal
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </>
  );
}
