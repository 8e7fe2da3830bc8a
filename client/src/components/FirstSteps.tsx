import { Anchor, Button, Paper, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { endpoints } from '../api/endpoints';
import { STAFF } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import type { MessageKey } from '../i18n';
import { usePrefs } from '../prefs/PreferencesProvider';
import { IconCheck } from './moreIcons';
import './FirstSteps.css';

/** The first hour's path (issue 22): add a donor → record a donation → scan devices in → print labels. */
export type FirstStep = 'donor' | 'donation' | 'intake' | 'labels';
const STEPS: readonly FirstStep[] = ['donor', 'donation', 'intake', 'labels'];

const TITLE: Record<FirstStep, MessageKey> = {
  donor: 'firstSteps.donor',
  donation: 'firstSteps.donation',
  intake: 'firstSteps.intake',
  labels: 'firstSteps.labels',
};
const NEXT: Record<FirstStep, MessageKey> = {
  donor: 'firstSteps.next.donor',
  donation: 'firstSteps.next.donation',
  intake: 'firstSteps.next.intake',
  labels: 'firstSteps.next.labels',
};

/**
 * Where the charity is on that path, from one row of each list (null while reading): the first list still empty
 * names the step to take. The reads are the lists' own queries, so a new donor or donation moves it on at once.
 */
function useFirstStep(): { step: FirstStep | null; donationId?: number } {
  const donors = useQuery(endpoints.donors.list({ pageSize: 1 }));
  const donations = useQuery(endpoints.donations.list({ pageSize: 1 }));
  const devices = useQuery(endpoints.devices.list({ pageSize: 1 }));
  if (!donors.data || !donations.data || !devices.data) return { step: null };
  const donationId = donations.data.items[0]?.id;
  if (donors.data.total === 0) return { step: 'donor' };
  if (donations.data.total === 0) return { step: 'donation' };
  if (devices.data.total === 0) return { step: 'intake', donationId };
  return { step: 'labels', donationId };
}

function linkOf(step: FirstStep, donationId?: number): string {
  switch (step) {
    case 'donor':
      return '/donors/new';
    case 'donation':
      return '/donations/new';
    case 'intake':
      return donationId ? `/intake?donation=${donationId}` : '/intake';
    case 'labels':
      // The devices just taken in, to select and print (the intake bench prints each one as it is added, too).
      return '/devices?status=intake';
  }
}

/**
 * The empty state of the main screens while the charity has just started: what to do next, with its link, and the
 * whole path with each step done ticked. Shown by a screen whose own list is empty (and not filtered); `until` hides
 * it once the path is past that step (the device list stays quiet once devices exist).
 */
export function FirstSteps({ until = 'labels' }: { until?: FirstStep }) {
  const { t } = usePrefs();
  const staff = STAFF.includes(useUser().role);
  const { step, donationId } = useFirstStep();
  if (!step || STEPS.indexOf(step) > STEPS.indexOf(until)) return null;
  const at = STEPS.indexOf(step);
  return (
    <Paper
      withBorder
      p="md"
      mb="md"
      bg="teal.0"
      component="section"
      aria-labelledby="first-steps-title"
      data-testid="first-steps"
      data-step={step}>
      <Title order={2} fz="lg" id="first-steps-title">
        {t('firstSteps.title')}
      </Title>
      <Text size="sm" mt={4} mb="sm">
        {t(NEXT[step])}
      </Text>
      {staff && (
        <Button component={Link} to={linkOf(step, donationId)} mb="sm" data-testid="first-steps-next">
          {t(TITLE[step])}
        </Button>
      )}
      <ol className="nm-first-steps">
        {STEPS.map((s, i) => (
          <li key={s} data-done={i < at || undefined} aria-current={i === at ? 'step' : undefined}>
            {i < at ? (
              <ThemeIcon size={18} radius="xl" color="teal" aria-hidden>
                <IconCheck size={12} />
              </ThemeIcon>
            ) : (
              <span className="nm-first-steps-n" aria-hidden>
                {i + 1}
              </span>
            )}
            {staff ? (
              <Anchor component={Link} to={linkOf(s, donationId)} size="sm" fw={i === at ? 700 : undefined}>
                {t(TITLE[s])}
              </Anchor>
            ) : (
              <Text span size="sm" fw={i === at ? 700 : undefined}>
                {t(TITLE[s])}
              </Text>
            )}
            {i < at && <VisuallyHidden> ({t('firstSteps.done')})</VisuallyHidden>}
          </li>
        ))}
      </ol>
    </Paper>
  );
}

export default FirstSteps;
