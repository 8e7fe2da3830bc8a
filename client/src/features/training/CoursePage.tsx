import { Anchor, Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { endpoints } from '../../api/endpoints';
import { training } from '../../api/training';
import { MANAGERS, STAFF } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { courseTitle } from './common';
import { EnrolmentsCard } from './EnrolmentsCard';
import { SessionsCard } from './SessionsCard';

/**
 * One course: what, where, who trains and when; its sessions (add a date, take attendance); its trainees by status
 * with their attendance and, once completed, their certificate; enrol a beneficiary, drop one; the trainee cards.
 */
export default function CoursePage() {
  const { t, fmt, language } = usePrefs();
  const role = useUser().role;
  const manager = MANAGERS.includes(role);
  const id = Number(useParams().id) || 0;
  const query = useQuery(training.courses.get(id));
  const sites = useQuery(endpoints.sites());
  const c = query.data;
  if (query.error && !c)
    return (
      <>
        <PageHeader title={t('courses.one')} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  if (!c) return <FullPageLoader />;
  const site = sites.data?.find((s) => s.id === c.siteId);
  const other = language === 'ar' ? c.titleEn : c.titleAr;
  return (
    <>
      <PageHeader title={courseTitle(c, language)}>
        {query.isFetching && <Busy />}
        {manager && (
          <Button component={Link} to={`/courses/${c.id}/edit`} variant="default">
            {t('action.edit')}
          </Button>
        )}
        {manager && (
          <Button
            component="a"
            href={training.courses.cardsUrl(c.id)}
            target="_blank"
            rel="noopener"
            variant="light"
            data-testid="trainee-cards-link">
            {t('course.cards')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="md">
        <Paper withBorder p="md" data-testid="course-details">
          {other && other !== courseTitle(c, language) && (
            <Text size="sm" c="dimmed" mb="xs" dir="auto">
              {other}
            </Text>
          )}
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Field label={t('course.dates')}>
              {t('course.range', { from: fmt.day(c.startsOn), to: fmt.day(c.endsOn) })}
            </Field>
            <Field label={t('course.hours')}>{t('course.hoursN', { n: c.hours })}</Field>
            <Field label={t('course.where')}>
              {c.mode === 'online'
                ? t('courseMode.online')
                : site
                  ? language !== 'ar' && site.nameLatin
                    ? site.nameLatin
                    : site.name
                  : t('courseMode.site')}
              {c.location ? ` — ${c.location}` : ''}
            </Field>
            <Field label={t('course.trainer')}>{c.trainer}</Field>
            <Field label={t('course.capacity')}>
              {t('course.placesTaken', { n: c.enrolled + c.completed, capacity: c.capacity })}
            </Field>
            <Field label={t('course.threshold')}>{t('course.thresholdValue', { n: c.attendanceThreshold })}</Field>
            <Field label={t('course.sessions')}>{fmt.number(c.sessions.length)}</Field>
            <Field label={t('course.completedCount')}>{fmt.number(c.completed)}</Field>
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="sm">
            {t('course.thresholdHint', { n: c.attendanceThreshold })}
          </Text>
          {manager && (
            <Anchor component={Link} to="/programmes" size="xs">
              {t('nav.programmes')}
            </Anchor>
          )}
        </Paper>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <SessionsCard course={c} manager={manager} attendance={STAFF.includes(role)} />
          <EnrolmentsCard course={c} manager={manager} />
        </SimpleGrid>
      </Stack>
    </>
  );
}
