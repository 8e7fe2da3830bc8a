import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { keys } from '../../api/endpoints';
import { training } from '../../api/training';
import type { CommitteeScoreDto } from '../../api/types';
import { NumberField, parseNumber } from '../../components/NumberField';
import { useServerForm } from '../../components/useServerForm';
import { isolate } from '../../i18n/isolate';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { TrainingErrorAlert } from '../training/common';

/** A half-point step: 0, 0.5, … 10 (the committee scores on ten, halves allowed). */
const onScale = (n: number) => n >= 0 && n <= 10 && Number.isInteger(n * 2);

/** The committee's score of one beneficiary for this programme (0–10), with who gave it and when. */
export function CommitteeScoreForm({
  programmeId,
  beneficiaryId,
  current,
}: {
  programmeId: number;
  beneficiaryId: number;
  current: CommitteeScoreDto | null;
}) {
  const { t, fmt } = usePrefs();
  const { form, onSubmit, busy, unshown, error } = useServerForm({
    initialValues: { score: current ? String(current.score) : '', note: current?.note ?? '' },
    validate: {
      score: (v) => {
        const n = parseNumber(v);
        if (n === undefined) return t('validation.any.required');
        return onScale(n) ? null : t('committee.scale');
      },
    },
    submit: (v) =>
      training.programmes.scoreCommittee(programmeId, beneficiaryId, {
        score: Number(v.score),
        note: v.note.trim() || null,
      }),
    invalidates: [keys.programmes],
    onSuccess: () => form.resetDirty(),
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="committee-form" data-beneficiary={beneficiaryId}>
      <Stack gap={4}>
        <Group gap={4} align="flex-start" wrap="nowrap">
          <NumberField
            aria-label={t('committee.score')}
            rightSection={
              <Text size="xs" c="dimmed" aria-hidden>
                /10
              </Text>
            }
            decimal
            name="score"
            size="xs"
            w={84}
            {...form.getInputProps('score')}
            value={form.values.score}
            onChange={(v) => form.setFieldValue('score', v)}
          />
          <TextInput
            aria-label={t('committee.note')}
            placeholder={t('committee.note')}
            name="note"
            size="xs"
            dir="auto"
            style={{ flex: 1, minWidth: 90 }}
            {...form.getInputProps('note')}
          />
          <Button type="submit" size="xs" variant={form.isDirty() ? 'filled' : 'light'} loading={busy}>
            {t('action.save')}
          </Button>
        </Group>
        {error && unshown.length === 0 && !form.errors.score && <TrainingErrorAlert error={error} />}
        {unshown.map((m) => (
          <Text key={m} size="xs" c="red" role="alert">
            {m}
          </Text>
        ))}
        {current && (
          <Text size="xs" c="dimmed" data-testid="committee-by">
            {t('committee.by', { name: isolate(current.scoredByName), date: fmt.dateTime(current.scoredAt) })}
          </Text>
        )}
      </Stack>
    </form>
  );
}
