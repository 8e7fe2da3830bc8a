import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ChangeEvent } from 'react';
import { Link, useParams } from 'react-router';
import { endpoints } from '../../api/endpoints';
import { CopyLinkButton } from '../../components/ShareLink';
import { PROGRAMME_CHANGES, training } from '../../api/training';
import {
  BENEFICIARY_KINDS,
  DEFAULT_ATTENDANCE_THRESHOLD,
  PRIORITY_FACTORS,
  REGIONS,
  regionName,
  type BeneficiaryKind,
  type PriorityWeights,
  type ProgrammeDto,
  type ProgrammePatch,
  type ProgrammeWeights,
} from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { NumberField, parseNumber } from '../../components/NumberField';
import { PageHeader } from '../../components/PageHeader';
import { TitledCard } from '../../components/TitledCard';
import { useServerForm } from '../../components/useServerForm';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { courseTitle } from '../training/common';
import { DateField } from '../../components/DateField';

const WEIGHT_KEYS = [...PRIORITY_FACTORS, 'incomeCeilingPerMember', 'committee'] as const;
type WeightKey = (typeof WEIGHT_KEYS)[number];

type Values = {
  name: string;
  nameLatin: string;
  targetFamilies: string;
  targetStudents: string;
  startsOn: string;
  endsOn: string;
  requiresTraining: boolean;
  courseId: string | null;
  attendanceThreshold: string;
  eligibility: {
    kinds: string[];
    minAge: string;
    maxAge: string;
    regionCodes: string[];
    maxIncomePerMember: string;
  };
  /** "Use the country's defaults": weights null. */
  defaultWeights: boolean;
  weights: Record<WeightKey, string>;
  committeeScoring: boolean;
  applicationsOpen: boolean;
};

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function fromDto(p: ProgrammeDto, defaults: PriorityWeights | null): Values {
  const w: Partial<ProgrammeWeights> = p.weights ?? { ...defaults, committee: 0 };
  return {
    name: p.name,
    nameLatin: p.nameLatin ?? '',
    targetFamilies: String(p.targetFamilies),
    targetStudents: String(p.targetStudents),
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
    requiresTraining: p.requiresTraining,
    courseId: p.courseId === null ? null : String(p.courseId),
    attendanceThreshold: String(p.attendanceThreshold),
    eligibility: {
      kinds: [...p.eligibility.kinds],
      minAge: text(p.eligibility.minAge),
      maxAge: text(p.eligibility.maxAge),
      regionCodes: [...p.eligibility.regionCodes],
      maxIncomePerMember: text(p.eligibility.maxIncomePerMember),
    },
    defaultWeights: p.weights === null,
    weights: Object.fromEntries(WEIGHT_KEYS.map((k) => [k, text(w[k])])) as Record<WeightKey, string>,
    committeeScoring: p.committeeScoring,
    applicationsOpen: p.applicationsOpen,
  };
}

const orNull = (v: string) => parseNumber(v) ?? null;

function toPatch(v: Values): ProgrammePatch {
  return {
    name: v.name.trim(),
    nameLatin: v.nameLatin.trim() || null,
    targetFamilies: parseNumber(v.targetFamilies) ?? 0,
    targetStudents: parseNumber(v.targetStudents) ?? 0,
    startsOn: v.startsOn || null,
    endsOn: v.endsOn || null,
    requiresTraining: v.requiresTraining,
    courseId: v.courseId ? Number(v.courseId) : null,
    ...(v.attendanceThreshold.trim() ? { attendanceThreshold: Number(v.attendanceThreshold) } : {}),
    eligibility: {
      kinds: v.eligibility.kinds as BeneficiaryKind[],
      minAge: orNull(v.eligibility.minAge),
      maxAge: orNull(v.eligibility.maxAge),
      regionCodes: v.eligibility.regionCodes,
      maxIncomePerMember: orNull(v.eligibility.maxIncomePerMember),
    },
    // An empty weight is left out, so that the server names it.
    weights: v.defaultWeights
      ? null
      : (Object.fromEntries(
          WEIGHT_KEYS.filter((k) => v.weights[k].trim() !== '').map((k) => [k, Number(v.weights[k])]),
        ) as ProgrammeWeights),
    committeeScoring: v.committeeScoring,
    applicationsOpen: v.applicationsOpen,
  };
}

const KNOWN = [
  'name',
  'nameLatin',
  'targetFamilies',
  'targetStudents',
  'startsOn',
  'endsOn',
  'courseId',
  'attendanceThreshold',
  'eligibility',
  'eligibility.kinds',
  'eligibility.minAge',
  'eligibility.maxAge',
  'eligibility.regionCodes',
  'eligibility.maxIncomePerMember',
  'weights',
  ...WEIGHT_KEYS.map((k) => `weights.${k}`),
];

/** A programme's page (managers): its target and dates, then its rules (training, eligibility, weights, committee, applications). */
export default function ProgrammePage() {
  const { t } = usePrefs();
  const id = Number(useParams().id) || 0;
  const programme = useQuery(training.programmes.get(id));
  // The country's default weights: what GET /api/waitlist scores with, and what "use the defaults" means here.
  const defaults = useQuery(endpoints.waitlist({ pageSize: 1 }));
  if (programme.error && !programme.data)
    return (
      <>
        <PageHeader title={t('programmes.one')} />
        <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />
      </>
    );
  if (!programme.data || defaults.isPending) return <FullPageLoader />;
  return <RulesForm key={programme.data.id} programme={programme.data} defaults={defaults.data?.weights ?? null} />;
}

function RulesForm({ programme, defaults }: { programme: ProgrammeDto; defaults: PriorityWeights | null }) {
  const { t, language } = usePrefs();
  const label = useEnumLabel();
  const [saved, setSaved] = useState(false);
  const courses = useQuery(training.courses.list({ pageSize: 100 }));
  const { form, onSubmit, busy, error, unshown, fieldError } = useServerForm({
    initialValues: fromDto(programme, defaults),
    submit: (v) => training.programmes.update(programme.id, toPatch(v)),
    invalidates: PROGRAMME_CHANGES,
    known: KNOWN,
    onSuccess: () => {
      setSaved(true);
      form.resetDirty();
    },
  });
  const v = form.values;
  const regionData = useMemo(
    () =>
      (['SA', 'MA'] as const).map((c) => ({
        group: t(`region.country.${c}`),
        items: REGIONS.filter((r) => r.country === c).map((r) => ({
          value: r.code,
          label: regionName(r.code, language),
        })),
      })),
    [language, t],
  );
  const courseOptions = (courses.data?.items ?? []).map((c) => ({
    value: String(c.id),
    label: courseTitle(c, language),
  }));
  // The programme's own course, even when the list did not bring it.
  if (programme.courseId !== null && !courseOptions.some((o) => o.value === String(programme.courseId)))
    courseOptions.push({ value: String(programme.courseId), label: `#${programme.courseId}` });
  const number = (path: string, extra: { decimal?: boolean } = {}) => {
    const props = form.getInputProps(path);
    return {
      name: path,
      ...props,
      ...extra,
      value: String(props.value ?? ''),
      onChange: (s: string) => {
        form.setFieldValue(path, s);
        setSaved(false);
      },
    };
  };
  const toggle = (path: keyof Values) => {
    const props = form.getInputProps(path, { type: 'checkbox' });
    return {
      name: path,
      ...props,
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        (props.onChange as (e: ChangeEvent<HTMLInputElement>) => void)(e);
        setSaved(false);
      },
    };
  };
  const publicLink = `${window.location.origin}/apply/${programme.id}`;
  const name = language !== 'ar' && programme.nameLatin ? programme.nameLatin : programme.name;

  return (
    <>
      <PageHeader title={name}>
        <Button
          component={Link}
          to={`/programmes/${programme.id}/waitlist`}
          variant="light"
          data-testid="open-waitlist">
          {t('programmes.openWaitlist')}
        </Button>
      </PageHeader>
      <form onSubmit={onSubmit} noValidate data-testid="programme-rules" onChange={() => setSaved(false)}>
        <Stack gap="md">
          {error && <ErrorAlert error={error} unshown={unshown} />}
          <TitledCard title={t('programmes.general')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              <TextInput label={t('programme.name')} required name="name" {...form.getInputProps('name')} />
              <TextInput
                label={t('programme.nameLatin')}
                dir="ltr"
                name="nameLatin"
                {...form.getInputProps('nameLatin')}
              />
              <NumberField label={t('programme.targetFamilies')} {...number('targetFamilies')} />
              <NumberField label={t('programme.targetStudents')} {...number('targetStudents')} />
              <DateField label={t('programme.startsOn')} {...form.getInputProps('startsOn')} />
              <DateField label={t('programme.endsOn')} {...form.getInputProps('endsOn')} />
            </SimpleGrid>
          </TitledCard>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TitledCard title={t('rules.training')} data-testid="rules-training">
              <Stack gap="sm">
                <Switch
                  label={t('rules.requiresTraining')}
                  description={t('rules.requiresTrainingHint')}
                  {...toggle('requiresTraining')}
                />
                <Select
                  label={t('rules.course')}
                  placeholder={t('rules.pickCourse')}
                  name="courseId"
                  searchable
                  clearable
                  required={v.requiresTraining}
                  nothingFoundMessage={t('courses.empty')}
                  data={courseOptions}
                  {...form.getInputProps('courseId')}
                />
                <NumberField
                  label={t('rules.threshold')}
                  description={t('rules.thresholdHint', { n: DEFAULT_ATTENDANCE_THRESHOLD })}
                  rightSection={<Text size="sm">%</Text>}
                  {...number('attendanceThreshold')}
                />
                {courses.error && <ErrorAlert error={courses.error} />}
                <Anchor component={Link} to="/courses" size="sm">
                  {t('nav.courses')}
                </Anchor>
              </Stack>
            </TitledCard>

            <TitledCard title={t('rules.eligibility')} data-testid="rules-eligibility">
              <Stack gap="sm">
                <Checkbox.Group
                  label={t('rules.kinds')}
                  description={t('rules.kindsHint')}
                  {...form.getInputProps('eligibility.kinds')}>
                  <Group gap="md" mt={6}>
                    {BENEFICIARY_KINDS.map((k) => (
                      <Checkbox key={k} value={k} label={label('beneficiaryKind', k)} name="eligibility.kinds" />
                    ))}
                  </Group>
                </Checkbox.Group>
                <SimpleGrid cols={2} spacing="sm">
                  <NumberField label={t('rules.minAge')} {...number('eligibility.minAge')} />
                  <NumberField
                    label={t('rules.maxAge')}
                    {...number('eligibility.maxAge')}
                    error={fieldError('eligibility.maxAge') ?? fieldError('eligibility')}
                  />
                </SimpleGrid>
                <MultiSelect
                  label={t('rules.regions')}
                  description={t('rules.regionsHint')}
                  placeholder={t('region.placeholder')}
                  nothingFoundMessage={t('region.nothingFound')}
                  searchable
                  clearable
                  data={regionData}
                  name="eligibility.regionCodes"
                  {...form.getInputProps('eligibility.regionCodes')}
                />
                <NumberField
                  label={t('rules.maxIncome')}
                  description={t('rules.maxIncomeHint')}
                  decimal
                  {...number('eligibility.maxIncomePerMember')}
                />
              </Stack>
            </TitledCard>
          </SimpleGrid>

          <TitledCard title={t('rules.weights')} data-testid="rules-weights">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('rules.weightsHint')}
              </Text>
              <Switch
                label={t('rules.defaultWeights')}
                description={t('rules.defaultWeightsHint')}
                {...toggle('defaultWeights')}
                data-testid="default-weights"
              />
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
                {WEIGHT_KEYS.filter((k) => k !== 'committee' || v.committeeScoring || !v.defaultWeights).map((k) => (
                  <NumberField
                    key={k}
                    label={k === 'committee' ? t('rules.committeeShare') : t(`rules.weight.${k}`)}
                    description={
                      k === 'committee'
                        ? t('rules.committeeShareHint')
                        : defaults
                          ? t('rules.countryDefault', { n: defaults[k] })
                          : undefined
                    }
                    disabled={v.defaultWeights}
                    decimal={k === 'incomeCeilingPerMember'}
                    {...number(`weights.${k}`)}
                    value={v.defaultWeights ? (k === 'committee' ? '0' : text(defaults?.[k])) : v.weights[k]}
                  />
                ))}
              </SimpleGrid>
              {v.committeeScoring && v.defaultWeights && (
                <Alert color="yellow" variant="light" p="xs">
                  {t('rules.committeeNeedsWeights')}
                </Alert>
              )}
            </Stack>
          </TitledCard>

          <TitledCard title={t('rules.selection')} data-testid="rules-selection">
            <Stack gap="sm">
              <Switch
                label={t('rules.committeeScoring')}
                description={t('rules.committeeScoringHint')}
                {...toggle('committeeScoring')}
              />
              <Switch
                label={t('rules.applicationsOpen')}
                description={t('rules.applicationsOpenHint')}
                {...toggle('applicationsOpen')}
              />
              {v.applicationsOpen && (
                <Paper withBorder p="xs" data-testid="public-link">
                  <Text size="xs" c="dimmed">
                    {programme.applicationsOpen ? t('rules.publicLink') : t('rules.publicLinkAfterSave')}
                  </Text>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor
                      href={publicLink}
                      target="_blank"
                      rel="noopener"
                      size="sm"
                      style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                      <Ltr mono>{publicLink}</Ltr>
                    </Anchor>
                    <CopyLinkButton value={publicLink} testId="public-link-copy" />
                  </Group>
                </Paper>
              )}
            </Stack>
          </TitledCard>

          {saved && (
            <Alert color="green" variant="light" data-testid="programme-saved">
              {t('rules.saved')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="programme-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
