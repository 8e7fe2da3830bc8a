// The certificate of sanitization of a phone (docs/phones.md): no drive, its built-in storage purged by a factory
// reset with encryption, recorded for the device; printed with the IMEI, the method, the encryption check, the OS
// version and the NIST SP 800-88 reasoning.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { postDevice } from '../helpers/more-factories.js';
import { act } from '../helpers/workshop.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { binary, savePdf, setCharity, startTagsAt123 } from './documents.helpers.js';
import type { DeviceDto, SanitizationDto } from '../../server/shared/index.js';

const certificate = (id: number, token: string) =>
  binary(api().get(`/api/devices/${id}/sanitization-certificate.pdf`).set(bearer(token)));

describe('GET /api/devices/:id/sanitization-certificate.pdf of a phone', () => {
  before(requirePdfTools);
  after(removeTestPdfs);
  let tech: { token: string; name: string };
  let verifier: { token: string; id: number; name: string };
  beforeEach(async () => {
    const t = await signIn('technician');
    tech = { token: t.token, name: t.user.name };
    const v = await signIn('manager');
    verifier = { token: v.token, id: v.user.id, name: v.user.name };
    await setCharity((await signIn('admin')).token);
    await startTagsAt123();
  });

  async function phoneWithReset(encryptionVerified: boolean): Promise<DeviceDto> {
    const donation = await createDonation();
    let device = (
      await postDevice(tech.token, donation.id, {
        type: 'phone',
        manufacturer: 'Samsung',
        model: 'Galaxy A52',
        imei: '٤٩٠١٥٤٢٠٣٢٣٧٥١٨',
      }).expect(201)
    ).body as DeviceDto;
    device = await act(tech.token, device, { action: 'triage', needsRepair: false, disposition: 'reuse' });
    const record = (
      await api()
        .post(`/api/devices/${device.id}/sanitizations`)
        .set(bearer(tech.token))
        .send({
          technique: 'factory_reset_encrypted',
          encryptionVerified,
          osVersion: 'Android 14',
          result: 'passed',
          finishedAt: '2026-11-20T09:15:00Z',
          verifierId: verifier.id,
        })
        .expect(201)
    ).body as SanitizationDto;
    await api().post(`/api/sanitizations/${record.id}/confirm`).set(bearer(verifier.token)).expect(200);
    return device;
  }

  it('when its factory reset with encryption verified counts, prints the built-in storage, the IMEI, the method, the check, the OS and the NIST purge reasoning', async () => {
    const device = await phoneWithReset(true);

    const file = savePdf(await certificate(device.id, verifier.token), 'phone-sanitization');

    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).to.include('Certificate of Sanitization').and.include('NM-000123');
    expect(text).to.include('Built-in storage of the device').and.include('IMEI').and.include('490154203237518');
    // Cells wrap their text, so pdftotext gives each line of a cell apart: short fragments are checked.
    expect(text).to.include('Purge').and.include('Factory reset of encrypted').and.include('(cryptographic erase)');
    expect(text).to.include('Encryption verified on').and.include('Yes, checked by');
    expect(text).to.include('Android 14').and.include('Galaxy A52');
    expect(text).to.include('NIST SP 800-88 Rev. 1 purge by cryptographic');
    expect(text).to.include('destroys the key');
    expect(text).to.include(tech.name).and.include(`confirmed by ${verifier.name}`);
    expect(text).not.to.include('Media 1 of');
    expect(text).not.to.include('not a purge');
  });

  it('when the reset was recorded without encryption verified, the certificate says it is not a purge', async () => {
    const device = await phoneWithReset(false);

    const text = pdfText(savePdf(await certificate(device.id, verifier.token), 'phone-unverified')).replace(
      /\s+/g,
      ' ',
    );

    expect(text).to.include('not a purge');
    expect(text).not.to.include('Yes, checked by');
  });
});
