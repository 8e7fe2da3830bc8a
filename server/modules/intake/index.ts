// The intake module: the queue of pledges awaiting pickup and devices waiting in intake (a read-only view over
// donations and devices). It has no models; nothing else calls it, the app mounts intake.routes.ts.
export { intakeQueue } from './intake.service.js';
