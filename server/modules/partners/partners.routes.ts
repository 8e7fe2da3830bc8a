// Partner organisations. The list (organisations only, no personal data) is readable by every role; what a partner
// referred is a beneficiary list, served by the beneficiaries module (GET /api/partners/:id/referrals).
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { ALL_ROLES, MANAGERS, idParams, type Access } from '../auth/index.js';
import {
  createPartner,
  listPartners,
  partnerInput,
  partnerListQuery,
  partnerPatch,
  updatePartner,
} from './partners.service.js';

export const partnerRoutes = defineRoutes<Access>([
  {
    method: 'post',
    path: '/api/partners',
    access: MANAGERS,
    handler: async (req, res) => res.status(201).json(await createPartner(parse(partnerInput, req.body))),
  },
  {
    method: 'get',
    path: '/api/partners',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await listPartners(parse(partnerListQuery, req.query))),
  },
  {
    method: 'patch',
    path: '/api/partners/:id',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(await updatePartner(parse(idParams, req.params).id, parse(partnerPatch, req.body))),
  },
]);
