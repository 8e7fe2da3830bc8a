// Every HTTP route of the application, in one list: app.ts mounts it and the access test walks it.
import type { RouteDef } from './lib/route.js';
import { authRoutes, type Access } from './modules/auth/index.js';
import { healthRoutes } from './modules/health/health.routes.js';

export const allRoutes: RouteDef<Access>[] = [
  ...healthRoutes,
  ...authRoutes,
];
