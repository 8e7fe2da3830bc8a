import { ActionIcon, Menu, Switch, SegmentedControl, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useAuth, useUser } from '../auth/AuthProvider';
import { IconUser } from '../components/icons';
import { useEnumLabel } from '../components/Labels';
import { Ltr } from '../components/Ltr';
import { usePrefs } from '../prefs/PreferencesProvider';

export interface UserMenuProps {
  /** Open at once: the button was clicked before this chunk had arrived (UserMenuButton). */
  initiallyOpened: boolean;
  /** Take the focus from the placeholder button this replaces. */
  autoFocus: boolean;
}

export function UserMenu({ initiallyOpened, autoFocus }: UserMenuProps) {
  const { t, digits, setDigits, hijri, setHijri, language } = usePrefs();
  const { logout } = useAuth();
  const user = useUser();
  const label = useEnumLabel();
  const navigate = useNavigate();
  const target = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) target.current?.focus();
  }, [autoFocus]);
  const signOut = async () => {
    try {
      await logout();
    } catch {
      // The server did not confirm (network down): the screen is left anyway; the cookie expires on its own.
    }
    void navigate('/login', { replace: true });
  };
  return (
    <Menu position="bottom-end" width={260} shadow="md" closeOnItemClick={false} defaultOpened={initiallyOpened}>
      <Menu.Target>
        <ActionIcon
          ref={target}
          variant="light"
          size="lg"
          radius="xl"
          aria-label={t('user.menu')}
          data-testid="user-menu">
          <IconUser size={20} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fw={600} c="dark" size="sm">
            {user.name}
          </Text>
          <Text size="xs">
            <Ltr>{user.email}</Ltr> · {label('role', user.role)}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        {language === 'ar' && (
          <div className="nm-menu-pad">
            <Text size="xs" c="dimmed" mb={4} id="digits-label">
              {t('prefs.digits')}
            </Text>
            <SegmentedControl
              fullWidth
              size="xs"
              value={digits}
              aria-labelledby="digits-label"
              onChange={(v) => setDigits(v === 'arab' ? 'arab' : 'latn')}
              data={[
                { value: 'latn', label: '123' },
                { value: 'arab', label: '١٢٣' },
              ]}
            />
          </div>
        )}
        <div className="nm-menu-pad">
          <Switch
            size="sm"
            label={t('prefs.hijri')}
            checked={hijri}
            onChange={(e) => setHijri(e.currentTarget.checked)}
          />
        </div>
        <Menu.Divider />
        <Menu.Item
          color="red"
          onClick={() => {
            void signOut();
          }}
          data-testid="sign-out">
          {t('user.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
