// The donor routes. The donor page sums up their donations and what became of the devices (donations module).
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { actorOf, ALL_ROLES, idParams, MANAGERS, STAFF, type Access } from '../auth/index.js';
import { getDonorDetail } from '../donations/index.js';
import { issueDonorStatement, sendPdf, staffStatementPdf } from '../documents/index.js';
import {
  donorInput,
  donorListQuery,
  donorPatch,
  statementInput,
  statementQuery,
  toDonorDto,
  toStatementDto,
} from './donors.schema.js';
import { createDonor, listDonors, updateDonor } from './donors.service.js';
import { rotatePageToken } from './donors.page-token.js';

export const donorRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/donors',
    reads: 'replica',
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
  {
    // A new secret link for the donor's page; the old link then answers 410 "replaced". Answers the donor (pageUrl).
    method: 'post',
    path: '/api/donors/:id/page-token/rotate',
    access: MANAGERS,
    body: 'none',
    handler: async (req, res) =>
      res.json(toDonorDto(await rotatePageToken(parse(idParams, req.params).id, actorOf(req)), actorOf(req).role)),
  },
  {
    // Issues (numbers) the yearly statement: 201 the first time, 200 with the same statement after.
    method: 'post',
    path: '/api/donors/:id/statements',
    access: MANAGERS,
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      const issued = await issueDonorStatement(id, parse(statementInput, req.body).year, actorOf(req));
      res.status(issued.created ? 201 : 200).json(toStatementDto(issued));
    },
  },
  {
    method: 'get',
    path: '/api/donors/:id/statement.pdf',
    access: ALL_ROLES,
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      sendPdf(res, await staffStatementPdf(id, parse(statementQuery, req.query).year, actorOf(req).role));
    },
  },
]);
