// The health module: GET /api/health (liveness and the database). No models, no services for other modules;
// the app mounts health.routes.ts.
export {};
