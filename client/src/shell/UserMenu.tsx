import { ActionIcon, Button, Divider, Popover, Switch, SegmentedControl, Text } from '@mantine/core';
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
  // A popover (a dialog), not a Menu: it holds settings (digits, Hijri dates) beside the sign-out, and a role="menu"
  // may hold menu items only (axe: aria-required-children).
  return (
    <Popover position="bottom-end" width={260} shadow="md" defaultOpened={initiallyOpened} trapFocus>
      <Popover.Target>
        <ActionIcon
          ref={target}
          variant="light"
          size="lg"
          radius="xl"
          aria-label={t('user.menu')}
          data-testid="user-menu">
          <IconUser size={20} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} py={4}>
        <div className="nm-menu-pad">
          <Text fw={600} c="dark" size="sm">
            {user.name}
          </Text>
          <Text size="xs">
            <Ltr>{user.email}</Ltr> · {label('role', user.role)}
          </Text>
        </div>
        <Divider my={4} />
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
        <Divider my={4} />
        <div className="nm-menu-pad">
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            fullWidth
            justify="flex-start"
            onClick={() => {
              void signOut();
            }}
            data-testid="sign-out">
            {t('user.signOut')}
          </Button>
        </div>
      </Popover.Dropdown>
    </Popover>
  );
}
