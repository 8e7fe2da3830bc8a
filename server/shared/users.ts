// Users and sessions (server/modules/auth).
import type { Language, Role } from './common.js';

export interface UserDto {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The partner organisation of a `partner` user; null for the charity's staff. */
  partnerId: number | null;
  language: Language;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}
export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: UserDto;
}
export interface UserInput {
  email: string;
  name: string;
  role: Role;
  /** Required with role `partner`, refused with any other. */
  partnerId?: number;
  password: string;
  language: Language;
}
export interface UserPatch {
  name?: string;
  role?: Role;
  partnerId?: number | null;
  password?: string;
  active?: boolean;
  language?: Language;
}
