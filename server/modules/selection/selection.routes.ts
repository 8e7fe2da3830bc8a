// Selection per programme (spec §14): a programme's waiting list and its committee's scores (managers, like
// GET /api/waitlist), and the public application form (no sign-in; rate limited per address like the pledge form).
import { config } from '../../config.js';
import { publicRateLimit } from '../../lib/http-middleware.js';
import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { actorOf, idParams, MANAGERS, type Access } from '../auth/index.js';
import { applyToProgramme, readPublicProgramme } from './selection.applications.js';
import { scoreBeneficiary } from './selection.committee.js';
import {
  committeeScoreInput,
  programmeWaitlistQuery,
  publicApplicationInput,
  scoreParams,
} from './selection.schema.js';
import { programmeWaitlist } from './selection.waitlist.js';

export const selectionRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/programmes/:id/waitlist',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(
        await programmeWaitlist(parse(idParams, req.params).id, parse(programmeWaitlistQuery, req.query), actorOf(req)),
      ),
  },
  {
    method: 'put',
    path: '/api/programmes/:id/committee-scores/:beneficiaryId',
    access: MANAGERS,
    handler: async (req, res) => {
      const { id, beneficiaryId } = parse(scoreParams, req.params);
      res.json(await scoreBeneficiary(id, beneficiaryId, parse(committeeScoreInput, req.body), actorOf(req)));
    },
  },
  {
    method: 'get',
    path: '/api/public/programmes/:id',
    access: 'public',
    before: [publicRateLimit('public-programme', config.publicRateLimitPer15Min * 4)],
    handler: async (req, res) => res.json(await readPublicProgramme(parse(idParams, req.params).id)),
  },
  {
    method: 'post',
    path: '/api/public/programmes/:id/applications',
    access: 'public',
    before: [publicRateLimit('application', config.publicRateLimitPer15Min)],
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      res.status(201).json(await applyToProgramme(id, parse(publicApplicationInput, req.body)));
    },
  },
]);
