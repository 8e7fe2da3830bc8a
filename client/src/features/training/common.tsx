import { Alert, Badge } from '@mantine/core';
import { ApiError } from '../../api/http';
import type { EnrolmentStatus, Language } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Ltr } from '../../components/Ltr';
import type { MessageKey } from '../../i18n';
import { toLatinDigits } from '../../i18n/format';
import { useT } from '../../prefs/PreferencesProvider';

/** A course's title in the UI language (Arabic, else the English one), the other when that one is empty. */
export function courseTitle(c: { titleAr: string; titleEn: string }, language: Language): string {
  return (language === 'ar' ? c.titleAr || c.titleEn : c.titleEn || c.titleAr) || '—';
}

/**
 * A trainee code as scanned or typed, for matching: Arabic-Indic digits made ASCII, upper case, only letters and
 * digits (so "tr-2026-0042", "TR 2026 0042" and "TR20260042" are the same code).
 */
export function normaliseCode(code: string): string {
  return toLatinDigits(code)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

const STATUS_COLORS: Record<EnrolmentStatus, string> = {
  enrolled: 'blue',
  waitlisted: 'yellow',
  completed: 'green',
  dropped: 'gray',
};

export function EnrolmentStatusBadge({ status }: { status: EnrolmentStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light">
      {t(`enrolmentStatus.${status}`)}
    </Badge>
  );
}

/** The training and selection refusals a user can act on, said in their language (the server's sentence is English). */
const REFUSALS: Partial<Record<string, MessageKey>> = {
  ALREADY_ENROLLED: 'trainingError.ALREADY_ENROLLED',
  NOT_A_TRAINEE: 'trainingError.NOT_A_TRAINEE',
  DUPLICATE_SESSION: 'trainingError.DUPLICATE_SESSION',
  SESSION_NOT_HELD_YET: 'trainingError.SESSION_NOT_HELD_YET',
  ENROLMENT_NOT_ACTIVE: 'trainingError.ENROLMENT_NOT_ACTIVE',
  ENROLMENT_NOT_IN_COURSE: 'trainingError.ENROLMENT_NOT_ACTIVE',
  COMMITTEE_SCORING_OFF: 'trainingError.COMMITTEE_SCORING_OFF',
};

/** A failed write: a known refusal in the user's words (with the request id), anything else as ErrorAlert says it. */
export function TrainingErrorAlert({ error, unshown }: { error: unknown; unshown?: string[] }) {
  const t = useT();
  const key = error instanceof ApiError ? REFUSALS[error.code] : undefined;
  if (!key || !(error instanceof ApiError)) return <ErrorAlert error={error} unshown={unshown} />;
  return (
    <Alert color="red" title={t(key)} role="alert" data-code={error.code}>
      {error.requestId && (
        <div className="nm-muted">
          {t('error.requestId')}: <Ltr mono>{error.requestId}</Ltr>
        </div>
      )}
    </Alert>
  );
}
