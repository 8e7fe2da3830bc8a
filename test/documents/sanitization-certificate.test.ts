import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { act, intake, PASSED_WIPE, readyDevice } from '../helpers/workshop.js';
import { isoDateTime } from '../../server/modules/documents/documents.format.js';
import { postDevice } from '../helpers/more-factories.js';
import { createDonation } from '../helpers/factories.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { Sanitization } from '../../server/modules/sanitization/sanitization.model.js';
import { binary, pdfInfo, savePdf, setCharity, startTagsAt123 } from './documents.helpers.js';

const NWIPE_LOG = new URL('../fixtures/nwipe/all-erased-two-drives.log', import.meta.url);
const certificate = (id: number, token: string) =>
  binary(api().get(`/api/devices/${id}/sanitization-certificate.pdf`).set(bearer(token)));

describe('GET /api/devices/:id/sanitization-certificate.pdf', () => {
  let technician: { token: string; name: string };
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    const t = await signIn('technician');
    technician = { token: t.token, name: t.user.name };
    await setCharity((await signIn('admin')).token);
    await startTagsAt123();
  });

  it('when the device was wiped, prints the NIST fields of its drive, the operator, the source and the destination; a viewer may read it', async () => {
    const device = await readyDevice(technician.token);
    const viewer = (await signIn('viewer')).token;
    const [drive] = (await api().get(`/api/devices/${device.id}`).set(bearer(viewer)).expect(200)).body.drives as {
      serialNumber: string;
    }[];

    const file = savePdf(await certificate(device.id, viewer), 'sanitization');

    const text = pdfText(file);
    expect(text).to.include('Certificate of Sanitization').and.include('NIST SP 800-88').and.include('LIC-4471');
    expect(text)
      .to.include('NM-000123')
      .and.include(device.serialNumber!)
      .and.include(drive.serialNumber)
      .and.include('Samsung SSD 860');
    expect(text)
      .to.include('Purge')
      .and.include('ATA Sanitize')
      .and.include('nwipe 0.37')
      .and.include('Last pass')
      .and.include('Passed');
    expect(text).to.include('2026-11-20 11:00–11:40').and.include(technician.name).and.include('شركة الخليج للتقنية');
    expect(text).to.include('Reuse: donated to a beneficiary').and.include('Attestation').and.include('Validation');
    expect(pdfInfo(file)).to.include({ Title: 'Certificate of Sanitization NM-000123', Subject: 'NIST SP 800-88' });
    // Values of two languages that do not fit one line break between the languages, never inside one: the
    // verification reads whole on its own line, the make and model stay together, the standard's name is one piece.
    const lines = text.split('\n');
    expect(lines).to.include('Last pass verified').and.include('تحقق من المرور الأخير');
    expect(text).to.include(`${device.manufacturer} ${device.model}`);
    expect(text).to.not.match(/NIST SP\s*\n|\n\s*800-88/);
    expect(lines).to.not.include('—');
  });

  it('when the records came from an nwipe log, prints every drive and the sha256 of the log file', async () => {
    const log = readFileSync(NWIPE_LOG);
    const donation = await createDonation();
    const created = await postDevice(technician.token, donation.id, {
      type: 'desktop',
      manufacturer: 'Dell',
      model: 'OptiPlex 7050',
      serialNumber: '7QJ8XK2',
      drives: [
        { serialNumber: 'S2ZYJ9CF613407', model: 'ST500LM012 HN-M50', mediaType: 'hdd', capacityBytes: 500107862016 },
        {
          serialNumber: 'S3Z9NB0K123456X',
          model: 'Samsung SSD 860 EVO',
          mediaType: 'ssd',
          capacityBytes: 250059350016,
        },
      ],
    }).expect(201);
    await act(technician.token, created.body, { action: 'triage', needsRepair: false, disposition: 'recycle' });
    await api()
      .post(`/api/devices/${created.body.id}/sanitizations`)
      .set(bearer(technician.token))
      .attach('file', log, { filename: 'nwipe.log', contentType: 'text/plain' })
      .expect(201);
    expect(await Sanitization.count({ where: { deviceId: created.body.id } })).to.equal(2);

    const text = pdfText(savePdf(await certificate(created.body.id, technician.token), 'nwipe'));

    expect(text).to.include('S2ZYJ9CF613407').and.include('S3Z9NB0K123456X').and.include('Media 2 of 2');
    expect(text).to.include(createHash('sha256').update(log).digest('hex'));
    expect(text).to.include('Recycling by an approved recycler');
  });

  it('with ?lang=fr, prints Arabic and French (title, NIST fields, wording), no English title; lang=de is a 400', async () => {
    const device = await readyDevice(technician.token);
    const url = `/api/devices/${device.id}/sanitization-certificate.pdf`;

    const file = savePdf(await binary(api().get(`${url}?lang=fr`).set(bearer(technician.token))), 'sanitization-fr');

    const text = pdfText(file);
    expect(text)
      .to.include("Certificat d'effacement des données")
      .and.include('شهادة محو البيانات')
      .and.include("Étiquette d'inventaire")
      .and.include('Méthode utilisée')
      .and.include('Dernière passe vérifiée')
      .and.include('Réussi')
      .and.include('Réemploi : don à un bénéficiaire')
      .and.include('Attestation')
      .and.include('NM-000123');
    expect(text).to.not.include('Certificate of Sanitization').and.not.include('Method used');
    expect(pdfInfo(file).Title).to.equal("Certificat d'effacement des données NM-000123");

    const bad = await api().get(`${url}?lang=de`).set(bearer(technician.token));
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['lang']);
  });

  it('when the device has no sanitization record, returns 422 NO_SANITIZATION_RECORDS; an unknown device gives 404', async () => {
    const device = await intake(technician.token);

    const res = await api().get(`/api/devices/${device.id}/sanitization-certificate.pdf`).set(bearer(technician.token));

    expect(res.status).to.equal(422);
    expect(res.body.error).to.include({ code: 'NO_SANITIZATION_RECORDS' });
    expect(
      (await api().get('/api/devices/999999/sanitization-certificate.pdf').set(bearer(technician.token))).status,
    ).to.equal(404);
  });

  it('prints each drive\'s evidence: the tool and its file\'s sha256, or "confirmed by … at …"; a record awaiting confirmation is named as not counted', async () => {
    const verifier = await signIn('manager');
    let device = await intake(technician.token, 3);
    device = await act(technician.token, device, { action: 'triage', needsRepair: false, disposition: 'reuse' });
    const serials = (
      (await api().get(`/api/devices/${device.id}`).set(bearer(technician.token)).expect(200)).body.drives as {
        serialNumber: string;
      }[]
    ).map((d) => d.serialNumber);
    const post = (body: Record<string, unknown>) =>
      api()
        .post(`/api/devices/${device.id}/sanitizations`)
        .set(bearer(technician.token))
        .send({ ...PASSED_WIPE, ...body })
        .expect(201);
    const confirmed = (await post({ driveSerial: serials[0], tool: 'hdparm 9.65', verifierId: verifier.user.id }))
      .body as { id: number };
    await post({ driveSerial: serials[1], tool: 'hdparm 9.65', verifierId: verifier.user.id });
    const report = Buffer.from('<?xml version="1.0"?><blancco_erasure_report state="Successful"/>');
    const upload = api().post(`/api/devices/${device.id}/sanitizations`).set(bearer(technician.token));
    for (const [k, v] of Object.entries({ ...PASSED_WIPE, driveSerial: serials[2], tool: 'Blancco Drive Eraser 7.9' }))
      void upload.field(k, String(v));
    await upload.attach('file', report, 'blancco.xml').expect(201);

    // Before anyone confirms, the typed-in records are no evidence: the certificate names them as pending only.
    let text = pdfText(savePdf(await certificate(device.id, technician.token), 'evidence-pending'));
    expect(text).to.include('awaiting confirmation by').and.include(verifier.user.name).and.include('not counted');
    expect(text).not.to.include('confirmed by');

    const res = await api().post(`/api/sanitizations/${confirmed.id}/confirm`).set(bearer(verifier.token)).expect(200);
    const at = isoDateTime(new Date(res.body.confirmedAt as string));
    text = pdfText(savePdf(await certificate(device.id, technician.token), 'evidence'));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).to.include(`confirmed by ${verifier.user.name} at ${at}`);
    // pdftotext splits shaped Arabic ("أ كّده"): the Arabic half is checked by its word, the name by the English half.
    expect(flat).to.match(/أ ?كّده/);
    expect(flat).to.include('Blancco Drive Eraser 7.9').and.include(createHash('sha256').update(report).digest('hex'));
    expect(flat)
      .to.include("Evidence: the tool's log or report, file SHA-256")
      .and.include('Evidence: confirmed by a second person');
    expect(flat.match(/awaiting confirmation by/g)).to.have.length(1);
  });

  it('when every record still awaits its verifier, there is no certificate yet (422 NO_SANITIZATION_RECORDS)', async () => {
    const verifier = await signIn('manager');
    const device = await intake(technician.token, 1);
    const [drive] = (await api().get(`/api/devices/${device.id}`).set(bearer(technician.token)).expect(200)).body
      .drives as { serialNumber: string }[];
    await api()
      .post(`/api/devices/${device.id}/sanitizations`)
      .set(bearer(technician.token))
      .send({ ...PASSED_WIPE, driveSerial: drive.serialNumber, verifierId: verifier.user.id })
      .expect(201);
    const res = await api()
      .get(`/api/devices/${device.id}/sanitization-certificate.pdf`)
      .set(bearer(technician.token))
      .expect(422);
    expect(res.body.error).to.include({ code: 'NO_SANITIZATION_RECORDS' });
    expect(res.body.error.details).to.include({ awaitingConfirmation: 1 });
  });
});
