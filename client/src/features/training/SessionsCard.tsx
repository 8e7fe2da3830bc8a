import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { COURSE_CHANGES, training } from '../../api/training';
import type { CourseDetailDto } from '../../api/types';
import { TableScroll } from '../../components/TableScroll';
import { TitledCard } from '../../components/TitledCard';
import { useServerForm } from '../../components/useServerForm';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { TrainingErrorAlert } from './common';
import { DateField } from '../../components/DateField';

/** Today on this device, YYYY-MM-DD. */
function localDay(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The course's sessions by date, each with its attendance (taken or not) and, for the staff, the sheet to take it;
 * managers add a date.
 */
export function SessionsCard({
  course,
  manager,
  attendance,
}: {
  course: CourseDetailDto;
  manager: boolean;
  attendance: boolean;
}) {
  const { t, fmt } = usePrefs();
  const inCourse = course.enrolled + course.completed;
  // Attendance is taken on the day or after (the server refuses a session still to come).
  const today = localDay();
  const sessions = [...course.sessions].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { date: '' },
    submit: (v) => training.courses.addSession(course.id, v.date),
    invalidates: COURSE_CHANGES,
    onSuccess: () => form.reset(),
  });
  return (
    <TitledCard title={t('course.sessions')} data-testid="course-sessions">
      <Stack gap="sm">
        {sessions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('course.noSessions')}
          </Text>
        ) : (
          <TableScroll label={t('course.sessions')} compact>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('course.sessionDate')}</Table.Th>
                  <Table.Th>{t('attendance.title')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.map((s, i) => (
                  <Table.Tr key={s.id} data-testid="course-session" data-date={s.date}>
                    <Table.Td className="nm-nowrap">
                      <Text size="sm" fw={500}>
                        {fmt.day(s.date)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('course.sessionN', { n: i + 1 })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="wrap">
                        {s.attendanceTaken ? (
                          <Badge variant="light" color="teal">
                            {t('course.presentOf', { n: s.presentCount, total: inCourse })}
                          </Badge>
                        ) : (
                          <Badge variant="outline" color="gray">
                            {t('course.notTaken')}
                          </Badge>
                        )}
                        {!attendance ? null : s.date > today ? (
                          <Text size="xs" c="dimmed">
                            {t('course.upcoming')}
                          </Text>
                        ) : (
                          <Anchor
                            component={Link}
                            to={`/courses/${course.id}/sessions/${s.id}/attendance`}
                            size="sm"
                            data-testid="take-attendance">
                            {s.attendanceTaken ? t('attendance.edit') : t('attendance.take')}
                          </Anchor>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {manager && (
          <form onSubmit={onSubmit} noValidate data-testid="session-form">
            <Stack gap="xs">
              {error && <TrainingErrorAlert error={error} unshown={unshown} />}
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <DateField
                  label={t('course.addSession')}
                  name="date"
                  required
                  style={{ flex: 1, minWidth: 0 }}
                  {...form.getInputProps('date')}
                />
                <Button type="submit" loading={busy} variant="light">
                  {t('course.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </TitledCard>
  );
}
