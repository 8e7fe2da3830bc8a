// Every beneficiary route, and what a partner referred. The registry holds personal data, so all of it is for
// managers (the partner list itself is in the partners module).
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { actorOf, idParams, MANAGERS, type Access } from '../auth/index.js';
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
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(await beneficiaries.listBeneficiaries(parse(beneficiaryListQuery, req.query), actorOf(req))),
  },
  {
    method: 'get',
    path: '/api/beneficiaries/:id',
    access: MANAGERS,
    handler: async (req, res) => {
      const b = await beneficiaries.findBeneficiary(parse(idParams, req.params).id);
      res.json({ ...toBeneficiaryDto(b, actorOf(req).role), priority: beneficiaryPriority(b) });
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
    handler: async (req, res) => res.json(await waitlistPage(parse(waitlistQuery, req.query), actorOf(req))),
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
