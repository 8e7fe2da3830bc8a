import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';

let app: Express | undefined;

export function api() {
  app ??= createApp();
  return request(app);
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
