import {
  Alert,
  Button,
  Checkbox,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { applications } from '../../api/applications';
import type { ApiError } from '../../api/http';
import type {
  ContactLanguage,
  Language,
  Need,
  PublicApplicationDto,
  PublicApplicationInput,
  PublicProgrammeDto,
} from '../../api/types';
import { CONTACT_LANGUAGES, NEEDS, PURPOSES, type Purpose } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { LabelledSegmentedControl } from '../../components/LabelledSegmentedControl';
import { Ltr } from '../../components/Ltr';
import { NumberField, parseNumber } from '../../components/NumberField';
import { PublicLayout } from '../../components/PublicLayout';
import { CityAutocomplete, RegionSelect, useRegionName } from '../../components/RegionFields';
import { useServerForm } from '../../components/useServerForm';
import { LANGUAGES, type MessageKey } from '../../i18n';
import { PHONE_PLACEHOLDER } from '../../i18n/country';
import { toLatinDigits, type Country } from '../../i18n/format';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { Honeypot } from '../../components/Honeypot';
import { DateField } from '../../components/DateField';

type Kind = PublicApplicationInput['kind'];
const KINDS: readonly Kind[] = ['family', 'student'];

type Values = {
  kind: Kind;
  name: string;
  nationalId: string;
  phone: string;
  birthDate: string;
  regionCode: string | null;
  city: string;
  householdSize: string;
  monthlyIncome: string;
  schoolChildren: string;
  need: Need;
  purpose: Purpose;
  motivation: string;
  contactConsent: boolean;
  /** '' until the applicant picks one: the messages then go in the page's language. */
  contactLanguage: ContactLanguage | '';
  /** The honeypot: people never see it; a bot that fills it is refused by the server. */
  website: string;
};
const KNOWN = [
  'kind',
  'name',
  'nationalId',
  'phone',
  'birthDate',
  'regionCode',
  'city',
  'householdSize',
  'monthlyIncome',
  'schoolChildren',
  'need',
  'purpose',
  'motivation',
  'contactConsent',
  'contactLanguage',
];
/** The programme's rule (`eligibility.<setting>`) a 422 NOT_ELIGIBLE names on a field, said to the applicant. */
type EligibilityDetail = { path?: string; rule?: string };
const RULE_MESSAGES: Partial<Record<string, MessageKey>> = {
  'eligibility.kinds': 'apply.rule.kinds',
  'eligibility.minAge': 'apply.rule.minAge',
  'eligibility.maxAge': 'apply.rule.maxAge',
  'eligibility.regionCodes': 'apply.rule.regionCodes',
  'eligibility.maxIncomePerMember': 'apply.rule.maxIncomePerMember',
};
/** Refusals said in plain words of their own, not as a technical error. */
const PLAIN = ['DUPLICATE_APPLICATION', 'NOT_ELIGIBLE', 'RATE_LIMITED'];
/** Hints under the input, so the inputs of a row stay aligned whether or not a field has a hint. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];
const today = () => new Date().toISOString().slice(0, 10);

function toInput(v: Values, language: Language): PublicApplicationInput {
  // What was typed goes as typed; an empty field is left out, so that the server names it as missing on its field.
  const body = {
    kind: v.kind,
    name: v.name.trim(),
    nationalId: toLatinDigits(v.nationalId.trim()),
    phone: toLatinDigits(v.phone.trim()),
    birthDate: v.birthDate || undefined,
    regionCode: v.regionCode ?? undefined,
    householdSize: parseNumber(v.householdSize),
    monthlyIncome: parseNumber(v.monthlyIncome),
    need: v.need,
    purpose: v.purpose,
    contactConsent: v.contactConsent,
    website: v.website,
  } as PublicApplicationInput;
  if (v.city.trim()) body.city = v.city.trim();
  const children = parseNumber(v.schoolChildren);
  if (children !== undefined) body.schoolChildren = children;
  if (v.motivation.trim()) body.motivation = v.motivation.trim();
  if (v.contactConsent) body.contactLanguage = v.contactLanguage || language;
  return body;
}

/**
 * A programme's public application form (spec §14), reached by a link the charity shares (`/apply/3`, `?lang=fr` to
 * open it in French): no account, phones first. The reference comes back at once, in large type, with what happens
 * next; a second application with the same ID, or one the programme's rules leave out, is said in plain words.
 */
export default function ApplyPage() {
  const { t, language, setLanguage } = usePrefs();
  const { programmeId } = useParams();
  const [params] = useSearchParams();
  const id = Number(programmeId) || 0;
  const programme = useQuery({ ...applications.programme(id), enabled: id > 0 });

  // A link may name the page's language (?lang=fr): applied once, then the switch in the header decides.
  const wanted = params.get('lang');
  useEffect(() => {
    if (wanted && (LANGUAGES as readonly string[]).includes(wanted) && wanted !== language)
      setLanguage(wanted as Language);
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (id <= 0 || (programme.error && programme.error.status === 404))
    return (
      <PublicLayout size={640}>
        <Alert color="gray" title={t('apply.closedTitle')} data-testid="apply-closed">
          {t('apply.closed')}
        </Alert>
      </PublicLayout>
    );
  if (programme.error)
    return (
      <PublicLayout size={640}>
        <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />
      </PublicLayout>
    );
  if (!programme.data) return <FullPageLoader />;
  return <ApplyForm programme={programme.data} />;
}

function ApplyForm({ programme: p }: { programme: PublicProgrammeDto }) {
  const { t, language, fmt, country } = usePrefs();
  const regionName = useRegionName();
  const allowed = p.eligibility.kinds.filter((k): k is Kind => (KINDS as readonly string[]).includes(k));
  const kinds = allowed.length ? allowed : KINDS;
  const initialValues: Values = {
    kind: kinds[0],
    name: '',
    nationalId: '',
    phone: '',
    birthDate: '',
    regionCode: null,
    city: '',
    householdSize: '',
    monthlyIncome: '',
    schoolChildren: '0',
    need: 'laptop',
    purpose: kinds[0] === 'student' ? 'study' : 'general',
    motivation: '',
    contactConsent: false,
    contactLanguage: '',
    website: '',
  };
  const { form, onSubmit, busy, error, mutation, unshown } = useServerForm({
    initialValues,
    submit: (v) => applications.apply(p.id, toInput(v, language)),
    known: KNOWN,
    onError: (err) => {
      // A second application is the ID's doing: said on it too, where the eye goes.
      if (err.code === 'DUPLICATE_APPLICATION') form.setFieldError('nationalId', t('apply.duplicateField'));
      // Each rule of the programme that the answers do not meet, on the field it reads.
      if (err.code === 'NOT_ELIGIBLE')
        for (const d of Array.isArray(err.details) ? (err.details as EligibilityDetail[]) : []) {
          const key = d.rule && RULE_MESSAGES[d.rule];
          if (d.path && key) form.setFieldError(d.path, t(key));
        }
    },
  });
  const name = language !== 'ar' && p.nameLatin ? p.nameLatin : p.name;
  const done = mutation.data;
  if (done) return <Applied programme={name} result={done} />;

  const input = (k: keyof Values) => ({ name: k, ...form.getInputProps(k) });
  const num = (k: 'householdSize' | 'monthlyIncome' | 'schoolChildren') => ({ ...input(k), value: form.values[k] });
  const who = eligibilityLines(p, t, regionName, country);
  const student = form.values.kind === 'student';

  return (
    <PublicLayout size={640}>
      <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'lg' }}>
        <form onSubmit={onSubmit} noValidate data-testid="apply-form">
          <Stack>
            <div>
              <Text size="sm" c="teal.9" fw={500}>
                {t('apply.heading')}
              </Text>
              <Title order={1} fz={{ base: 22, xs: 26 }} data-testid="apply-programme">
                {name}
              </Title>
            </div>
            <Text size="sm">{t('apply.intro')}</Text>
            {p.endsOn && (
              <Text size="sm" fw={500}>
                {t('apply.closesOn', { date: fmt.day(p.endsOn) })}
              </Text>
            )}
            {who.length > 0 && (
              <div>
                <Text size="sm" fw={500}>
                  {t('apply.who')}
                </Text>
                <List size="sm" data-testid="apply-who">
                  {who.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </div>
            )}
            {error && <RefusalAlert error={error} unshown={unshown} />}
            {kinds.length > 1 && (
              <LabelledSegmentedControl
                id="apply-kind"
                label={t('apply.kind')}
                data={kinds.map((k) => ({ value: k, label: t(`apply.kind.${k}`) }))}
                fullWidth
                {...form.getInputProps('kind')}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('apply.name')}
                description={student ? undefined : t('apply.nameHint')}
                required
                autoComplete="name"
                inputWrapperOrder={BELOW}
                {...input('name')}
              />
              <TextInput
                label={t('apply.nationalId')}
                description={t('apply.nationalIdHint', { country })}
                required
                dir="ltr"
                inputMode="text"
                autoComplete="off"
                classNames={{ input: 'nm-mono' }}
                inputWrapperOrder={BELOW}
                {...input('nationalId')}
              />
              <TextInput
                label={t('apply.phone')}
                required
                type="tel"
                dir="ltr"
                inputMode="tel"
                autoComplete="tel"
                placeholder={PHONE_PLACEHOLDER[country].national}
                {...input('phone')}
              />
              <DateField
                label={t('apply.birthDate')}
                description={t('apply.birthDateHint')}
                required
                max={today()}
                inputWrapperOrder={BELOW}
                {...input('birthDate')}
              />
              <RegionSelect
                name="regionCode"
                required
                {...form.getInputProps('regionCode')}
                onChange={(v) => form.setFieldValue('regionCode', v)}
              />
              <CityAutocomplete
                label={t('apply.city')}
                // The page's direction (Mantine would put dir="auto" on the field's box, which has no text of its own).
                dir={language === 'ar' ? 'rtl' : 'ltr'}
                regionCode={form.values.regionCode}
                autoComplete="address-level2"
                inputWrapperOrder={BELOW}
                {...input('city')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <NumberField
                label={t('apply.household')}
                description={t('apply.householdHint')}
                required
                inputWrapperOrder={BELOW}
                {...num('householdSize')}
              />
              <NumberField
                label={t('apply.income')}
                description={t('apply.incomeHint', { country })}
                required
                decimal
                inputWrapperOrder={BELOW}
                {...num('monthlyIncome')}
              />
              <NumberField label={t('apply.schoolChildren')} {...num('schoolChildren')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('apply.need')}
                data={NEEDS.map((n) => ({ value: n, label: t(`apply.need.${n}`) }))}
                allowDeselect={false}
                {...input('need')}
              />
              <Select
                label={t('apply.purpose')}
                data={PURPOSES.map((n) => ({ value: n, label: t(`apply.purpose.${n}`) }))}
                allowDeselect={false}
                {...input('purpose')}
              />
            </SimpleGrid>
            <Textarea
              label={t('apply.motivation')}
              description={t('apply.motivationHint')}
              // Fixed rows, not autosize: its hidden measuring copy would stay in the page as wide as the field.
              rows={4}
              inputWrapperOrder={BELOW}
              {...input('motivation')}
            />
            <Checkbox
              label={t('apply.consent')}
              {...form.getInputProps('contactConsent', { type: 'checkbox' })}
              name="contactConsent"
            />
            {form.values.contactConsent && (
              <Select
                label={t('apply.contactLanguage')}
                data={CONTACT_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                allowDeselect={false}
                w={{ base: '100%', xs: 240 }}
                {...input('contactLanguage')}
                // The page's language until another is picked.
                value={form.values.contactLanguage || language}
              />
            )}
            <Honeypot
              id="apply-website"
              value={form.values.website}
              onChange={(v) => form.setFieldValue('website', v)}
            />
            <Button type="submit" loading={busy} size="md" data-testid="apply-submit">
              {t('apply.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('apply.privacy')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </PublicLayout>
  );
}

/** Who may apply, from the programme's rules, in the applicant's words (nothing when anyone may). */
function eligibilityLines(
  p: PublicProgrammeDto,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
  regionName: (code: string) => string,
  country: Country,
): string[] {
  const e = p.eligibility;
  const lines: string[] = [];
  const kinds = e.kinds.filter((k) => (KINDS as readonly string[]).includes(k));
  if (kinds.length === 1) lines.push(t(kinds[0] === 'family' ? 'apply.who.families' : 'apply.who.students'));
  if (e.minAge !== null && e.maxAge !== null) lines.push(t('apply.who.ageBetween', { min: e.minAge, max: e.maxAge }));
  else if (e.minAge !== null) lines.push(t('apply.who.ageMin', { min: e.minAge }));
  else if (e.maxAge !== null) lines.push(t('apply.who.ageMax', { max: e.maxAge }));
  if (e.regionCodes.length)
    lines.push(t('apply.who.regions', { regions: e.regionCodes.map(regionName).join(t('common.listSep')) }));
  if (e.maxIncomePerMember !== null) lines.push(t('apply.who.income', { amount: e.maxIncomePerMember, country }));
  return lines;
}

/** A refusal: a second application, one the rules leave out, too many tries, in plain words; else the usual alert. */
function RefusalAlert({ error, unshown }: { error: ApiError; unshown: string[] }) {
  const { t } = usePrefs();
  // Fields to correct: said on each field; no request number here, which an applicant could take for theirs.
  if (error.code === 'VALIDATION_FAILED')
    return (
      <Alert color="red" title={t('error.validation')} role="alert" data-testid="apply-invalid">
        {unshown.length > 0 && (
          <List size="sm">
            {unshown.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        )}
      </Alert>
    );
  if (!PLAIN.includes(error.code)) return <ErrorAlert error={error} unshown={unshown} />;
  const [title, text]: [MessageKey, MessageKey] =
    error.code === 'DUPLICATE_APPLICATION'
      ? ['apply.duplicateTitle', 'apply.duplicate']
      : error.code === 'NOT_ELIGIBLE'
        ? ['apply.notEligibleTitle', 'apply.notEligible']
        : ['error.rateLimited', 'apply.rateLimited'];
  return (
    <Alert
      color={error.code === 'RATE_LIMITED' ? 'yellow' : 'orange'}
      title={t(title)}
      role="alert"
      data-testid={`apply-refused-${error.code}`}>
      {t(text)}
    </Alert>
  );
}

/** The application went in: its reference, large, and what happens next. */
function Applied({ programme, result }: { programme: string; result: PublicApplicationDto }) {
  const { t } = usePrefs();
  return (
    <PublicLayout size={640}>
      <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'lg' }} data-testid="apply-done">
        <Stack>
          <Alert color="green" title={t('apply.doneTitle')} role="status">
            {programme}
          </Alert>
          <div>
            <Text size="sm" fw={500}>
              {t('apply.referenceIs')}
            </Text>
            <Text fz={{ base: 30, xs: 38 }} fw={700} c="teal.9" data-testid="apply-reference">
              <Ltr mono>{result.reference}</Ltr>
            </Text>
            <Text size="sm" mt={4}>
              {t('apply.keepIt')}
            </Text>
            <Text size="sm" mt={4} fw={500} data-testid="apply-sms">
              {result.smsQueued ? t('apply.smsSent') : t('apply.smsNone')}
            </Text>
          </div>
          <div>
            <Title order={2} fz="lg" mb={4}>
              {t('apply.nextTitle')}
            </Title>
            <List type="ordered" size="sm" spacing={4}>
              <List.Item>{t('apply.next1')}</List.Item>
              <List.Item>{t('apply.next2')}</List.Item>
              <List.Item>{t('apply.next3')}</List.Item>
            </List>
          </div>
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
