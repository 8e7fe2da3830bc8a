// The first run (spec §15) and the charity's settings: the wire shapes of GET/POST /api/setup and /api/settings,
// and their calls. Imported by the sign-in page (whether the setup is still to do), the setup page, the settings
// screen and the shell's demo banner, so it stays small.
import { queryOptions } from '@tanstack/react-query';
import { api } from './http';
import type { CountryCode, LoginResponse, SetupInput, SetupStatusDto } from './types';

export type { SetupInput, SetupStatusDto };

/** GET /api/settings: what the setup asked, and what the administrator changes later. */
export interface SettingsDto {
  charityName: string;
  charityNameLatin: string;
  charityLicence: string;
  charityAddress: string;
  charityPhone: string;
  verificationSamplePercent: number;
  logoSha256: string | null;
  publicImpact: boolean;
  country: CountryCode;
  /** Where the charity is: a region of its country (server/shared/regions.ts) and the city as typed. */
  regionCode: string | null;
  city: string;
  /** The name the messages to donors and families are signed with; the charity's name when empty. */
  senderName: string;
  /** Whether the demo data is loaded: every screen says so until it is removed. */
  demo: boolean;
}
export type SettingsPatch = Partial<Omit<SettingsDto, 'logoSha256' | 'demo'>>;

const SETTINGS_KEY = ['settings'] as const;

export const setupApi = {
  statusKey: ['setup'] as const,
  /** Whether the setup is still to do; a 409 (someone already set it up) is an ApiError the caller reads as "no". */
  status: (signal?: AbortSignal) => api<SetupStatusDto>('/api/setup', { signal }),
  submit: (input: SetupInput) => api<LoginResponse>('/api/setup', { method: 'POST', body: input }),
};

export const settingsApi = {
  key: SETTINGS_KEY,
  /** One read for the screen, the shell's banner and the date fields' country (the same key as DateField's). */
  get: () =>
    queryOptions({
      queryKey: SETTINGS_KEY,
      queryFn: ({ signal }) => api<SettingsDto>('/api/settings', { signal }),
    }),
  update: (patch: SettingsPatch) => api<SettingsDto>('/api/settings', { method: 'PATCH', body: patch }),
  uploadLogo: (file: File) => {
    const body = new FormData();
    body.append('file', file);
    return api<SettingsDto>('/api/settings/logo', { method: 'PUT', body });
  },
  removeDemo: () => api<unknown>('/api/settings/demo', { method: 'DELETE' }),
};
