import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { COURSE_CHANGES, training } from '../../api/training';
import { MANAGERS, type CourseDetailDto, type EnrolmentDto } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { isolate } from '../../i18n/isolate';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { beep } from '../../scan/feedback';
import { courseTitle, normaliseCode, TrainingErrorAlert } from './common';
import { TraineeScanInput } from './TraineeScanInput';

type Notice = { id: number; kind: 'marked' | 'already' | 'unknown'; code: string; name: string };
const NOTICE_COLORS: Record<Notice['kind'], string> = { marked: 'green', already: 'yellow', unknown: 'red' };
type Saved = { present: number; total: number; completed: EnrolmentDto[] };

/** Who sits this session: the trainees in the course (enrolled, or completed already), by name then code. */
const traineesOf = (c: CourseDetailDto) =>
  c.enrolments
    .filter((e) => e.status === 'enrolled' || e.status === 'completed')
    .sort(
      (a, b) =>
        (a.beneficiaryName ?? '').localeCompare(b.beneficiaryName ?? '', 'ar') ||
        a.traineeCode.localeCompare(b.traineeCode),
    );

/**
 * The attendance sheet of one session: tick who is here (a tap on the row), or scan their trainee cards one after
 * another (each scan ticks its trainee, flashes the row and beeps); then save, which replaces the session's attendance
 * and says who has now completed the course.
 */
export default function AttendancePage() {
  const params = useParams();
  const courseId = Number(params.id) || 0;
  const sessionId = Number(params.sessionId) || 0;
  const { t, language } = usePrefs();
  const query = useQuery(training.courses.get(courseId));
  const c = query.data;
  if (query.error && !c)
    return (
      <>
        <PageHeader title={t('attendance.title')} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  if (!c) return <FullPageLoader />;
  const session = c.sessions.find((s) => s.id === sessionId);
  if (!session)
    return (
      <>
        <PageHeader title={t('attendance.title')} />
        <Alert color="orange" title={t('error.notFound')}>
          <Anchor component={Link} to={`/courses/${courseId}`}>
            {courseTitle(c, language)}
          </Anchor>
        </Alert>
      </>
    );
  return <AttendanceSheet course={c} sessionId={sessionId} />;
}

function AttendanceSheet({ course, sessionId }: { course: CourseDetailDto; sessionId: number }) {
  const { t, fmt, language } = usePrefs();
  const queryClient = useQueryClient();
  // The certificate (it carries the trainee's name) is a manager's to print.
  const manager = MANAGERS.includes(useUser().role);
  const session = course.sessions.find((s) => s.id === sessionId)!;
  const trainees = useMemo(() => traineesOf(course), [course]);
  const byCode = useMemo(() => new Map(trainees.map((e) => [normaliseCode(e.traineeCode), e])), [trainees]);
  // A sheet taken before opens with who was present then (the server keeps it per session).
  const [present, setPresent] = useState<ReadonlySet<number>>(() => new Set(session.present));
  const [dirty, setDirty] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [saved, setSaved] = useState<Saved | null>(null);
  const rows = useRef(new Map<number, HTMLElement>());
  const scanRef = useRef<HTMLInputElement>(null);
  const noticeId = useRef(0);
  // What is ticked, at once (a scanner sends the next code before React renders): every change goes through change().
  const presentRef = useRef(present);

  const flash = (id: number, ok: boolean) => {
    const row = rows.current.get(id);
    if (!row) return;
    row.scrollIntoView?.({ block: 'nearest' });
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const color = ok ? 'var(--mantine-color-green-5)' : 'var(--mantine-color-yellow-5)';
    row.animate?.(
      [
        {
          boxShadow: `0 0 0 3px ${color}`,
          backgroundColor: ok ? 'var(--mantine-color-green-1)' : 'var(--mantine-color-yellow-1)',
        },
        { boxShadow: '0 0 0 0 transparent' },
      ],
      { duration: reduce ? 1 : 1100, easing: 'ease-out' },
    );
  };

  const change = (next: ReadonlySet<number>) => {
    presentRef.current = next;
    setPresent(next);
    setDirty(true);
    setSaved(null);
  };

  const onCode = useCallback(
    (raw: string) => {
      const e = byCode.get(normaliseCode(raw));
      const id = ++noticeId.current;
      const keep = (n: Notice) => setNotices((list) => [n, ...list].slice(0, 5));
      if (!e) {
        beep(false);
        keep({ id, kind: 'unknown', code: raw.toUpperCase(), name: '' });
        return;
      }
      const already = presentRef.current.has(e.id);
      beep(true);
      keep({ id, kind: already ? 'already' : 'marked', code: e.traineeCode, name: e.beneficiaryName ?? '' });
      if (!already) change(new Set([...presentRef.current, e.id]));
      // After the render that ticks it.
      requestAnimationFrame(() => flash(e.id, !already));
    },
    [byCode],
  );

  // Each trainee's status when the save was sent, to tell who completed the course with it.
  const before = useRef(new Map<number, EnrolmentDto['status']>());
  const save = useMutation({
    mutationFn: () => {
      before.current = new Map(course.enrolments.map((e) => [e.id, e.status]));
      return training.courses.attendance(course.id, sessionId, { present: [...presentRef.current] });
    },
    meta: { invalidates: COURSE_CHANGES },
    onSuccess: () => {
      // The course has been read again (the mutation's invalidation waits for it): who completed with this session?
      const after = queryClient.getQueryData<CourseDetailDto>(training.courses.get(course.id).queryKey);
      const completed = (after?.enrolments ?? []).filter(
        (e) => e.status === 'completed' && before.current.get(e.id) !== 'completed',
      );
      setSaved({ present: presentRef.current.size, total: trainees.length, completed });
      setDirty(false);
    },
  });

  const toggle = (id: number, on: boolean) => {
    const next = new Set(presentRef.current);
    if (on) next.add(id);
    else next.delete(id);
    change(next);
  };

  return (
    <>
      <PageHeader title={t('attendance.titleOf', { date: fmt.day(session.date) })}>
        <Anchor component={Link} to={`/courses/${course.id}`} size="sm">
          {courseTitle(course, language)}
        </Anchor>
      </PageHeader>
      <Stack gap="md" maw={860}>
        {session.attendanceTaken && !dirty && !saved && (
          <Alert color="blue" variant="light" data-testid="attendance-taken">
            {t('attendance.takenBefore', { n: session.presentCount })}
          </Alert>
        )}
        <Paper withBorder p="md">
          <TraineeScanInput
            ref={scanRef}
            onCode={onCode}
            label={t('attendance.scan')}
            description={t('attendance.scanHint')}
          />
          {notices.length > 0 && (
            <Stack gap={2} mt="xs" role="status" aria-live="polite" data-testid="attendance-notices">
              {notices.map((n, i) => (
                <Group key={n.id} gap={8} wrap="nowrap" data-kind={n.kind}>
                  {/* The colour says it at a glance; the words say it too. */}
                  <span
                    aria-hidden
                    style={{
                      flex: 'none',
                      inlineSize: 10,
                      blockSize: 10,
                      borderRadius: 5,
                      background: `var(--mantine-color-${NOTICE_COLORS[n.kind]}-6)`,
                    }}
                  />
                  <Text size="sm" fw={i === 0 ? 600 : 400}>
                    <Ltr mono>{n.code}</Ltr>
                    {' — '}
                    {n.kind === 'unknown'
                      ? t('attendance.unknownCode')
                      : n.kind === 'already'
                        ? t('attendance.already', { name: isolate(n.name || t('enrolment.trainee')) })
                        : t('attendance.marked', { name: isolate(n.name || t('enrolment.trainee')) })}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
            <Badge size="lg" variant="light" data-testid="attendance-count" data-count={present.size}>
              {t('attendance.presentCount', { n: present.size, total: trainees.length })}
            </Badge>
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => change(new Set(trainees.map((e) => e.id)))}>
                {t('attendance.all')}
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => change(new Set())}>
                {t('attendance.none')}
              </Button>
            </Group>
          </Group>
          {trainees.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('attendance.noTrainees')}
            </Text>
          ) : (
            <Stack gap={6} data-testid="attendance-list">
              {trainees.map((e) => {
                const on = present.has(e.id);
                return (
                  <Checkbox.Card
                    key={e.id}
                    ref={(el) => {
                      if (el) rows.current.set(e.id, el);
                      else rows.current.delete(e.id);
                    }}
                    checked={on}
                    onChange={(v) => toggle(e.id, v)}
                    radius="md"
                    p="sm"
                    data-testid="attendance-row"
                    data-code={e.traineeCode}
                    data-present={on ? 'true' : 'false'}
                    style={on ? { backgroundColor: 'var(--mantine-color-green-0)' } : undefined}>
                    <Group wrap="nowrap" gap="sm" align="center">
                      <Checkbox.Indicator size="md" />
                      <div style={{ flex: 1, minWidth: 0 }}>
                        <Text fw={500} size="sm">
                          {e.beneficiaryName ?? t('enrolment.traineeHidden')}
                        </Text>
                        <Text size="xs" c="dimmed">
                          <Ltr mono>{e.traineeCode}</Ltr>
                          {' · '}
                          {t('enrolment.attendance', {
                            attended: e.sessionsAttended,
                            total: course.sessions.length,
                            percent: e.attendancePercent,
                          })}
                        </Text>
                      </div>
                      {e.status === 'completed' && (
                        <Badge size="sm" color="green" variant="light">
                          {t('enrolmentStatus.completed')}
                        </Badge>
                      )}
                    </Group>
                  </Checkbox.Card>
                );
              })}
            </Stack>
          )}
        </Paper>
        {save.error && <TrainingErrorAlert error={save.error} />}
        {saved && (
          <Alert color="green" title={t('attendance.saved')} data-testid="attendance-saved">
            <Stack gap={6}>
              <Text size="sm">{t('attendance.savedCount', { n: saved.present, total: saved.total })}</Text>
              {saved.completed.length === 0 ? (
                <Text size="sm">{t('attendance.noneCompleted')}</Text>
              ) : (
                <>
                  <Text size="sm" fw={500}>
                    {t('attendance.completedNow', { n: saved.completed.length })}
                  </Text>
                  {saved.completed.map((e) => (
                    <Group key={e.id} gap="xs" data-testid="completed-now">
                      <Text size="sm">{e.beneficiaryName ?? <Ltr mono>{e.traineeCode}</Ltr>}</Text>
                      {manager && (
                        <Anchor
                          href={training.enrolments.certificateUrl(e.id)}
                          target="_blank"
                          rel="noopener"
                          size="sm">
                          {t('enrolment.openCertificate')}
                        </Anchor>
                      )}
                    </Group>
                  ))}
                </>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button component={Link} to={`/courses/${course.id}`} variant="default">
            {t('attendance.back')}
          </Button>
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!dirty && !!saved}
            data-testid="attendance-save">
            {t('attendance.save')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
