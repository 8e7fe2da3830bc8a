// The one-time setup's tests (issue 22): the token as the server makes it at start, and a complete setup body.
import { announceSetup } from '../../server/modules/setup/index.js';

export const ADMIN_PASSWORD = 'setup admin passphrase';

/** What the server does at start while no user exists: makes the token and logs the link. Returns the token. */
export async function startWithoutUsers(): Promise<string> {
  const link = await announceSetup();
  if (!link) throw new Error('a user exists: no setup link');
  return new URL(link).searchParams.get('token')!;
}

export function setupBody(token: string | undefined, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...(token === undefined ? {} : { token }),
    charity: {
      nameAr: 'جمعية الأمل الرقمي',
      nameEn: 'Digital Hope Association',
      licence: 'L-2026-118',
      country: 'SA',
      regionCode: 'SA-04',
      city: 'الدمام',
    },
    admin: { name: 'نورة العتيبي', email: 'Admin@Hope.example', password: ADMIN_PASSWORD, language: 'ar' },
    programme: { name: 'المرحلة الأولى', targetFamilies: 2000, startsOn: '2026-01-01', endsOn: '2026-12-31' },
    ...overrides,
  };
}
