import { ActionIcon } from '@mantine/core';
import { useRef, useState, type ComponentType } from 'react';
import { IconUser } from '../components/icons';
import { useT } from '../prefs/PreferencesProvider';
import type { UserMenuProps } from './UserMenu';

// The menu (Mantine's Popover, floating-ui, the settings controls) is its own chunk, kept out of the first
// screen's JavaScript: it is fetched as soon as the pointer or the focus reaches the button, and a click made before
// it has arrived opens the menu when it does.
let menuModule: Promise<ComponentType<UserMenuProps>> | undefined;
const loadMenu = () => (menuModule ??= import('./UserMenu').then((m) => m.UserMenu));

export function UserMenuButton() {
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  const clicked = useRef(false);
  const [menu, setMenu] = useState<{ Menu: ComponentType<UserMenuProps>; opened: boolean; focus: boolean } | null>(
    null,
  );

  if (menu) return <menu.Menu initiallyOpened={menu.opened} autoFocus={menu.focus} />;

  const load = () => {
    void loadMenu().then((Menu) =>
      setMenu({ Menu, opened: clicked.current, focus: document.activeElement === button.current }),
    );
  };
  return (
    <ActionIcon
      ref={button}
      variant="light"
      size="lg"
      radius="xl"
      aria-label={t('user.menu')}
      aria-haspopup="dialog"
      aria-expanded={false}
      data-testid="user-menu"
      onPointerEnter={load}
      onFocus={load}
      onClick={() => {
        clicked.current = true;
        load();
      }}>
      <IconUser size={20} />
    </ActionIcon>
  );
}
