import { lazy, type ComponentType } from 'react';
import { registerArabic } from '../i18n';

/**
 * A screen nobody lands on (scripts/bundle-size.mjs lists the landing screens): its chunk loads together with the
 * later screens' Arabic messages (i18n/ar.screens.ts), registered before it renders. Keeps those messages out of the
 * first screen's JavaScript, which is at its 200 KB budget.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: any props
export function laterScreen<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(async () => {
    const [screen, messages] = await Promise.all([load(), import('../i18n/ar.screens')]);
    registerArabic(messages.arScreens);
    return screen;
  });
}
