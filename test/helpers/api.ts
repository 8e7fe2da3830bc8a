import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';

let app: Express | undefined;

export function api() {
  app ??= createApp();
  return request(app);
}

/**
 * Every test starts with a new app (test/setup.ts), as the database starts empty: per-address rate limits are
 * counted per app in memory, and a suite that shared one app would share one public budget of 30 requests.
 */
export function forgetApp(): void {
  app = undefined;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
