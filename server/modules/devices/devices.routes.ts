// The device resource over HTTP: the list, the page, its history, the lifecycle actions (whose side rows the
// workshop module keeps), notes, moves, evidence files and hardware reports.
import Joi from 'joi';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { requireFile, singleFile } from '../../lib/upload.js';
import { actorOf, ADMINS, ALL_ROLES, MANAGERS, STAFF, type Access } from '../auth/index.js';
import { readDeviceFile } from '../sanitization/index.js';
import { act, parseWorkshopAction } from '../workshop/index.js';
import {
  latestFullVerification,
  recordCheckpoint,
  startFullVerification,
  verifySinceCheckpoint,
} from './devices.audit.js';
import { applyHardwareReport } from './devices.hardware.js';
import { readDevicePage } from './devices.page.js';
import { withTransaction } from '../../db/sequelize.js';
import { bulkMoveInput, bulkTriageInput, runBulk, selectDevices, selectionQuery } from './devices.bulk.js';
import { addNote, assertSiteExists, moveDevice, moveInTransaction } from './devices.records.js';
import { deviceListQuery, idParams } from './devices.schema.js';
import * as devices from './devices.service.js';

const eventsQuery = Joi.object<PageQuery>({ ...pageQueryKeys, pageSize: pageQueryKeys.pageSize.default(200) });
const fileParams = Joi.object<{ id: number; fileId: number }>({
  id: Joi.number()
    .integer()
    .positive()
    .max(2 ** 31 - 1)
    .required(),
  fileId: Joi.number()
    .integer()
    .positive()
    .max(2 ** 31 - 1)
    .required(),
});
const noteInput = Joi.object<{ text: string }>({ text: Joi.string().trim().min(1).max(4000).required() });
const moveInput = Joi.object<{ siteId: number; reason?: string }>({
  siteId: Joi.number().integer().positive().required(),
  reason: Joi.string().trim().max(500).allow(''),
});
const reportFields = Joi.object<{ force: boolean }>({ force: Joi.boolean().default(false) });

export const deviceRoutes = defineRoutes<Access>([
  {
    method: 'get',
    path: '/api/devices',
    reads: 'replica',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await devices.listDevices(parse(deviceListQuery, req.query))),
  },
  // Bulk actions (devices.bulk.ts): a selection by the list's filters, then each device through its single action's
  // code path in its own transaction; the answer lists done, conflicts (changed meanwhile) and refused devices.
  {
    method: 'get',
    path: '/api/devices/selection',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await selectDevices(parse(selectionQuery, req.query))),
  },
  {
    method: 'post',
    path: '/api/devices/bulk/moves',
    access: STAFF,
    handler: async (req, res) => {
      const { devices: items, siteId, reason } = parse(bulkMoveInput, req.body);
      const actor = actorOf(req);
      await withTransaction((t) => assertSiteExists(siteId, t));
      res.json(
        await runBulk(
          items,
          (item) => withTransaction((t) => moveInTransaction(item.id, { siteId, reason }, actor, t, item.version)),
          'move',
        ),
      );
    },
  },
  {
    method: 'post',
    path: '/api/devices/bulk/triage',
    access: STAFF,
    handler: async (req, res) => {
      const { devices: items, ...finding } = parse(bulkTriageInput, req.body);
      const actor = actorOf(req);
      res.json(
        await runBulk(
          items,
          (item) => act(item.id, { action: 'triage', version: item.version, ...finding }, actor),
          'triage',
        ),
      );
    },
  },
  {
    // The device page: the device with its drives and history, plus its sanitization records and evidence files.
    method: 'get',
    path: '/api/devices/:id',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await readDevicePage(parse(idParams, req.params).id)),
  },
  {
    method: 'get',
    path: '/api/devices/:id/events',
    access: ALL_ROLES,
    handler: async (req, res) =>
      res.json(await devices.listDeviceEvents(parse(idParams, req.params).id, parse(eventsQuery, req.query))),
  },
  {
    method: 'post',
    path: '/api/devices/:id/actions',
    access: STAFF,
    handler: async (req, res) =>
      res.json(await act(parse(idParams, req.params).id, parseWorkshopAction(req.body), actorOf(req))),
  },
  {
    // Evidence as it was uploaded, always as a download: never rendered by the browser, whatever it holds.
    method: 'get',
    path: '/api/devices/:id/files/:fileId',
    access: ALL_ROLES,
    handler: async (req, res) => {
      const { id, fileId } = parse(fileParams, req.params);
      const file = await readDeviceFile(id, fileId);
      res.attachment(file.name).type('application/octet-stream').send(file.data);
    },
  },
  {
    method: 'post',
    path: '/api/devices/:id/notes',
    access: STAFF,
    handler: async (req, res) =>
      res
        .status(201)
        .json(await addNote(parse(idParams, req.params).id, parse(noteInput, req.body).text, actorOf(req))),
  },
  {
    method: 'post',
    path: '/api/devices/:id/moves',
    access: STAFF,
    handler: async (req, res) =>
      res.status(201).json(await moveDevice(parse(idParams, req.params).id, parse(moveInput, req.body), actorOf(req))),
  },
  {
    method: 'post',
    path: '/api/devices/:id/hardware-reports',
    access: STAFF,
    body: 'multipart',
    before: [singleFile('file')],
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      const { force } = parse(reportFields, req.body);
      const file = requireFile(req);
      res.json(await applyHardwareReport(id, file.buffer, file.originalname, force, actorOf(req)));
    },
  },
  // The history's verification (devices.audit.ts): managers and admins. GET reads only (the events since the
  // latest checkpoint); POST runs the same check and records a checkpoint when it holds; the full re-verification
  // is an admin's background job, its progress read by GET .../full.
  {
    method: 'get',
    path: '/api/audit/verify',
    reads: 'replica',
    access: MANAGERS,
    handler: async (_req, res) => res.json(await verifySinceCheckpoint()),
  },
  {
    method: 'post',
    path: '/api/audit/verify',
    access: MANAGERS,
    body: 'none',
    handler: async (req, res) => res.json(await recordCheckpoint(actorOf(req))),
  },
  {
    method: 'post',
    path: '/api/audit/verify/full',
    access: ADMINS,
    body: 'none',
    handler: async (req, res) => res.status(202).json(await startFullVerification(actorOf(req))),
  },
  {
    method: 'get',
    path: '/api/audit/verify/full',
    access: MANAGERS,
    handler: async (_req, res) => res.json(await latestFullVerification()),
  },
]);
