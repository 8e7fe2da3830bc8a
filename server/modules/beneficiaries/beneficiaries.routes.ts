// Every beneficiary route, and what a partner referred. The registry holds personal data, so it is for managers;
// a partner association's user reads only the beneficiaries its organisation referred (spec §13), the same rows
// the filter `partnerId` would give, forced by the route (the partner list itself is in the partners module).
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { NotFoundError } from '../../lib/errors.js';
import { actorOf, idParams, MANAGERS, type Access, type Actor } from '../auth/index.js';
import { handoversOf } from '../figures/index.js';
import type { Beneficiary } from './beneficiaries.model.js';
import { institutionWaitlistPage } from './beneficiaries.institutions.js';
import { toBeneficiaryDto } from './beneficiaries.dto.js';
import {
  beneficiaryInput,
  beneficiaryListQuery,
  beneficiaryPatch,
  pageQuery,
  waitlistQuery,
} from './beneficiaries.schema.js';
import * as beneficiaries from './beneficiaries.service.js';
import { beneficiaryPriority, waitlistPage } from './beneficiaries.waitlist.js';
import { partnerReferrals, referralsQuery } from './beneficiaries.referrals.js';

const READERS: Access = [...MANAGERS, 'partner'];

/** A partner sees only its referrals: any other beneficiary is "not found", so ids tell it nothing. */
function assertVisible(b: Beneficiary, actor: Actor): void {
  if (actor.role === 'partner' && b.partnerId !== actor.partnerId)
    throw new NotFoundError(`Beneficiary ${b.id} not found`);
}

export const beneficiaryRoutes = defineRoutes<Access>([
  {
    method: 'post',
    path: '/api/beneficiaries',
    access: MANAGERS,
    handler: async (req, res) => {
      const actor = actorOf(req);
      res
        .status(201)
        .json(
          toBeneficiaryDto(await beneficiaries.createBeneficiary(parse(beneficiaryInput, req.body), actor), actor.role),
        );
    },
  },
  {
    method: 'get',
    path: '/api/beneficiaries',
    reads: 'replica',
    access: READERS,
    handler: async (req, res) => {
      const actor = actorOf(req);
      const query = parse(beneficiaryListQuery, req.query);
      if (actor.role === 'partner') query.scopePartnerId = actor.partnerId ?? -1;
      res.json(await beneficiaries.listBeneficiaries(query, actor));
    },
  },
  {
    method: 'get',
    path: '/api/beneficiaries/:id',
    access: READERS,
    handler: async (req, res) => {
      const actor = actorOf(req);
      const b = await beneficiaries.findBeneficiary(parse(idParams, req.params).id);
      assertVisible(b, actor);
      if (b.kind === 'institution') {
        const received = (await handoversOf([b.id])).get(b.id) ?? 0;
        res.json(toBeneficiaryDto(b, actor.role, received));
      } else res.json({ ...toBeneficiaryDto(b, actor.role), priority: beneficiaryPriority(b) });
    },
  },
  {
    method: 'patch',
    path: '/api/beneficiaries/:id',
    access: MANAGERS,
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      const actor = actorOf(req);
      res.json(
        toBeneficiaryDto(
          await beneficiaries.updateBeneficiary(id, parse(beneficiaryPatch, req.body), actor),
          actor.role,
        ),
      );
    },
  },
  {
    method: 'get',
    path: '/api/beneficiaries/:id/audit',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(await beneficiaries.listAudit(parse(idParams, req.params).id, parse(pageQuery, req.query))),
  },
  {
    method: 'get',
    path: '/api/waitlist',
    access: MANAGERS,
    handler: async (req, res) => {
      const query = parse(waitlistQuery, req.query);
      res.json(
        query.kind === 'institution'
          ? await institutionWaitlistPage(query, actorOf(req))
          : await waitlistPage(query, actorOf(req)),
      );
    },
  },
  {
    method: 'get',
    path: '/api/partners/:id/referrals',
    access: MANAGERS,
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      res.json(await partnerReferrals(id, parse(referralsQuery, req.query), actorOf(req)));
    },
  },
]);
