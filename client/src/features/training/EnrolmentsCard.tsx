import { Anchor, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { COURSE_CHANGES, training } from '../../api/training';
import type { CourseDetailDto, EnrolmentDto, EnrolmentStatus } from '../../api/types';
import { Ltr } from '../../components/Ltr';
import { TableScroll } from '../../components/TableScroll';
import { TitledCard } from '../../components/TitledCard';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { EnrolmentStatusBadge, TrainingErrorAlert } from './common';
import { EnrolForm } from './EnrolForm';

const ORDER: readonly EnrolmentStatus[] = ['enrolled', 'waitlisted', 'completed', 'dropped'];

/** Drops a trainee (or takes them off the waiting list) after a second click: the place goes to the next in line. */
function DropButton({ enrolment }: { enrolment: EnrolmentDto }) {
  const { t } = usePrefs();
  const [confirming, setConfirming] = useState(false);
  const drop = useMutation({
    mutationFn: () => training.enrolments.drop(enrolment.id),
    meta: { invalidates: COURSE_CHANGES },
  });
  return (
    <Stack gap={4} align="flex-start">
      {drop.error && <TrainingErrorAlert error={drop.error} />}
      {confirming ? (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" color="red" loading={drop.isPending} onClick={() => drop.mutate()}>
            {t('enrolment.confirmDrop')}
          </Button>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setConfirming(false)}>
            {t('action.cancel')}
          </Button>
        </Group>
      ) : (
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
          {t('enrolment.drop')}
        </Button>
      )}
    </Stack>
  );
}

function AttendanceCell({ e, sessions }: { e: EnrolmentDto; sessions: number }) {
  const { t } = usePrefs();
  return (
    <div style={{ minWidth: 120 }}>
      <Text size="xs" className="nm-nowrap">
        {t('enrolment.attendance', { attended: e.sessionsAttended, total: sessions, percent: e.attendancePercent })}
      </Text>
      <Progress
        value={e.attendancePercent}
        size="sm"
        color={e.status === 'completed' ? 'green' : 'blue'}
        aria-label={t('enrolment.attendancePercent', { percent: e.attendancePercent })}
      />
    </div>
  );
}

/** The course's trainees by status (in the course, waiting for a place, completed, dropped). */
export function EnrolmentsCard({ course, manager }: { course: CourseDetailDto; manager: boolean }) {
  const { t } = usePrefs();
  const groups = ORDER.map((status) => ({
    status,
    items: course.enrolments.filter((e) => e.status === status),
  })).filter((g) => g.items.length > 0);
  return (
    <TitledCard title={t('course.trainees')} className="nm-span-2" data-testid="course-enrolments">
      <Stack gap="md">
        {manager && <EnrolForm courseId={course.id} />}
        {groups.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('course.noTrainees')}
          </Text>
        )}
        {groups.map(({ status, items }) => (
          <div key={status} data-testid={`enrolments-${status}`}>
            <Title order={3} fz="md" mb={4}>
              {t(`course.group.${status}`, { n: items.length })}
            </Title>
            <TableScroll label={t(`enrolmentStatus.${status}`)}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('enrolment.trainee')}</Table.Th>
                    <Table.Th>{t('enrolment.code')}</Table.Th>
                    <Table.Th>{t('attendance.title')}</Table.Th>
                    <Table.Th>{status === 'completed' ? t('enrolment.certificate') : t('beneficiary.status')}</Table.Th>
                    {manager && status !== 'completed' && status !== 'dropped' && (
                      <Table.Th>
                        <span className="nm-sr">{t('enrolment.drop')}</span>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((e) => (
                    <Table.Tr
                      key={e.id}
                      data-testid="enrolment"
                      data-status={e.status}
                      data-code={e.traineeCode}
                      data-name={e.beneficiaryName ?? ''}>
                      <Table.Td>
                        {e.beneficiaryName && manager ? (
                          <Anchor component={Link} to={`/beneficiaries/${e.beneficiaryId}`} size="sm">
                            {e.beneficiaryName}
                          </Anchor>
                        ) : (
                          (e.beneficiaryName ?? t('enrolment.traineeHidden'))
                        )}
                      </Table.Td>
                      <Table.Td className="nm-nowrap">
                        <Ltr mono>{e.traineeCode}</Ltr>
                      </Table.Td>
                      <Table.Td>
                        <AttendanceCell e={e} sessions={course.sessions.length} />
                      </Table.Td>
                      <Table.Td>
                        {e.status === 'completed' && e.certificateCode ? (
                          <Stack gap={2}>
                            <Anchor
                              href={training.enrolments.certificateUrl(e.id)}
                              target="_blank"
                              rel="noopener"
                              size="sm"
                              data-testid="training-certificate-link">
                              {t('enrolment.openCertificate')}
                            </Anchor>
                            {/* A full page load: the server renders /verify/<code>, not the app's router. */}
                            <Anchor href={`/verify/${e.certificateCode}`} target="_blank" rel="noopener" size="xs">
                              <Ltr mono>{e.certificateCode}</Ltr>
                            </Anchor>
                          </Stack>
                        ) : (
                          <EnrolmentStatusBadge status={e.status} />
                        )}
                      </Table.Td>
                      {manager && status !== 'completed' && status !== 'dropped' && (
                        <Table.Td>
                          <DropButton enrolment={e} />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </div>
        ))}
      </Stack>
    </TitledCard>
  );
}
