// Shapes every resource uses: roles, languages, errors, pages. Pure: no imports from server code.

export const ROLES = ['admin', 'manager', 'technician', 'viewer', 'partner'] as const;
export type Role = (typeof ROLES)[number];
/** Who may call what (server/modules/auth/auth.roles.ts enforces; the client only hides what would be refused). */
export const STAFF: readonly Role[] = ['admin', 'manager', 'technician'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
export const ADMINS: readonly Role[] = ['admin'];
/** The charity's own staff, every role but `partner`: what "any signed-in user" may read of the charity's data. */
export const ALL_ROLES: readonly Role[] = ['admin', 'manager', 'technician', 'viewer'];
/**
 * A partner association's user (spec §13): belongs to one partner organisation and sees only the devices in its
 * custody and the beneficiaries it referred. Routes that let partners in name this group and scope every row.
 */
export const PARTNERS: readonly Role[] = ['partner'];
/** Managers and partners: the onward handover routes, where a partner is limited to its custody and its families. */
export const HANDOVER_ROLES: readonly Role[] = ['admin', 'manager', 'partner'];
export function can(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}

/** Languages of the web client. */
export type Language = 'ar' | 'en' | 'fr';
/** A donor's language (their page, statement, receipts' link and emails): Arabic, English or French (issue 20). */
export type DocumentLanguage = 'ar' | 'en' | 'fr';
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['ar', 'en', 'fr'];

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}
/**
 * One bad field of a 400 VALIDATION_FAILED. `type` is joi's error type (`any.required`, `string.min`…) or one of ours
 * (`phone.invalid`, `nationalId.SA`…: README.md, The API); `context` holds what a translation needs (`limit`,
 * `valids`, `peers`), never the submitted value. 409/422 field details may carry only `path` and `message`.
 */
export interface FieldErrorDto {
  path: string;
  message: string;
  type?: string;
  context?: Record<string, unknown>;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
