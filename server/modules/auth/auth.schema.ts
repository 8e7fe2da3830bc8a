import Joi from 'joi';
import { invalid } from '../../lib/parse.js';
import { ROLES, type Role } from './auth.roles.js';
import type { User } from './auth.model.js';
import type { Language, UserDto } from '../../shared/index.js';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';

export const PASSWORD_MIN = 12;

/** Long enough, and not a run of one or two characters repeated (e.g. "aaaaaaaaaaaa", "abababababab"). */
export const passwordSchema = Joi.string()
  .min(PASSWORD_MIN)
  .max(1024)
  .custom((value: string, helpers) =>
    new Set(value).size < 5
      ? invalid(helpers, 'password.variety', '{{#label}} needs at least 5 different characters', { limit: 5 })
      : value,
  );

export interface LoginInput {
  email: string;
  password: string;
}
export const loginInput = Joi.object<LoginInput>({
  email: Joi.string().trim().lowercase().max(254).required(),
  password: Joi.string().max(1024).required(),
});

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  partnerId?: number | null;
  password: string;
  language: Language;
}
/** A partner user belongs to exactly one partner organisation; staff to none. */
const partnerIdOfRole = Joi.when('role', {
  is: 'partner',
  then: Joi.number().integer().positive().required(),
  otherwise: Joi.any().valid(null).messages({ 'any.only': '{{#label}} goes only with role partner' }),
});
export const createUserInput = Joi.object<CreateUserInput>({
  email: Joi.string().trim().lowercase().email({ tlds: false }).max(254).required(),
  name: Joi.string().trim().min(1).max(200).required(),
  role: Joi.string()
    .valid(...ROLES)
    .required(),
  partnerId: partnerIdOfRole,
  password: passwordSchema.required(),
  language: Joi.string().valid('ar', 'en', 'fr').default('ar'),
});

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  partnerId?: number | null;
  password?: string;
  active?: boolean;
  language?: Language;
}
export const updateUserInput = Joi.object<UpdateUserInput>({
  name: Joi.string().trim().min(1).max(200),
  role: Joi.string().valid(...ROLES),
  // Checked against the role (the new one, or the user's own) by the service.
  partnerId: Joi.number().integer().positive().allow(null),
  password: passwordSchema,
  active: Joi.boolean(),
  language: Joi.string().valid('ar', 'en', 'fr'),
}).min(1);

export interface UpdateMeInput {
  name?: string;
  language?: Language;
  password?: string;
  currentPassword?: string;
}
export const updateMeInput = Joi.object<UpdateMeInput>({
  name: Joi.string().trim().min(1).max(200),
  language: Joi.string().valid('ar', 'en', 'fr'),
  password: passwordSchema,
  currentPassword: Joi.string().max(1024).when('password', { is: Joi.exist(), then: Joi.required() }),
}).min(1);

export interface UserListQuery extends PageQuery {
  role?: Role;
  q?: string;
}
export const userListQuery = Joi.object<UserListQuery>({
  ...pageQueryKeys,
  role: Joi.string().valid(...ROLES),
  q: Joi.string().trim().max(100),
});

export const idParams = Joi.object<{ id: number }>({
  id: Joi.number()
    .integer()
    .positive()
    .max(2 ** 31 - 1)
    .required(),
});

export type { UserDto };
export function toUserDto(u: User): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    partnerId: u.partnerId ?? null,
    language: u.language,
    active: u.active,
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}
