import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { actorOf } from './auth.middleware.js';
import * as auth from './auth.service.js';
import { revokeSession, SESSION_COOKIE } from './auth.sessions.js';
import { setSessionCookie } from './auth.cookie.js';
import { createUserInput, idParams, loginInput, updateMeInput, updateUserInput, userListQuery } from './auth.schema.js';
import { ADMINS, type Access } from './auth.roles.js';
import { UnprocessableError } from '../../lib/errors.js';
import { partnerExists } from '../partners/index.js';

/** The organisation a partner user is linked to must exist (checked here: auth sits below the partners module). */
async function assertPartnerExists(partnerId: number | null | undefined): Promise<void> {
  if (partnerId != null && !(await partnerExists(partnerId)))
    throw new UnprocessableError('REFERENCE_NOT_FOUND', `Partner ${partnerId} does not exist`, [
      { path: 'partnerId', message: 'does not exist' },
    ]);
}

export const authRoutes = defineRoutes<Access>([
  {
    method: 'post',
    path: '/api/auth/login',
    access: 'public',
    handler: async (req, res) => {
      const { token, expiresAt, user } = await auth.login(
        parse(loginInput, req.body),
        (req.ip ?? 'unknown').slice(0, 64),
      );
      setSessionCookie(res, token, expiresAt);
      res.json({ token, expiresAt: expiresAt.toISOString(), user });
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    access: 'authenticated',
    handler: async (req, res) => {
      if (req.sessionToken) await revokeSession(req.sessionToken);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      res.status(204).end();
    },
  },
  {
    method: 'get',
    path: '/api/auth/me',
    access: 'authenticated',
    handler: async (req, res) => res.json(await auth.getMe(actorOf(req))),
  },
  {
    method: 'patch',
    path: '/api/auth/me',
    access: 'authenticated',
    handler: async (req, res) =>
      res.json(await auth.updateMe(actorOf(req), parse(updateMeInput, req.body), req.sessionToken)),
  },
  {
    method: 'get',
    path: '/api/users',
    access: ADMINS,
    handler: async (req, res) => res.json(await auth.listUsers(parse(userListQuery, req.query))),
  },
  {
    method: 'post',
    path: '/api/users',
    access: ADMINS,
    handler: async (req, res) => {
      const input = parse(createUserInput, req.body);
      await assertPartnerExists(input.partnerId);
      res.status(201).json(await auth.createUser(input));
    },
  },
  {
    method: 'get',
    path: '/api/users/:id',
    access: ADMINS,
    handler: async (req, res) => res.json(await auth.getUser(parse(idParams, req.params).id)),
  },
  {
    method: 'patch',
    path: '/api/users/:id',
    access: ADMINS,
    handler: async (req, res) => {
      const input = parse(updateUserInput, req.body);
      await assertPartnerExists(input.partnerId);
      res.json(await auth.updateUser(parse(idParams, req.params).id, input, actorOf(req)));
    },
  },
  {
    method: 'delete',
    path: '/api/users/:id/lockout',
    access: ADMINS,
    handler: async (req, res) => {
      await auth.clearUserLockout(parse(idParams, req.params).id, actorOf(req));
      res.status(204).end();
    },
  },
]);
