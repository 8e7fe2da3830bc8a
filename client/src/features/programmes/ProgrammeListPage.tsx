import { Anchor, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { IconPlus } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { useProgrammes } from '../allocation/useProgrammes';
import { CreateProgrammeModal } from '../dashboard/CreateProgrammeModal';

/** The charity's programmes (phases): each with its target, its rules at a glance, its page and its waiting list. */
export default function ProgrammeListPage() {
  const { t, fmt } = usePrefs();
  const navigate = useNavigate();
  const programmes = useProgrammes();
  const [creating, setCreating] = useState(false);
  if (programmes.error && !programmes.data)
    return (
      <>
        <PageHeader title={t('programmes.title')} />
        <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />
      </>
    );
  if (!programmes.data) return <FullPageLoader />;
  return (
    <>
      <PageHeader title={t('programmes.title')}>
        {programmes.isFetching && <Busy />}
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="programme-new">
          {t('dash.newProgramme')}
        </Button>
      </PageHeader>
      <Text size="sm" c="dimmed" mb="md">
        {t('programmes.intro')}
      </Text>
      <Paper withBorder p="md">
        {programmes.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('programmes.empty')}
          </Text>
        ) : (
          <TableScroll label={t('programmes.title')}>
            <Table striped verticalSpacing="xs" data-testid="programme-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('programme.name')}</Table.Th>
                  <Table.Th>{t('programmes.target')}</Table.Th>
                  <Table.Th>{t('programmes.period')}</Table.Th>
                  <Table.Th>{t('programmes.rules')}</Table.Th>
                  <Table.Th>{t('programmes.waitlist')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {programmes.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/programmes/${p.id}`}>
                        {programmes.nameOf(p)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="nm-nowrap">
                      {t('programmes.targetValue', { families: p.targetFamilies, students: p.targetStudents })}
                    </Table.Td>
                    <Table.Td className="nm-nowrap">
                      {p.startsOn || p.endsOn ? `${fmt.day(p.startsOn)} – ${fmt.day(p.endsOn)}` : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="wrap">
                        {p.requiresTraining && (
                          <Badge size="sm" variant="light" color="grape">
                            {t('programmes.flag.training')}
                          </Badge>
                        )}
                        {p.committeeScoring && (
                          <Badge size="sm" variant="light" color="blue">
                            {t('programmes.flag.committee')}
                          </Badge>
                        )}
                        {p.applicationsOpen && (
                          <Badge size="sm" variant="light" color="teal">
                            {t('programmes.flag.applications')}
                          </Badge>
                        )}
                        {!p.requiresTraining && !p.committeeScoring && !p.applicationsOpen && (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/programmes/${p.id}/waitlist`} size="sm">
                        {t('programmes.openWaitlist')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Paper>
      {creating && (
        <CreateProgrammeModal
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            void navigate(`/programmes/${p.id}`);
          }}
        />
      )}
    </>
  );
}
