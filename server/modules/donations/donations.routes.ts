import Joi from 'joi';
import { config } from '../../config.js';
import { publicRateLimit } from '../../lib/http-middleware.js';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { assertText, requireFile, singleFile } from '../../lib/upload.js';
import { actorOf, ALL_ROLES, idParams, STAFF, MANAGERS, type Access } from '../auth/index.js';
import { DEVICE_TYPES, deviceInput } from '../devices/index.js';
import * as donations from './donations.service.js';
import { donationInput, donationListQuery, donationPatch, pledgeInput } from './donations.schema.js';

const importFields = Joi.object<{ type?: string }>({
  type: Joi.string()
    .trim()
    .lowercase()
    .valid(...DEVICE_TYPES)
    .allow('')
    .empty(''),
});

export const donationRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/donations',
    reads: 'replica',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await donations.listDonations(parse(donationListQuery, req.query))),
  },
  {
    method: 'post',
    path: '/api/donations',
    access: STAFF,
    handler: async (req, res) =>
      res.status(201).json(await donations.createDonation(parse(donationInput, req.body), actorOf(req))),
  },
  {
    method: 'get',
    path: '/api/donations/:id',
    access: ALL_ROLES,
    handler: async (req, res) =>
      res.json(await donations.getDonation(parse(idParams, req.params).id, actorOf(req).role)),
  },
  {
    method: 'patch',
    path: '/api/donations/:id',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(
        await donations.updateDonation(
          parse(idParams, req.params).id,
          parse(donationPatch, req.body),
          actorOf(req).role,
        ),
      ),
  },
  {
    method: 'post',
    path: '/api/donations/:id/devices',
    access: STAFF,
    handler: async (req, res) =>
      res
        .status(201)
        .json(await donations.intakeDevice(parse(idParams, req.params).id, parse(deviceInput, req.body), actorOf(req))),
  },
  {
    method: 'post',
    path: '/api/donations/:id/devices/import',
    access: STAFF,
    body: 'multipart',
    before: [singleFile('file')],
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      const { type } = parse(importFields, req.body);
      const file = requireFile(req);
      assertText(file);
      res.status(201).json(await donations.importManifest(id, file.buffer, type, actorOf(req)));
    },
  },
  {
    method: 'post',
    path: '/api/public/pledges',
    access: 'public',
    before: [publicRateLimit('pledge', config.publicRateLimitPer15Min)],
    handler: async (req, res) => res.status(201).json(await donations.pledge(parse(pledgeInput, req.body))),
  },
]);
