// Users and sessions (server/modules/auth).
import type { Language, Role } from './common.js';

export interface UserDto {
  id: number;
  email: string;
  name: string;
  role: Role;
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
  password: string;
  language: Language;
}
export interface UserPatch {
  name?: string;
  role?: Role;
  password?: string;
  active?: boolean;
  language?: Language;
}
