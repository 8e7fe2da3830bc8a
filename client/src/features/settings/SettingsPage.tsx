import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { settingsApi, type SettingsDto, type SettingsPatch } from '../../api/setup';
import type { CountryCode } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileDrop } from '../../components/FileDrop';
import { FullPageLoader } from '../../components/FullPageLoader';
import { LabelledSegmentedControl } from '../../components/LabelledSegmentedControl';
import { NumberField, parseNumber } from '../../components/NumberField';
import { PageHeader } from '../../components/PageHeader';
import { CityAutocomplete, RegionSelect } from '../../components/RegionFields';
import { useServerForm } from '../../components/useServerForm';
import { PHONE_PLACEHOLDER } from '../../i18n/country';
import { toLatinDigits } from '../../i18n/format';
import { usePrefs } from '../../prefs/PreferencesProvider';

/**
 * What the first run asked, and what an administrator changes later (issue 22): the letterhead, the logo, the
 * country, the R2 verification share, the public impact page, the messages' sender name; and, while the demo is
 * loaded, the way to remove it.
 */
export default function SettingsPage() {
  const { t } = usePrefs();
  const settings = useQuery(settingsApi.get());
  const location = useLocation();
  const logoFailed = (location.state as { logoFailed?: boolean } | null)?.logoFailed;
  if (settings.error)
    return (
      <>
        <PageHeader title={t('settings.title')} />
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      </>
    );
  if (!settings.data) return <FullPageLoader />;
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Stack maw={860} gap="md">
        {logoFailed && (
          <Alert color="orange" role="alert">
            {t('setup.logoFailedHint')}
          </Alert>
        )}
        {settings.data.demo && <RemoveDemo />}
        {/* Keyed by the stored values: after a save the form starts again from what the server kept. */}
        <SettingsForm settings={settings.data} />
        <LogoCard settings={settings.data} />
      </Stack>
    </>
  );
}

type Values = {
  charityName: string;
  charityNameLatin: string;
  charityLicence: string;
  charityAddress: string;
  charityPhone: string;
  senderName: string;
  country: CountryCode;
  regionCode: string | null;
  city: string;
  verificationSamplePercent: string;
  publicImpact: boolean;
};

function fromDto(s: SettingsDto): Values {
  return {
    charityName: s.charityName,
    charityNameLatin: s.charityNameLatin,
    charityLicence: s.charityLicence,
    charityAddress: s.charityAddress,
    charityPhone: s.charityPhone,
    senderName: s.senderName ?? '',
    country: s.country,
    regionCode: s.regionCode,
    city: s.city,
    verificationSamplePercent: String(s.verificationSamplePercent),
    publicImpact: s.publicImpact,
  };
}

/** Only what changed is sent: the server checks each field it is given, and an untouched one stays as it is. */
function changes(v: Values, before: Values): SettingsPatch {
  const now: SettingsPatch = {
    charityName: v.charityName.trim(),
    charityNameLatin: v.charityNameLatin.trim(),
    charityLicence: v.charityLicence.trim(),
    charityAddress: v.charityAddress.trim(),
    charityPhone: toLatinDigits(v.charityPhone).trim(),
    senderName: v.senderName.trim(),
    country: v.country,
    regionCode: v.regionCode,
    city: v.city.trim(),
    verificationSamplePercent: parseNumber(v.verificationSamplePercent) ?? Number.NaN,
    publicImpact: v.publicImpact,
  };
  const was: Record<string, unknown> = {
    ...before,
    verificationSamplePercent: parseNumber(before.verificationSamplePercent),
  };
  return Object.fromEntries(Object.entries(now).filter(([k, x]) => x !== was[k]));
}

function SettingsForm({ settings }: { settings: SettingsDto }) {
  const { t, setCountry } = usePrefs();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const initial = fromDto(settings);
  const { form, onSubmit, busy, error, unshown } = useServerForm<Values, SettingsDto>({
    initialValues: initial,
    submit: (v) => {
      const patch = changes(v, initial);
      return Object.keys(patch).length ? settingsApi.update(patch) : Promise.resolve(settings);
    },
    onSuccess: (stored) => {
      queryClient.setQueryData(settingsApi.key, stored);
      setCountry(stored.country);
      form.resetDirty(fromDto(stored));
      setSaved(true);
    },
    onError: () => setSaved(false),
  });
  const text = (k: Exclude<keyof Values, 'country' | 'regionCode' | 'publicImpact' | 'verificationSamplePercent'>) => ({
    name: k,
    ...form.getInputProps(k),
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          setSaved(false);
          onSubmit(e);
        }}
        noValidate
        data-testid="settings-form">
        <Stack>
          {error && <ErrorAlert error={error} unshown={unshown} />}
          <Section title={t('settings.letterhead')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('setup.nameAr')} dir="rtl" lang="ar" required {...text('charityName')} />
              <TextInput label={t('setup.nameEn')} dir="ltr" {...text('charityNameLatin')} />
              <TextInput label={t('setup.licence')} dir="ltr" {...text('charityLicence')} />
              <TextInput
                label={t('settings.phone')}
                type="tel"
                dir="ltr"
                inputMode="tel"
                placeholder={PHONE_PLACEHOLDER[form.values.country].international}
                {...text('charityPhone')}
              />
            </SimpleGrid>
            <TextInput label={t('settings.address')} {...text('charityAddress')} />
            <TextInput
              label={t('settings.senderName')}
              description={t('settings.senderNameHint')}
              {...text('senderName')}
            />
          </Section>
          <Section title={t('settings.where')}>
            <LabelledSegmentedControl
              id="settings-country"
              label={t('setup.country')}
              data={(['SA', 'MA'] as const).map((c) => ({
                value: c,
                label: t(c === 'MA' ? 'region.country.MA' : 'region.country.SA'),
              }))}
              value={form.values.country}
              onChange={(c) => {
                form.setFieldValue('country', c === 'MA' ? 'MA' : 'SA');
                // A region belongs to one country: another country's is chosen again.
                if (!form.values.regionCode?.startsWith(`${c}-`)) form.setFieldValue('regionCode', null);
              }}
            />
            <Text size="xs" c="dimmed">
              {t(form.values.country === 'MA' ? 'setup.countryHint.MA' : 'setup.countryHint.SA')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <RegionSelect only={form.values.country} name="regionCode" {...form.getInputProps('regionCode')} />
              <CityAutocomplete
                label={t('setup.city')}
                name="city"
                regionCode={form.values.regionCode}
                {...form.getInputProps('city')}
              />
            </SimpleGrid>
          </Section>
          <Section title={t('settings.workshop')}>
            <NumberField
              label={t('settings.samplePercent')}
              description={t('settings.samplePercentHint')}
              name="verificationSamplePercent"
              decimal
              maw={260}
              {...form.getInputProps('verificationSamplePercent')}
              value={form.values.verificationSamplePercent}
            />
          </Section>
          <Section title={t('settings.public')}>
            <Switch
              label={t('settings.publicImpact')}
              description={
                <>
                  {t('settings.publicImpactHint')}{' '}
                  <Anchor href="/impact" target="_blank" size="xs" underline="always" dir="ltr">
                    /impact
                  </Anchor>
                </>
              }
              {...form.getInputProps('publicImpact', { type: 'checkbox' })}
            />
          </Section>
          {saved && (
            <Alert color="green" variant="light" data-testid="settings-saved">
              {t('settings.saved')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The logo printed on every document: PNG or JPEG, replaced by uploading another. */
function LogoCard({ settings }: { settings: SettingsDto }) {
  const { t } = usePrefs();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => settingsApi.uploadLogo(f),
    onSuccess: (stored) => {
      queryClient.setQueryData(settingsApi.key, stored);
      setFile(null);
    },
  });
  return (
    <Paper withBorder p="md">
      <Section title={t('setup.logo')}>
        <Text size="sm" c="dimmed" data-testid="settings-logo-state">
          {settings.logoSha256 ? t('settings.logoOnFile') : t('settings.logoNone')}
        </Text>
        <FileDrop
          label={settings.logoSha256 ? t('settings.logoReplace') : t('setup.logo')}
          description={t('setup.logoHint')}
          accept="image/png,image/jpeg"
          name="logo"
          value={file}
          onChange={setFile}
          error={upload.error ? upload.error.message : null}
          testId="settings-logo"
        />
        {upload.error && <ErrorAlert error={upload.error} />}
        <Group justify="flex-end">
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            {t('settings.logoUpload')}
          </Button>
        </Group>
      </Section>
    </Paper>
  );
}

/** The demo's donors, donations, devices and families go, all of them, once confirmed; the charity's own data stays. */
function RemoveDemo() {
  const { t } = usePrefs();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const removal = useMutation({
    mutationFn: settingsApi.removeDemo,
    // Every screen read demo rows: all of it is read again.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return (
    <Paper withBorder p="md" bd="1px solid var(--mantine-color-orange-4)" data-testid="settings-demo">
      <Section title={t('settings.demoTitle')}>
        <Text size="sm">{t('settings.demoHint')}</Text>
        {removal.error && <ErrorAlert error={removal.error} />}
        {confirming ? (
          <Stack gap="xs">
            <Text size="sm" fw={600} role="alert">
              {t('settings.demoConfirmText')}
            </Text>
            <Group gap="xs">
              <Button
                color="red"
                loading={removal.isPending}
                onClick={() => removal.mutate()}
                data-testid="settings-demo-confirm">
                {t('settings.demoConfirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('action.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button
              variant="outline"
              color="red"
              onClick={() => setConfirming(true)}
              data-testid="settings-demo-remove">
              {t('settings.demoRemove')}
            </Button>
            <Anchor component={Link} to="/dashboard" size="sm">
              {t('settings.demoLook')}
            </Anchor>
          </Group>
        )}
      </Section>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} fz="lg">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
