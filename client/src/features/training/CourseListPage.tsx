import { Anchor, Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { endpoints } from '../../api/endpoints';
import { training } from '../../api/training';
import { MANAGERS } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { Busy } from '../../components/Busy';
import { IconPlus } from '../../components/icons';
import { PagedList } from '../../components/PagedList';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { courseTitle } from './common';

/** The charity's training courses (spec §14): the newest first, with their places and how far their trainees are. */
export default function CourseListPage() {
  const { t, fmt, language } = usePrefs();
  const user = useUser();
  const { page, set } = useQueryParams([] as const);
  const list = useQuery(training.courses.list({ page, pageSize: 25 }));
  const sites = useQuery(endpoints.sites());
  const siteName = (id: number | null) => {
    const s = sites.data?.find((x) => x.id === id);
    return s ? (language !== 'ar' && s.nameLatin ? s.nameLatin : s.name) : '';
  };
  return (
    <>
      <PageHeader title={t('courses.title')}>
        {list.isFetching && <Busy />}
        {MANAGERS.includes(user.role) && (
          <Button component={Link} to="/courses/new" leftSection={<IconPlus size={16} />} data-testid="course-new">
            {t('courses.new')}
          </Button>
        )}
      </PageHeader>
      <Text size="sm" c="dimmed" mb="md">
        {t('courses.intro')}
      </Text>
      <PagedList query={list} onPage={(p) => set({ page: p })} empty={t('courses.empty')}>
        {(items) => (
          <TableScroll label={t('courses.title')}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="course-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('course.title')}</Table.Th>
                  <Table.Th>{t('course.dates')}</Table.Th>
                  <Table.Th>{t('course.where')}</Table.Th>
                  <Table.Th>{t('course.trainer')}</Table.Th>
                  <Table.Th>{t('course.sessions')}</Table.Th>
                  <Table.Th>{t('course.places')}</Table.Th>
                  <Table.Th>{t('course.completedCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/courses/${c.id}`}>
                        {courseTitle(c, language)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('course.hoursN', { n: c.hours })}
                      </Text>
                    </Table.Td>
                    <Table.Td className="nm-nowrap">
                      {t('course.range', { from: fmt.day(c.startsOn), to: fmt.day(c.endsOn) })}
                    </Table.Td>
                    <Table.Td>
                      {c.mode === 'online' ? t('courseMode.online') : siteName(c.siteId) || t('courseMode.site')}
                      {c.location ? (
                        <Text size="xs" c="dimmed">
                          {c.location}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{c.trainer}</Table.Td>
                    <Table.Td>{fmt.number(c.sessions.length)}</Table.Td>
                    <Table.Td className="nm-nowrap">
                      {t('course.placesTaken', { n: c.enrolled + c.completed, capacity: c.capacity })}
                      {c.waitlisted > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('course.waitlistedN', { n: c.waitlisted })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{fmt.number(c.completed)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </PagedList>
    </>
  );
}
