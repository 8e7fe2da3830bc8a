import { Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/http';
import type { Language, Role, UserDto, UserInput, UserPatch } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ROLES } from '../../api/types';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useFieldErrors } from '../../components/useFieldErrors';
import { LANGUAGES } from '../../i18n';
import { useT } from '../../prefs/PreferencesProvider';
import { ClearLockoutButton } from './ClearLockoutButton';

const KNOWN = ['email', 'name', 'role', 'password', 'language', 'active'];
/** The server's minimum (server/modules/auth/auth.schema.ts PASSWORD_MIN); shown as a hint, enforced there. */
const PASSWORD_MIN = 12;

/** Create a user (user undefined) or edit one: name, role, language, active, and an optional new password. */
export function UserFormModal({ user, onClose, onSaved }: { user?: UserDto; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const options = useEnumOptions();
  const errors = useFieldErrors();
  const [email, setEmail] = useState(user?.email ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'technician');
  const [language, setLanguage] = useState<Language>(user?.language ?? 'ar');
  const [active, setActive] = useState(user?.active ?? true);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      if (user) {
        const patch: UserPatch = { name: name.trim(), role, language, active };
        if (password) patch.password = password;
        await api<UserDto>(`/api/users/${user.id}`, { method: 'PATCH', body: patch });
      } else {
        const input: UserInput = { email: email.trim(), name: name.trim(), role, language, password };
        await api<UserDto>('/api/users', { method: 'POST', body: input });
      }
      onSaved();
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={user ? t('users.edit') : t('users.new')} centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(KNOWN)} />}
          <TextInput label={t('user.email')} type="email" dir="ltr" required={!user} disabled={Boolean(user)} value={email}
            onChange={(e) => setEmail(e.currentTarget.value)} error={errors.field('email')} autoComplete="off" />
          <TextInput label={t('user.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.field('name')} />
          <Select label={t('user.role')} data={options('role', ROLES)} value={role} allowDeselect={false}
            onChange={(v) => setRole((v as Role | null) ?? 'technician')} error={errors.field('role')} />
          <Select label={t('user.language')} data={options('language', LANGUAGES)} value={language} allowDeselect={false}
            onChange={(v) => setLanguage(LANGUAGES.find((l) => l === v) ?? 'ar')} error={errors.field('language')} />
          <PasswordInput label={user ? t('user.newPassword') : t('user.password')} required={!user} value={password}
            onChange={(e) => setPassword(e.currentTarget.value)} error={errors.field('password')}
            description={t('user.passwordHint', { n: PASSWORD_MIN })} autoComplete="new-password" />
          {user && <Switch label={t('user.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
          {user && <ClearLockoutButton userId={user.id} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="submit" loading={busy}>{t('action.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
