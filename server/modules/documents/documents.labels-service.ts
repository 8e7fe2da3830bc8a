// Label printing: the devices, the PDF, and, when labels are printed (POST), one `label_printed` event per device.
//
// `GET /api/labels.pdf` only draws (a GET never writes). `POST /api/labels/print` draws the PDF into memory first,
// then writes the events in one transaction, and only then sends a byte. So a failure while drawing writes no
// events, and a failed transaction sends no labels: the history never claims a label that was not produced. (A
// download that breaks after that still counts as printed; the history then says "issued for printing", and
// printing again just adds another event.)
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import type { Actor } from '../auth/index.js';
import { appendEvent, devicesByIds, devicesOfDonation } from '../devices/index.js';
import { donationCodeOf } from '../donations/index.js';
import { newDocument, renderToBuffer } from './documents.pdf.js';
import { getSettings } from '../settings/index.js';
import { drawLabels, ROLL_LABEL, type LabelData } from './documents.labels-pdf.js';
import { demoDevices } from './documents.demo.js';
import type { LabelsQuery } from './documents.schema.js';

type LabelDevice = LabelData & { id: number };

const ATTRIBUTES: ('id' | 'assetTag' | 'manufacturer' | 'model')[] = ['id', 'assetTag', 'manufacturer', 'model'];

async function devicesFor(q: LabelsQuery): Promise<{ devices: LabelDevice[]; name: string }> {
  if (q.donationId) {
    const code = await donationCodeOf(q.donationId);
    if (code === null) throw new NotFoundError(`Donation ${q.donationId} not found`);
    const devices = await devicesOfDonation(q.donationId, ATTRIBUTES);
    if (!devices.length) throw new UnprocessableError('NO_DEVICES', `Donation ${code} has no devices to label`);
    return { devices, name: code };
  }
  const ids = q.deviceIds ?? [];
  const found = new Map((await devicesByIds(ids, ATTRIBUTES)).map((d) => [d.id, d]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new NotFoundError(`${missing.length} device(s) not found`, { missing });
  const devices = ids.map((id) => found.get(id)!);
  return { devices, name: devices.length === 1 ? devices[0].assetTag : `${devices.length}-devices` };
}

interface RenderedLabels {
  pdf: Buffer;
  fileName: string;
  devices: LabelDevice[];
}

/** Draws the labels and writes nothing. */
export async function renderLabels(q: LabelsQuery): Promise<RenderedLabels> {
  const { devices: found, name } = await devicesFor(q);
  const demo = await demoDevices(found.map((d) => d.id));
  // Plain objects: the rows may be model instances, whose attributes a spread would not copy.
  const devices: LabelDevice[] = found.map(({ id, assetTag, manufacturer, model }) => ({
    id,
    assetTag,
    manufacturer,
    model,
    demo: demo.has(id),
  }));
  const { charityName } = await getSettings();
  const size = q.format === 'roll' ? [ROLL_LABEL.width, ROLL_LABEL.height] : 'A4';
  const doc = newDocument({
    size,
    title: `Asset labels ${name}`,
    author: charityName,
    subject: `${devices.length} labels`,
  });
  const pdf = await renderToBuffer(doc, (d) => drawLabels(d, devices, q.format, { owner: charityName }));
  return { pdf, fileName: `labels-${name}-${q.format}.pdf`, devices };
}

/** Draws the labels, then records one `label_printed` event per device in one transaction. */
export async function printLabels(q: LabelsQuery, actor: Actor): Promise<RenderedLabels> {
  const rendered = await renderLabels(q);
  await withTransaction(async (transaction) => {
    for (const device of rendered.devices) {
      await appendEvent(
        device.id,
        { type: 'label_printed', actorId: actor.id, payload: { format: q.format } },
        transaction,
      );
    }
  });
  logger.info('documents.labels_printed', { devices: rendered.devices.length, format: q.format });
  return rendered;
}
