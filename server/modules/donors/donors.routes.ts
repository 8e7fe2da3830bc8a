// The donor routes. The donor page sums up their donations and what became of the devices (donations module).
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { actorOf, ALL_ROLES, idParams, MANAGERS, STAFF, type Access } from '../auth/index.js';
import { getDonorDetail } from '../donations/index.js';
import { donorInput, donorListQuery, donorPatch, toDonorDto } from './donors.schema.js';
import { createDonor, listDonors, updateDonor } from './donors.service.js';

export const donorRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/donors',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await listDonors(parse(donorListQuery, req.query), actorOf(req).role)),
  },
  {
    method: 'post',
    path: '/api/donors',
    access: STAFF,
    handler: async (req, res) =>
      res.status(201).json(toDonorDto(await createDonor(parse(donorInput, req.body)), actorOf(req).role)),
  },
  {
    method: 'get',
    path: '/api/donors/:id',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await getDonorDetail(parse(idParams, req.params).id, actorOf(req).role)),
  },
  {
    method: 'patch',
    path: '/api/donors/:id',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(await updateDonor(parse(idParams, req.params).id, parse(donorPatch, req.body), actorOf(req).role)),
  },
]);
