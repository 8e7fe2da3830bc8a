import type { Actor } from '../modules/auth/auth.roles.js';

declare global {
  namespace Express {
    interface Request {
      requestId: string;
      actor?: Actor;
      sessionToken?: string;
    }
  }
}
export {};
