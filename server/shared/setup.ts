// The one-time setup (issue 22, spec §15): GET /api/setup and POST /api/setup. The answer of a successful POST is a
// sign-in's (POST /api/auth/login: { token, expiresAt, user } and the session cookie).
import type { CountryCode, RegionWithCitiesDto } from './regions.js';

export interface SetupStatusDto {
  /** True while no user exists (once one does, GET /api/setup answers 409 ALREADY_SET_UP instead). */
  needed: boolean;
  /**
   * Whether POST needs the token of the link the server logged at start: false only for a request from the machine
   * itself (loopback, no proxy in between, TRUST_PROXY unset).
   */
  tokenRequired: boolean;
  /** The country to propose: COUNTRY of the configuration (SA by default). */
  country: CountryCode;
  /** The regions of both countries with their main cities (the same list as GET /api/regions). */
  regions: RegionWithCitiesDto[];
}

export interface SetupInput {
  /** The token of the link `PUBLIC_URL/setup?token=…`; may be left out by a request from the machine itself. */
  token?: string;
  charity: {
    /** The charity's name in Arabic letters, and in Latin letters (English or French). */
    nameAr: string;
    nameEn?: string;
    licence?: string;
    /** Sets the ID rules, phone region, currency and calendar. */
    country: CountryCode;
    /** A region of that country (ISO 3166-2, server/shared/regions.ts). */
    regionCode?: string | null;
    city?: string;
  };
  admin: { name: string; email: string; password: string; language?: 'ar' | 'en' | 'fr' };
  /** The first programme, e.g. "المرحلة الأولى", 2,000 families. */
  programme?: { name: string; nameLatin?: string; targetFamilies: number; startsOn?: string; endsOn?: string };
  /** Load the demo data (marked as demo everywhere; DELETE /api/settings/demo removes it). */
  demo?: boolean;
}
