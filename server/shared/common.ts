// Shapes every resource uses: roles, languages, errors, pages. Pure: no imports from server code.

export const ROLES = ['admin', 'manager', 'technician', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** Who may call what (server/modules/auth/auth.roles.ts enforces; the client only hides what would be refused). */
export const STAFF: readonly Role[] = ['admin', 'manager', 'technician'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
export const ADMINS: readonly Role[] = ['admin'];
export const ALL_ROLES: readonly Role[] = ROLES;
export function can(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}

/** Languages of the web client. */
export type Language = 'ar' | 'en' | 'fr';
/** Languages documents and messages to donors are written in (receipts, certificates); French is not yet one. */
export type DocumentLanguage = 'ar' | 'en';
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['ar', 'en'];

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
