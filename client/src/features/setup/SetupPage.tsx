import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http';
import { setupApi, settingsApi, type SetupInput, type SetupStatusDto } from '../../api/setup';
import type { CountryCode, Language, LoginResponse } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileDrop } from '../../components/FileDrop';
import { FullPageLoader } from '../../components/FullPageLoader';
import { LabelledSegmentedControl } from '../../components/LabelledSegmentedControl';
import { NumberField, parseNumber } from '../../components/NumberField';
import { PublicLayout } from '../../components/PublicLayout';
import { CityAutocomplete, RegionSelect } from '../../components/RegionFields';
import { useServerForm } from '../../components/useServerForm';
import { LANGUAGES } from '../../i18n';
import { usePrefs } from '../../prefs/PreferencesProvider';

/** The server's minimum (server/modules/auth/auth.schema.ts PASSWORD_MIN); shown as a hint, enforced there. */
const PASSWORD_MIN = 12;
const COUNTRIES: readonly CountryCode[] = ['SA', 'MA'];

/**
 * The first run (spec §15): while no user exists, the charity, its first administrator and its first programme, on
 * one page; it ends signed in, on the dashboard. Reached from / and the sign-in page, or from the one-time link the
 * server prints (`/setup?token=…`).
 */
export default function SetupPage() {
  const { state } = useAuth();
  const status = useQuery({
    queryKey: setupApi.statusKey,
    queryFn: ({ signal }) => setupApi.status(signal),
    staleTime: Infinity,
  });
  if (state.status === 'signed-in') return <Navigate to="/dashboard" replace />;
  if (status.isPending) return <FullPageLoader />;
  // Someone has set it up already (409): the sign-in page is the way in.
  if ((status.error instanceof ApiError && status.error.status === 409) || status.data?.needed === false)
    return <Navigate to="/login" replace />;
  if (status.error)
    return (
      <PublicLayout>
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      </PublicLayout>
    );
  return <SetupForm status={status.data} />;
}

type Values = {
  token: string;
  charity: {
    nameAr: string;
    nameEn: string;
    licence: string;
    country: CountryCode;
    regionCode: string | null;
    city: string;
  };
  admin: { name: string; email: string; password: string; language: Language };
  withProgramme: boolean;
  programme: { name: string; targetFamilies: string; startsOn: string; endsOn: string };
  demo: boolean;
};

/** The paths the form shows a message on; the server's other field errors are listed in the alert. */
const KNOWN = [
  'token',
  'charity.nameAr',
  'charity.nameEn',
  'charity.licence',
  'charity.country',
  'charity.regionCode',
  'charity.city',
  'admin.name',
  'admin.email',
  'admin.password',
  'admin.language',
  'programme.name',
  'programme.targetFamilies',
  'programme.startsOn',
  'programme.endsOn',
  'demo',
];

/** Empty optional fields are left out, so that the server's validation sees only what was typed. */
function toInput(v: Values): SetupInput {
  const optional = <T extends Record<string, string | null>>(o: T) =>
    Object.fromEntries(
      Object.entries(o)
        .filter(([, x]) => x !== null && x.trim() !== '')
        .map(([k, x]) => [k, x!.trim()]),
    );
  return {
    ...(v.token.trim() ? { token: v.token.trim() } : {}),
    charity: {
      nameAr: v.charity.nameAr.trim(),
      country: v.charity.country,
      ...optional({
        nameEn: v.charity.nameEn,
        licence: v.charity.licence,
        regionCode: v.charity.regionCode,
        city: v.charity.city,
      }),
    },
    admin: {
      name: v.admin.name.trim(),
      email: v.admin.email.trim(),
      password: v.admin.password,
      language: v.admin.language,
    },
    ...(v.withProgramme
      ? {
          programme: {
            name: v.programme.name.trim(),
            targetFamilies: parseNumber(v.programme.targetFamilies) ?? 0,
            ...optional({ startsOn: v.programme.startsOn, endsOn: v.programme.endsOn }),
          },
        }
      : {}),
    demo: v.demo,
  };
}

/** What the submit ends with: the session the setup opened, and the logo's failure if it was refused. */
interface Done {
  session: LoginResponse;
  logoError: unknown;
}

function SetupForm({ status }: { status: SetupStatusDto }) {
  const { t, language, setCountry } = usePrefs();
  const { adopt } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const urlToken = params.get('token') ?? '';
  const [logo, setLogo] = useState<File | null>(null);
  const [logoFailed, setLogoFailed] = useState<unknown>(null);
  const [result, setResult] = useState<LoginResponse | null>(null);
  // The link's token is used as it is; once the server refuses it, the field shows (and stays while it is retyped).
  const [tokenRefused, setTokenRefused] = useState(false);
  const finish = (res: LoginResponse) => {
    // Signed in, and no setup is needed any more (the sign-in page shows its form from now on); all in one render, so
    // that no screen sees the one without the other.
    adopt(res.user);
    queryClient.setQueryData(setupApi.statusKey, { ...status, needed: false });
    void navigate('/dashboard', { replace: true });
  };

  const { form, onSubmit, busy, error, unshown } = useServerForm<Values, Done>({
    initialValues: {
      token: urlToken,
      charity: {
        nameAr: '',
        nameEn: '',
        licence: '',
        country: status.country === 'MA' ? 'MA' : 'SA',
        regionCode: null,
        city: '',
      },
      admin: { name: '', email: '', password: '', language },
      withProgramme: true,
      programme: { name: t('setup.programmeDefault'), targetFamilies: '2000', startsOn: '', endsOn: '' },
      demo: false,
    },
    known: KNOWN,
    submit: async (v) => {
      const session = await setupApi.submit(toInput(v));
      if (!logo) return { session, logoError: null };
      // The logo goes up once the session exists (PUT /api/settings/logo is an administrator's); should it be refused,
      // the charity exists all the same and the page says so, with the way on.
      return settingsApi.uploadLogo(logo).then(
        () => ({ session, logoError: null }),
        (logoError: unknown) => ({ session, logoError }),
      );
    },
    onSuccess: ({ session, logoError }) => {
      if (!logoError) return finish(session);
      setLogoFailed(logoError);
      setResult(session);
    },
    onError: (err) => {
      if (err.code !== 'SETUP_TOKEN_INVALID') return;
      setTokenRefused(true);
      form.setFieldError('token', t('setup.tokenInvalid'));
    },
  });
  // The programme's suggested name follows the page's language until someone types their own.
  const suggested = useRef(form.values.programme.name);
  const suggestion = t('setup.programmeDefault');
  useEffect(() => {
    if (form.values.programme.name === suggested.current) form.setFieldValue('programme.name', suggestion);
    suggested.current = suggestion;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the language's suggestion changes
  }, [suggestion]);
  // The administrator's language starts as the page's.
  useEffect(() => {
    if (!form.isTouched('admin.language')) form.setFieldValue('admin.language', language);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the page's language changes
  }, [language]);

  const country = form.values.charity.country;
  // The calendar, the phone and ID hints and the currency follow the country as soon as it is chosen.
  useEffect(() => setCountry(country), [country, setCountry]);
  const tokenShown = status.tokenRequired && (!urlToken || tokenRefused);

  if (result && logoFailed)
    return (
      <PublicLayout size={720}>
        <Paper withBorder p="lg">
          <Stack>
            <Alert color="orange" role="alert" title={t('setup.logoFailed')}>
              {t('setup.logoFailedHint')}
            </Alert>
            <ErrorAlert error={logoFailed} />
            <Button onClick={() => finish(result)}>{t('setup.continue')}</Button>
          </Stack>
        </Paper>
      </PublicLayout>
    );

  return (
    <PublicLayout size={760}>
      <form onSubmit={onSubmit} noValidate data-testid="setup-form">
        <Stack gap="md">
          <div>
            <Title order={1} fz={26}>
              {t('setup.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('setup.intro')}
            </Text>
          </div>
          {error?.code === 'ALREADY_SET_UP' ? (
            // Someone else finished a setup meanwhile: there is an account now, and the sign-in page is the way in.
            <Alert color="orange" role="alert">
              {t('setup.alreadySetUp')}{' '}
              <Anchor component={Link} to="/login" underline="always" c="inherit">
                {t('login.title')}
              </Anchor>
            </Alert>
          ) : error && !(error.code === 'SETUP_TOKEN_INVALID' && tokenShown) ? (
            <ErrorAlert error={error} unshown={unshown} />
          ) : null}
          {tokenShown && (
            <Section title={t('setup.tokenTitle')} testId="setup-token">
              <Text size="sm">{t('setup.tokenHint')}</Text>
              <TextInput
                label={t('setup.token')}
                name="token"
                dir="ltr"
                autoComplete="off"
                required
                {...form.getInputProps('token')}
              />
            </Section>
          )}
          <Section title={t('setup.charity')} testId="setup-charity">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('setup.nameAr')}
                name="charity.nameAr"
                dir="rtl"
                lang="ar"
                required
                {...form.getInputProps('charity.nameAr')}
              />
              <TextInput
                label={t('setup.nameEn')}
                name="charity.nameEn"
                dir="ltr"
                {...form.getInputProps('charity.nameEn')}
              />
              <TextInput
                label={t('setup.licence')}
                name="charity.licence"
                dir="ltr"
                {...form.getInputProps('charity.licence')}
              />
            </SimpleGrid>
            <LabelledSegmentedControl
              id="setup-country"
              label={t('setup.country')}
              data={COUNTRIES.map((c) => ({
                value: c,
                label: t(c === 'MA' ? 'region.country.MA' : 'region.country.SA'),
              }))}
              value={country}
              onChange={(c) => {
                form.setFieldValue('charity.country', c === 'MA' ? 'MA' : 'SA');
                form.setFieldValue('charity.regionCode', null);
              }}
            />
            <Text size="xs" c="dimmed" mt={-8}>
              {t(country === 'MA' ? 'setup.countryHint.MA' : 'setup.countryHint.SA')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <RegionSelect only={country} name="charity.regionCode" {...form.getInputProps('charity.regionCode')} />
              <CityAutocomplete
                label={t('setup.city')}
                name="charity.city"
                regionCode={form.values.charity.regionCode}
                {...form.getInputProps('charity.city')}
              />
            </SimpleGrid>
            <FileDrop
              label={t('setup.logo')}
              description={t('setup.logoHint')}
              accept="image/png,image/jpeg"
              name="logo"
              value={logo}
              onChange={setLogo}
              testId="setup-logo"
            />
          </Section>
          <Section title={t('setup.admin')} testId="setup-admin">
            <Text size="sm" c="dimmed">
              {t('setup.adminHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('user.name')}
                name="admin.name"
                autoComplete="name"
                required
                {...form.getInputProps('admin.name')}
              />
              <TextInput
                label={t('user.email')}
                name="admin.email"
                type="email"
                dir="ltr"
                autoComplete="username"
                required
                {...form.getInputProps('admin.email')}
              />
              <PasswordInput
                label={t('user.password')}
                name="admin.password"
                autoComplete="new-password"
                description={t('user.passwordHint', { n: PASSWORD_MIN })}
                required
                {...form.getInputProps('admin.password')}
              />
              <Select
                label={t('user.language')}
                name="admin.language"
                data={LANGUAGES.map((l) => ({
                  value: l,
                  label: t(l === 'ar' ? 'language.ar' : l === 'en' ? 'language.en' : 'language.fr'),
                }))}
                allowDeselect={false}
                {...form.getInputProps('admin.language')}
              />
            </SimpleGrid>
          </Section>
          <Section title={t('setup.programme')} testId="setup-programme">
            <Checkbox
              label={t('setup.withProgramme')}
              name="withProgramme"
              {...form.getInputProps('withProgramme', { type: 'checkbox' })}
            />
            {form.values.withProgramme && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('programme.name')}
                  name="programme.name"
                  required
                  {...form.getInputProps('programme.name')}
                />
                <NumberField
                  label={t('programme.targetFamilies')}
                  name="programme.targetFamilies"
                  {...form.getInputProps('programme.targetFamilies')}
                  value={form.values.programme.targetFamilies}
                />
                <DateField label={t('programme.startsOn')} {...form.getInputProps('programme.startsOn')} />
                <DateField label={t('programme.endsOn')} {...form.getInputProps('programme.endsOn')} />
              </SimpleGrid>
            )}
          </Section>
          <Paper withBorder p="md">
            <Checkbox
              label={t('setup.demo')}
              description={t('setup.demoHint')}
              name="demo"
              {...form.getInputProps('demo', { type: 'checkbox' })}
            />
          </Paper>
          <Button type="submit" size="md" loading={busy} fullWidth>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
