// GET/POST /api/setup (the one-time setup, spec §15) and DELETE /api/settings/demo (the demo it may load).
import { config } from '../../config.js';
import { UnprocessableError, ValidationError } from '../../lib/errors.js';
import { publicRateLimit } from '../../lib/http-middleware.js';
import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import type { SetupInput } from '../../shared/setup.js';
import { ADMINS, setSessionCookie, type Access } from '../auth/index.js';
import { DEMO_ACCOUNT_EMAILS, removeDemo } from './setup.demo.js';
import { fromThisMachine } from './setup.local.js';
import { assertRegionOfCountry, setupInput } from './setup.schema.js';
import { assertMaySetUp, runSetup, setupStatus } from './setup.service.js';

/** The setup's answer to a body it cannot use is 422 naming each field (the screen shows them next to the fields). */
function parseSetup(body: unknown): SetupInput {
  try {
    const input = parse(setupInput, body);
    assertRegionOfCountry(input);
    // Removing the demo removes its accounts by e-mail: a real admin must not carry one.
    if (input.demo && DEMO_ACCOUNT_EMAILS.includes(input.admin.email))
      throw new ValidationError('Invalid request', [
        { path: 'admin.email', message: '"admin.email" is one of the demo accounts', type: 'email.demo' },
      ]);
    return input;
  } catch (error) {
    if (error instanceof ValidationError) throw new UnprocessableError(error.code, error.message, error.details);
    throw error;
  }
}

const tokenOf = (body: unknown): string | undefined => {
  const token = (body as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' && token !== '' ? token : undefined;
};

export const setupRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/setup',
    access: 'public',
    before: [publicRateLimit('setup-status', config.publicRateLimitPer15Min * 4)],
    handler: async (req, res) => res.json(await setupStatus(fromThisMachine(req))),
  },
  {
    method: 'post',
    path: '/api/setup',
    access: 'public',
    before: [publicRateLimit('setup', config.publicRateLimitPer15Min)],
    handler: async (req, res) => {
      // In this order: 409 once set up, 403 without the right token, and only then 422 for the body.
      await assertMaySetUp(tokenOf(req.body), fromThisMachine(req));
      const { demoLoaded, ...session } = await runSetup(parseSetup(req.body));
      setSessionCookie(res, session.token, session.expiresAt);
      res.status(201).json({ ...session, expiresAt: session.expiresAt.toISOString(), demoLoaded });
    },
  },
  {
    method: 'delete',
    path: '/api/settings/demo',
    access: ADMINS,
    handler: async (_req, res) => res.json(await removeDemo()),
  },
]);
