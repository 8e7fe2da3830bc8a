// Renders the sample documents of docs/documents/*.png from the real drawing code with made-up data (no database):
//   node --import tsx test/documents/document-samples.ts /tmp/out && pdftoppm -png -r 80 /tmp/out/<name>.pdf <name>
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { newDocument } from '../../server/modules/documents/index.js';
import { renderToBuffer } from '../../server/modules/documents/documents.pdf.js';
import { drawingIn } from '../../server/modules/documents/documents.format.js';
import { drawHandoverCertificate } from '../../server/modules/documents/documents.handover-certificate-pdf.js';
import { drawSanitizationCertificate } from '../../server/modules/documents/documents.sanitization-certificate-pdf.js';
import { drawDonorReceipt } from '../../server/modules/documents/documents.donor-receipt-pdf.js';
import { drawLabels, ROLL_LABEL } from '../../server/modules/documents/documents.labels-pdf.js';
import { computeImpact } from '../../server/modules/documents/documents.donor-receipt-impact.js';
import type { Letterhead } from '../../server/modules/documents/documents.layout.js';
import type { SanitizationRecordData } from '../../server/modules/documents/documents.sanitization-certificate-data.js';

const out = process.argv[2] ?? '/tmp/documents';
mkdirSync(out, { recursive: true });
const letterhead: Letterhead = {
  name: 'جمعية نعمة لإعادة تأهيل الحواسيب',
  nameLatin: 'Nimah Computer Refurbishing Charity',
  licence: process.env.NO_LICENCE ? '' : '4471',
  address: 'الدمام، حي الشاطئ، طريق الخليج',
  phone: '+966 13 812 3456',
  logo: null,
};
const handedOverAt = new Date('2026-11-23T10:00:00Z');
const models = [
  ['Lenovo', 'ThinkPad T480'],
  ['Dell', 'Latitude E7240'],
  ['HP', 'EliteBook 840 G5'],
  ['Lenovo', 'ThinkPad X1 Carbon 5th Gen'],
  ['Dell', 'OptiPlex 7050'],
];

async function save(name: string, draw: (doc: PDFKit.PDFDocument) => void, size?: [number, number]): Promise<void> {
  const doc = newDocument({ size: size ?? 'A4', bufferPages: true, info: { Title: name } });
  writeFileSync(join(out, `${name}.pdf`), await renderToBuffer(doc, draw));
}

const record = (over: Partial<SanitizationRecordData>): SanitizationRecordData => ({
  method: 'purge',
  technique: 'ata_sanitize',
  tool: 'nwipe 0.37',
  passes: 1,
  verification: 'last_pass',
  result: 'passed',
  startedAt: new Date('2026-11-20T08:00:00Z'),
  finishedAt: new Date('2026-11-20T08:40:00Z'),
  operator: { name: 'فهد القحطاني', role: 'technician' },
  verifier: { name: 'سارة الزهراني', role: 'manager' },
  evidenceSha256: '9492277f62cb9921e9738963a31aa95893e7345d380a4f4fa523577fc2e66c04',
  source: 'nwipe_log',
  evidence: 'file',
  confirmed: null,
  encryptionVerified: null,
  osVersion: null,
  createdAt: new Date('2026-11-20T08:41:00Z'),
  ...over,
});

const handoverSample = (doc: PDFKit.PDFDocument): void =>
  drawHandoverCertificate(
    doc,
    {
      certificateCode: 'K7Q2M9X4TB',
      handedOverAt,
      receivedBy: 'أم خالد العتيبي',
      signature: null,
      device: {
        assetTag: 'NM000123',
        type: 'laptop',
        manufacturer: 'Lenovo',
        model: 'ThinkPad T480',
        serialNumber: 'PF1ABC23',
        cpu: 'Intel Core i5-8350U @ 1.70GHz',
        ramGb: 8,
        storage: '256 GB SSD',
        grade: 'B',
        os: 'Windows 11 Pro',
      },
      beneficiary: { name: 'أسرة العتيبي', maskedNationalId: '******0008', kind: 'family' },
      programme: { name: 'المرحلة الأولى', nameLatin: 'Phase 1' },
      accessories: ['charger', 'bag'],
      accessoriesNote: null,
      bundle: null,
      donor: process.env.ANON ? null : { name: 'شركة الخليج للتقنية', nameLatin: 'Gulf Tech Co.' },
      verifyUrl: 'https://nimah.example.org/verify/K7Q2M9X4TB',
    } as never,
    letterhead,
  );
await save('handover-certificate', handoverSample);
// The same certificate with French as its second language (?lang=fr, the default when COUNTRY=MA).
await save('handover-certificate-fr', (doc) => drawingIn('fr', () => handoverSample(doc)));

const sanitizationSample = (doc: PDFKit.PDFDocument): void =>
  drawSanitizationCertificate(
    doc,
    {
      device: {
        assetTag: 'NM000123',
        type: 'laptop',
        manufacturer: 'Lenovo',
        model: 'ThinkPad T480',
        serialNumber: 'PF1ABC23',
        imei: null,
        disposition: 'reuse',
      },
      source: { donorName: 'شركة الخليج للتقنية', donorNameLatin: 'Gulf Tech Co.', donationCode: 'DN-2026-0007' },
      location: 'مستودع الدمام، الدمام',
      drives: [
        {
          serialNumber: 'S3Z9NB0K123456',
          model: 'Samsung SSD 860 EVO',
          mediaType: 'ssd',
          capacityBytes: 256060514304,
          records: [record({})],
          pending: [],
        },
        {
          serialNumber: 'WD-WX21A9CF1234',
          model: 'WDC WD10SPZX-22Z10T0',
          mediaType: 'hdd',
          capacityBytes: 1000204886016,
          records: [record({ method: 'clear', technique: 'overwrite', passes: 3, verification: 'all_passes' })],
          pending: [],
        },
      ],
      deviceStorage: null,
      validation: { person: { name: 'سارة الزهراني', role: 'manager' }, at: handedOverAt },
    },
    letterhead,
    new Date('2026-11-25T09:00:00Z'),
  );
await save('sanitization-certificate', sanitizationSample);
await save('sanitization-certificate-fr', (doc) => drawingIn('fr', () => sanitizationSample(doc)));

const devices = Array.from({ length: 48 }, (_, i) => {
  const status = ['handed_over', 'handed_over', 'recycled', 'in_workshop', 'harvested'][i % 5];
  return { type: i % 5 === 4 ? 'desktop' : 'laptop', status };
});
const impact = computeImpact({
  devices,
  served: { families: 19, students: 5 },
  drivesSanitizedBy: Array.from({ length: 48 }, (_, i) => (i % 6 ? 'purge' : 'clear')),
  recordedDisposalKg: 14.6,
});
const receiptSample = (doc: PDFKit.PDFDocument): void =>
  drawDonorReceipt(
    doc,
    {
      receiptNumber: 'RC-2026-0042',
      issuedAt: new Date('2026-11-25T09:00:00Z'),
      receiptUrl: 'https://nimah.example.org/receipts/abc',
      donation: { id: 7, code: 'DN-2026-0007', receivedAt: new Date('2026-10-01T09:00:00Z'), status: 'received' },
      donor: {
        kind: 'company',
        name: 'شركة الخليج للتقنية',
        nameLatin: 'Gulf Tech Co.',
        crNumber: '2050012345',
        city: 'الدمام',
      },
      manifest: devices.map((d, i) => ({
        assetTag: `NM${String(101 + i).padStart(6, '0')}`,
        type: d.type,
        manufacturer: models[i % 5][0],
        model: models[i % 5][1],
        serialNumber: `PF${17000 + i * 37}`,
        outcome: (
          { handed_over: 'placed', recycled: 'recycled', harvested: 'harvested', in_workshop: 'in_progress' } as const
        )[d.status as 'handed_over'],
      })),
      impact,
    },
    letterhead,
  );
await save('donor-receipt', receiptSample);
// The same receipt with French as its second language (?lang=fr, the default when COUNTRY=MA).
await save('donor-receipt-fr', (doc) => drawingIn('fr', () => receiptSample(doc)));

await save('labels-a4', (doc) =>
  drawLabels(
    doc,
    Array.from({ length: 24 }, (_, i) => ({
      assetTag: `NM${String(123 + i).padStart(6, '0')}`,
      manufacturer: models[i % 5][0],
      model: models[i % 5][1],
    })),
    'a4',
    { owner: letterhead.name },
  ),
);
await save(
  'label-roll',
  (doc) =>
    drawLabels(doc, [{ assetTag: 'NM000123', manufacturer: 'Lenovo', model: 'ThinkPad T480' }], 'roll', {
      owner: letterhead.name,
    }),
  [ROLL_LABEL.width, ROLL_LABEL.height],
);
console.log(`written to ${out}`);
