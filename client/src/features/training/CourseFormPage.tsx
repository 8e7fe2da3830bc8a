import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { endpoints } from '../../api/endpoints';
import { COURSE_CHANGES, training } from '../../api/training';
import type { CourseDto, CourseInput, CourseMode } from '../../api/types';
import { FormPage } from '../../components/FormPage';
import { LabelledSegmentedControl } from '../../components/LabelledSegmentedControl';
import { NumberField, parseNumber } from '../../components/NumberField';
import { RecordFormPage } from '../../components/RecordFormPage';
import { useServerForm } from '../../components/useServerForm';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { DateField } from '../../components/DateField';

type Form = {
  titleAr: string;
  titleEn: string;
  hours: string;
  mode: CourseMode;
  siteId: string | null;
  location: string;
  trainer: string;
  capacity: string;
  startsOn: string;
  endsOn: string;
};
const EMPTY: Form = {
  titleAr: '',
  titleEn: '',
  hours: '',
  mode: 'site',
  siteId: null,
  location: '',
  trainer: '',
  capacity: '',
  startsOn: '',
  endsOn: '',
};

const fromDto = (c: CourseDto): Form => ({
  titleAr: c.titleAr,
  titleEn: c.titleEn,
  hours: String(c.hours),
  mode: c.mode,
  siteId: c.siteId === null ? null : String(c.siteId),
  location: c.location ?? '',
  trainer: c.trainer,
  capacity: String(c.capacity),
  startsOn: c.startsOn,
  endsOn: c.endsOn,
});

/** What was typed, as typed: an empty required field is left out, so that the server names it. */
function toInput(f: Form): CourseInput {
  const out: Record<string, unknown> = {
    titleAr: f.titleAr.trim(),
    titleEn: f.titleEn.trim(),
    mode: f.mode,
    siteId: f.mode === 'site' && f.siteId ? Number(f.siteId) : null,
    location: f.location.trim() || null,
    trainer: f.trainer.trim(),
  };
  const hours = parseNumber(f.hours);
  const capacity = parseNumber(f.capacity);
  if (hours !== undefined) out.hours = hours;
  if (capacity !== undefined) out.capacity = capacity;
  if (f.startsOn) out.startsOn = f.startsOn;
  if (f.endsOn) out.endsOn = f.endsOn;
  for (const k of ['titleAr', 'titleEn', 'trainer']) if (!out[k]) delete out[k];
  return out as unknown as CourseInput;
}

/** New course (`/courses/new`) or its edit (`/courses/:id/edit`): managers and admins. */
export default function CourseFormPage() {
  return <RecordFormPage load={training.courses.get}>{(c) => <CourseForm existing={c} />}</RecordFormPage>;
}

function CourseForm({ existing }: { existing?: CourseDto }) {
  const { t, language } = usePrefs();
  const navigate = useNavigate();
  const sites = useQuery(endpoints.sites());
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: existing ? fromDto(existing) : EMPTY,
    submit: (v) => (existing ? training.courses.update(existing.id, toInput(v)) : training.courses.create(toInput(v))),
    invalidates: COURSE_CHANGES,
    onSuccess: (saved) => {
      void navigate(`/courses/${saved.id}`, { replace: existing !== undefined });
    },
  });
  const input = (k: keyof Form) => ({ name: k, ...form.getInputProps(k) });
  const number = (k: 'hours' | 'capacity') => ({
    name: k,
    ...form.getInputProps(k),
    value: form.values[k],
    onChange: (v: string) => form.setFieldValue(k, v),
  });
  return (
    <FormPage
      title={existing ? t('courses.edit') : t('courses.new')}
      maw={860}
      testId="course-form"
      onSubmit={onSubmit}
      error={error}
      unshown={unshown}
      busy={busy}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('course.titleAr')} required dir="rtl" lang="ar" {...input('titleAr')} />
        <TextInput label={t('course.titleEn')} required dir="ltr" lang="en" {...input('titleEn')} />
        <NumberField label={t('course.hours')} required {...number('hours')} />
        <NumberField
          label={t('course.capacity')}
          description={t('course.capacityHint')}
          required
          {...number('capacity')}
        />
      </SimpleGrid>
      <LabelledSegmentedControl
        id="course-mode"
        label={t('course.mode')}
        {...form.getInputProps('mode')}
        data={[
          { value: 'site', label: t('courseMode.site') },
          { value: 'online', label: t('courseMode.online') },
        ]}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {form.values.mode === 'site' && (
          <Select
            label={t('course.site')}
            required
            name="siteId"
            placeholder={t('course.pickSite')}
            data={(sites.data ?? []).map((s) => ({
              value: String(s.id),
              label: language !== 'ar' && s.nameLatin ? s.nameLatin : s.name,
            }))}
            {...form.getInputProps('siteId')}
          />
        )}
        <TextInput
          label={form.values.mode === 'site' ? t('course.location') : t('course.onlineLocation')}
          dir="auto"
          {...input('location')}
        />
        <TextInput label={t('course.trainer')} required dir="auto" {...input('trainer')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField label={t('course.startsOn')} required {...input('startsOn')} />
        <DateField label={t('course.endsOn')} required {...input('endsOn')} />
      </SimpleGrid>
    </FormPage>
  );
}
