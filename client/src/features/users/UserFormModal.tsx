import { Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { endpoints, keys } from '../../api/endpoints';
import type { Language, Role, UserDto, UserPatch } from '../../api/types';
import { ROLES } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';
import { ClearLockoutButton } from './ClearLockoutButton';
import { usePartners } from '../beneficiaries/usePartners';
import { LANGUAGES } from '../../i18n';

/** The server's minimum (server/modules/auth/auth.schema.ts PASSWORD_MIN); shown as a hint, enforced there. */
const PASSWORD_MIN = 12;

type Values = {
  email: string;
  name: string;
  role: Role;
  /** The partner organisation of a `partner` user (spec §13), as the picker's string; sent only with that role. */
  partnerId: string | null;
  language: Language;
  active: boolean;
  password: string;
};

/**
 * Create a user (user undefined) or edit one: name, role (a partner association's user belongs to one partner
 * organisation, picked here), language, active, and an optional new password.
 */
export function UserFormModal({
  user,
  onClose,
  onSaved,
}: {
  user?: UserDto;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const options = useEnumOptions();
  const partners = usePartners();
  const initialValues: Values = {
    email: user?.email ?? '',
    name: user?.name ?? '',
    role: user?.role ?? 'technician',
    partnerId: user?.partnerId == null ? null : String(user.partnerId),
    language: user?.language ?? 'ar',
    active: user?.active ?? true,
    password: '',
  };
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues,
    submit: ({ email, name, role, partnerId, language, active, password }) => {
      // Left out when not picked, so that the server names the missing partner.
      const partner = role === 'partner' && partnerId ? { partnerId: Number(partnerId) } : {};
      if (!user)
        return endpoints.users.create({ email: email.trim(), name: name.trim(), role, language, password, ...partner });
      const patch: UserPatch = { name: name.trim(), role, language, active, ...partner };
      // A staff role given back to a former partner user drops the organisation.
      if (role !== 'partner' && user.partnerId !== null) patch.partnerId = null;
      if (password) patch.password = password;
      return endpoints.users.update(user.id, patch);
    },
    invalidates: [keys.users],
    onSuccess: onSaved,
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={user ? t('users.edit') : t('users.new')}
      centered
      closeButtonProps={{ 'aria-label': t('action.close') }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {error && <ErrorAlert error={error} unshown={unshown} />}
          <TextInput
            label={t('user.email')}
            type="email"
            dir="ltr"
            required={!user}
            disabled={Boolean(user)}
            {...form.getInputProps('email')}
            autoComplete="off"
          />
          <TextInput label={t('user.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('user.role')}
            data={options('role', ROLES)}
            allowDeselect={false}
            {...form.getInputProps('role')}
            onChange={(v) => form.setFieldValue('role', (v as Role | null) ?? 'technician')}
          />
          {form.values.role === 'partner' && (
            <Select
              label={t('user.partner')}
              description={t('user.partnerHint')}
              required
              searchable
              name="partnerId"
              data={partners.options}
              nothingFoundMessage={t('list.empty')}
              {...form.getInputProps('partnerId')}
            />
          )}
          <Select
            label={t('user.language')}
            data={options('language', LANGUAGES)}
            allowDeselect={false}
            {...form.getInputProps('language')}
            onChange={(v) => form.setFieldValue('language', LANGUAGES.find((l) => l === v) ?? 'ar')}
          />
          <PasswordInput
            label={user ? t('user.newPassword') : t('user.password')}
            required={!user}
            {...form.getInputProps('password')}
            description={t('user.passwordHint', { n: PASSWORD_MIN })}
            autoComplete="new-password"
          />
          {user && <Switch label={t('user.active')} {...form.getInputProps('active', { type: 'checkbox' })} />}
          {user && <ClearLockoutButton userId={user.id} />}
          <FormActions busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
