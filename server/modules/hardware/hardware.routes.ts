import Joi from 'joi';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { requireFile, singleFile } from '../../lib/upload.js';
import { actorOf, STAFF, type Access } from '../auth/index.js';
import { deviceIdParams } from '../devices/index.js';
import { applyHardwareReport } from './hardware.service.js';

const reportFields = Joi.object<{ force: boolean }>({ force: Joi.boolean().default(false) });

export const hardwareRoutes = defineRoutes<Access>([
  {
    method: 'post', path: '/api/devices/:id/hardware-reports', access: STAFF, body: 'multipart', before: [singleFile('file')],
    handler: async (req, res) => {
      const { id } = parse(deviceIdParams, req.params);
      const { force } = parse(reportFields, req.body);
      const file = requireFile(req);
      res.json(await applyHardwareReport(id, file.buffer, file.originalname, force, actorOf(req)));
    },
  },
]);
