import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import {
  createDeviceRecord,
  createDonationWithCode,
  setAssetTagCounter,
  type ErrorBodyOf,
} from '../helpers/more-factories.js';
import type { ScanResultDto } from '../../server/shared/index.js';

const scan = (token: string, code: string) =>
  api()
    .get(`/api/scan/${encodeURIComponent(code)}`)
    .set(bearer(token));

describe('GET /api/scan/:code', () => {
  describe('asset tags', () => {
    const readings: [string, string][] = [
      ['NM000123', 'the tag as stored'],
      ['nm-000123', 'lower case with the label hyphen'],
      ['NM 000 123', 'spaces'],
      ['NM٠٠٠١٢٣', 'Arabic-Indic digits'],
      ['NM۰۰۰۱۲۳', 'Persian digits'],
      ['ىة000123', 'the Arabic (101) layout'],
      ['NMààà&é"', 'the AZERTY digit row'],
      ['N?ààà&é"', 'AZERTY with Shift on the letters'],
      ['NM123', 'the number without leading zeros'],
      ['http://nimah.test/d/NM000123', 'a label URL'],
      ['http://nimah.test/d/NM-000123', 'a label URL with the printed hyphen'],
    ];
    for (const [code, how] of readings) {
      it(`when the tag arrives as ${code} (${how}), returns the device NM000123`, async () => {
        const { token } = await signIn('technician');
        await createDeviceRecord();
        await setAssetTagCounter(122);
        const device = await createDeviceRecord({ status: 'repair' });
        expect(device.assetTag).to.equal('NM000123');

        const res = await scan(token, code).expect(200);

        expect(res.body).to.deep.equal({
          kind: 'device',
          id: device.id,
          assetTag: 'NM000123',
          status: 'repair',
        } satisfies ScanResultDto);
      });
    }
  });

  describe('serials and codes', () => {
    it('when a device serial is scanned in another case and with hyphens, returns that device', async () => {
      const { token } = await signIn('viewer');
      const device = await createDeviceRecord({ serialNumber: 'PF1ABC23' });
      await createDeviceRecord({ serialNumber: 'PF1ABC24' });

      const res = await scan(token, 'pf1-abc-23').expect(200);

      expect(res.body).to.deep.equal({
        kind: 'device',
        id: device.id,
        assetTag: device.assetTag,
        status: 'intake',
      } satisfies ScanResultDto);
    });

    it('when a device serial with a slash is scanned as printed, returns that device', async () => {
      const { token } = await signIn('viewer');
      const device = await createDeviceRecord({ serialNumber: 'CN/0F6-XYZ' });

      const res = await scan(token, 'CN/0F6-XYZ').expect(200);

      expect((res.body as ScanResultDto).id).to.equal(device.id);
    });

    it('when a drive serial is scanned, returns the drive with the device it sits in', async () => {
      const { token } = await signIn('viewer');
      const device = await createDeviceRecord({ drives: [{ serialNumber: 'S3Z9NB0K123456', mediaType: 'ssd' }] });

      const res = await scan(token, 's3z9nb0k123456').expect(200);

      const body = res.body as Extract<ScanResultDto, { kind: 'drive' }>;
      expect(body).to.include({
        kind: 'drive',
        deviceId: device.id,
        assetTag: device.assetTag,
        serialNumber: 'S3Z9NB0K123456',
      });
      expect(body.id).to.be.a('number');
    });

    for (const code of ['DN-2026-0007', 'dn20260007', 'DN 2026 0007', 'يى-2026-0007']) {
      it(`when the donation code arrives as ${code}, returns the donation DN-2026-0007`, async () => {
        const { token } = await signIn('viewer');
        const donation = await createDonationWithCode('DN-2026-0007');
        await createDonationWithCode('DN-2026-0070');

        const res = await scan(token, code).expect(200);

        expect(res.body).to.deep.equal({
          kind: 'donation',
          id: donation.id,
          code: 'DN-2026-0007',
          status: 'received',
        } satisfies ScanResultDto);
      });
    }
  });

  describe('which record wins when several readings match', () => {
    it('when the code as typed is a drive serial and its AZERTY reading a device serial, returns the drive (the reading as typed comes first)', async () => {
      const { token } = await signIn('viewer');
      await createDeviceRecord({ serialNumber: 'QWAZ1234' });
      const device = await createDeviceRecord({ drives: [{ serialNumber: 'AZQW1234', mediaType: 'ssd' }] });

      const res = await scan(token, 'azqw1234').expect(200);

      expect(res.body).to.include({ kind: 'drive', deviceId: device.id, serialNumber: 'AZQW1234' });
    });

    it('when a code is both a device serial and a drive serial, returns the device', async () => {
      const { token } = await signIn('viewer');
      await createDeviceRecord({ drives: [{ serialNumber: 'SAME0001', mediaType: 'hdd' }] });
      const device = await createDeviceRecord({ serialNumber: 'SAME0001' });

      const res = await scan(token, 'SAME0001').expect(200);

      expect(res.body).to.deep.equal({
        kind: 'device',
        id: device.id,
        assetTag: device.assetTag,
        status: 'intake',
      } satisfies ScanResultDto);
    });

    it('when two devices carry the serial (a machine donated twice), returns the newer one', async () => {
      const { token } = await signIn('viewer');
      await createDeviceRecord({ serialNumber: 'TWICE0001' });
      const newer = await createDeviceRecord({ serialNumber: 'TWICE0001' });

      const res = await scan(token, 'twice0001').expect(200);

      expect((res.body as ScanResultDto).id).to.equal(newer.id);
    });

    it('when the code reads as a tag nobody has but is a device serial, returns that device', async () => {
      const { token } = await signIn('viewer');
      const device = await createDeviceRecord({ serialNumber: 'NM-000777' });
      expect(device.assetTag).to.not.equal('NM000777');

      const res = await scan(token, 'NM000777').expect(200);

      expect(res.body).to.deep.equal({
        kind: 'device',
        id: device.id,
        assetTag: device.assetTag,
        status: 'intake',
      } satisfies ScanResultDto);
    });

    it('when only a later reading (AZERTY letters swapped) is a device serial, returns that device', async () => {
      const { token } = await signIn('viewer');
      const device = await createDeviceRecord({ serialNumber: 'NQ000777' });

      const res = await scan(token, 'NA000777').expect(200);

      expect(res.body).to.deep.equal({
        kind: 'device',
        id: device.id,
        assetTag: device.assetTag,
        status: 'intake',
      } satisfies ScanResultDto);
    });
  });

  describe('nothing found', () => {
    for (const [code, normalized] of [
      ['ىة000099', 'NM000099'],
      ['nm-99', 'NM000099'],
      ['dn-2026-0099', 'DN-2026-0099'],
      ['xyz-1', 'XYZ1'],
    ]) {
      it(`when ${code} matches nothing, returns 404 NOT_FOUND with normalized ${normalized}`, async () => {
        const { token } = await signIn('viewer');
        await createDeviceRecord();

        const res = await scan(token, code).expect(404);

        const body = res.body as ErrorBodyOf<{ normalized: string; tried: string[] }>;
        expect(body.error.code).to.equal('NOT_FOUND');
        expect(body.error.details!.normalized).to.equal(normalized);
      });
    }

    it('when the code is longer than 300 characters, returns 400 naming code', async () => {
      const { token } = await signIn('viewer');

      const res = await scan(token, 'A'.repeat(301)).expect(400);

      expect((res.body as ErrorBodyOf<{ path: string }[]>).error.details!.map((d) => d.path)).to.deep.equal(['code']);
    });

    it('when nobody is signed in, returns 401', async () => {
      await api().get('/api/scan/NM000001').expect(401);
    });
  });
});
