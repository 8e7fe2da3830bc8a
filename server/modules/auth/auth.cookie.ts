// The session cookie a sign-in sets (POST /api/auth/login, and the setup's POST /api/setup, which ends signed in).
import type { Response } from 'express';
import { config } from '../../config.js';
import { SESSION_COOKIE } from './auth.sessions.js';

export function setSessionCookie(res: Response, token: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.publicUrl.startsWith('https:'),
    path: '/',
    expires,
  });
}
