import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http';
import { setupApi } from '../../api/setup';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PublicLayout } from '../../components/PublicLayout';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';
import { homeFor } from '../../shell/nav';

/** Only same-site paths are followed after sign-in, so a crafted ?next= cannot send the user elsewhere. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function LoginPage() {
  const t = useT();
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // While no user exists there is nobody to sign in: the first run's setup takes the place of this page. Once someone
  // has set it up the server answers 409, and the form shows.
  const setup = useQuery({
    queryKey: setupApi.statusKey,
    queryFn: ({ signal }) => setupApi.status(signal),
    staleTime: Infinity,
  });
  const {
    form,
    onSubmit,
    busy,
    error: err,
  } = useServerForm({
    initialValues: { email: '', password: '' },
    submit: (v) => login(v.email, v.password),
    onSuccess: (user) => {
      void navigate(safeNext(params.get('next')) ?? homeFor(user.role), { replace: true });
    },
  });

  if (state.status === 'signed-in')
    return <Navigate to={safeNext(params.get('next')) ?? homeFor(state.user.role)} replace />;
  if (setup.isPending) return <FullPageLoader />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;

  const badCredentials = err instanceof ApiError && err.status === 401;
  return (
    <PublicLayout>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={1} fz={24}>
              {t('login.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('login.subtitle')}
            </Text>
            {badCredentials ? (
              <Alert color="red" role="alert">
                {t('login.failed')}
              </Alert>
            ) : err instanceof ApiError && err.status === 429 ? (
              <Alert color="orange" role="alert">
                {t('error.rateLimited')}
              </Alert>
            ) : err && !(err instanceof ApiError && err.code === 'VALIDATION_FAILED') ? (
              <ErrorAlert error={err} />
            ) : null}
            <TextInput
              label={t('login.email')}
              type="email"
              name="email"
              dir="ltr"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
              data-autofocus
              autoFocus
            />
            <PasswordInput
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text ta="center" mt="lg" size="sm">
        {t('login.donorPrompt')}{' '}
        <Anchor component={Link} to="/pledge">
          {t('login.pledgeLink')}
        </Anchor>
      </Text>
    </PublicLayout>
  );
}
