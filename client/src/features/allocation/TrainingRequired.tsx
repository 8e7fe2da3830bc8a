import { Alert, Anchor, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/http';
import type { TrainingRequiredDetails } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { usePrefs } from '../../prefs/PreferencesProvider';

export const TRAINING_REQUIRED = 'TRAINING_REQUIRED';

/** The 409's details when the handover was refused for the programme's training (spec §14), else null. */
export function trainingRefusal(error: unknown): TrainingRequiredDetails | null {
  return error instanceof ApiError && error.code === TRAINING_REQUIRED
    ? (error.details as TrainingRequiredDetails)
    : null;
}

/**
 * The programme asks for its course before the device is handed over: which course, the attendance so far and the
 * sessions still missing, a link to the course; an admin may hand over anyway with a reason (kept on the allocation
 * and in the device's history), nobody else.
 */
export function TrainingRequired({
  details,
  reason,
}: {
  details: TrainingRequiredDetails;
  /** The form's getInputProps('trainingOverrideReason'): the server's 400 on it lands there. */
  reason: { value?: unknown; onChange: (value: never) => void; error?: ReactNode };
}) {
  const { t, language } = usePrefs();
  const admin = useUser().role === 'admin';
  const title = (language === 'ar' ? details.courseTitleAr : details.courseTitleEn) || details.courseTitleAr;
  return (
    <Alert color="orange" title={t('trainingGate.title')} role="alert" data-testid="training-required">
      <div>
        {t('trainingGate.body', {
          course: title,
          percent: details.attendancePercent,
          threshold: details.attendanceThreshold,
        })}{' '}
        {details.sessionsMissing > 0 && t('trainingGate.missing', { n: details.sessionsMissing })}
      </div>
      <Anchor component={Link} to={`/courses/${details.courseId}`} size="sm">
        {t('trainingGate.openCourse')}
      </Anchor>
      {admin ? (
        <Textarea
          mt="sm"
          label={t('trainingGate.overrideLabel')}
          description={t('trainingGate.overrideHint')}
          name="trainingOverrideReason"
          autosize
          minRows={2}
          maxLength={500}
          data-testid="training-override"
          value={(reason.value as string | undefined) ?? ''}
          onChange={reason.onChange}
          error={reason.error}
        />
      ) : (
        <div className="nm-muted">{t('trainingGate.askAdmin')}</div>
      )}
    </Alert>
  );
}
