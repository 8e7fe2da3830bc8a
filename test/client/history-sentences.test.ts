// Issue 20 point 2: every event type of a device's history reads as a sentence in Arabic, English and French
// (client/src/features/devices/history/eventSentence.ts), formatted here with the client's own messages: no ICU
// brace left over, no raw payload, and no id where a name belongs.
import { expect } from 'chai';
import { IntlMessageFormat } from 'intl-messageformat';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { DEVICE_EVENT_TYPES, type DeviceEventDto } from '../../server/shared/index.js';

type Dictionary = Record<string, string>;
type Language = 'ar' | 'en' | 'fr';
interface SentenceModule {
  eventSentence: (e: DeviceEventDto, ctx: unknown) => string;
  SENTENCE_TYPES: string[];
}

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src');
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(clientDir, file)).href)) as T;

async function dictionary(language: Language): Promise<Dictionary> {
  if (language !== 'ar') return (await load<Record<string, Dictionary>>(`i18n/${language}.ts`))[language];
  const { ar } = await load<{ ar: Dictionary }>('i18n/ar.ts');
  const { arScreens } = await load<{ arScreens: Dictionary }>('i18n/ar.screens.ts');
  return { ...ar, ...arScreens };
}

function contextFor(language: Language, dict: Dictionary) {
  const t = (key: string, vars?: Record<string, string | number>) => {
    expect(dict, `${language} lacks ${key}`).to.have.property(key);
    return String(new IntlMessageFormat(dict[key], language, undefined, { ignoreTag: true }).format(vars));
  };
  const label = (group: string, value: string | null | undefined) =>
    value ? (dict[`${group}.${value}`] ?? value) : '—';
  return { language, t, label, number: (n: number) => String(n), date: () => '2026-12-01' };
}

// Ids every payload carries; none may show in a sentence.
const IDS = [90417, 90418, 90419, 90420, 90421, 90422, 90423];
const [DONATION, FROM_SITE, TO_SITE, PROGRAMME, PARTNER, BATCH, USER] = IDS;
const site = (name: string) => ({ name, nameLatin: null });

let seq = 0;
function event(type: string, payload: Record<string, unknown>, names: DeviceEventDto['names'] = {}): DeviceEventDto {
  seq += 1;
  return {
    id: 70000 + seq,
    seq,
    type,
    actorId: USER,
    actorName: 'سارة',
    fromStatus: null,
    toStatus: null,
    payload,
    names,
    createdAt: '2026-12-01T08:00:00.000Z',
    hash: 'a'.repeat(64),
    prevHash: null,
  };
}

const moved = { fromSite: site('مستودع الدمام'), toSite: site('فرع الخبر') };
const partnerNames = { partner: { name: 'جمعية إنسان', nameLatin: 'Insan' }, batchCode: 'BT-2026-0001' };

/** One or more events of each type, with payloads as the server writes them. */
const SAMPLES: Record<string, DeviceEventDto[]> = {
  intake: [
    event(
      'intake',
      { donationId: DONATION, source: 'intake', drives: ['S3Z9X0', 'S3Z9X1'] },
      { donationCode: 'DN-2026-0042' },
    ),
  ],
  created: [event('created', { donationId: DONATION, drives: [] }, { donationCode: 'DN-2026-0042' })],
  triage: [
    event('triage', { needsRepair: true, disposition: 'reuse', findings: 'البطارية لا تشحن' }),
    event('triage', { needsRepair: false, disposition: 'parts' }),
  ],
  repair: [
    event('repair', {
      workDone: 'استبدال البطارية',
      partsUsed: [{ type: 'battery', partId: 90417, description: 'بطارية جديدة' }],
      fixed: true,
    }),
    event('repair', { workDone: 'اللوحة الأم تالفة', partsUsed: [], fixed: false, disposition: 'parts' }),
  ],
  complete_wipe: [
    event('complete_wipe', { noStorage: false, drives: 2, verificationSampled: true }),
    event('complete_wipe', { noStorage: true, drives: 0, verificationSampled: false }),
    event('complete_wipe', { noStorage: false, drives: 0, verificationSampled: false, deviceRecord: 90418 }),
  ],
  refurbish: [
    event('refurbish', {
      os: 'Windows 11 Pro',
      licence: 'oem_coa',
      grade: 'A',
      qa: {
        keyboard: 'pass',
        screen: 'pass',
        battery: 'pass',
        wifi: 'pass',
        ports: 'pass',
        camera: 'na',
        audio: 'pass',
      },
    }),
    event('refurbish', {
      qa: {
        keyboard: 'pass',
        screen: 'pass',
        battery: 'fail',
        wifi: 'pass',
        ports: 'pass',
        camera: 'na',
        audio: 'fail',
      },
      failedItems: ['battery', 'audio'],
    }),
  ],
  allocate: [
    event(
      'allocate',
      { allocationId: 90419, programmeId: PROGRAMME, override: true },
      { programme: { name: 'المرحلة الأولى', nameLatin: 'Phase 1' } },
    ),
    event(
      'allocate',
      { batchId: BATCH, batchCode: 'BT-2026-0001', programmeId: PROGRAMME, partnerId: PARTNER },
      {
        ...partnerNames,
        programme: { name: 'المرحلة الأولى', nameLatin: 'Phase 1' },
      },
    ),
  ],
  cancel_allocation: [event('cancel_allocation', { allocationId: 90419, reason: 'الأسرة انتقلت' })],
  handover: [
    event('handover', {
      allocationId: 90419,
      signatureSha256: 'b'.repeat(64),
      handedOverAt: '2026-12-01T08:00:00.000Z',
      trainingOverride: { courseId: 90420, attendancePercent: 50, attendanceThreshold: 75 },
    }),
  ],
  transfer_custody: [event('transfer_custody', { batchId: BATCH, partnerId: PARTNER }, partnerNames)],
  custody_returned: [
    event(
      'custody_returned',
      { partnerId: PARTNER, reason: 'لم يُستعمل', fromSiteId: FROM_SITE, toSiteId: TO_SITE },
      { partner: partnerNames.partner, ...moved },
    ),
  ],
  return: [event('return', { reason: 'الجهاز لا يعمل' })],
  recycle: [event('recycle', { recycler: 'شركة التدوير الخضراء', weightKg: 2.5, certificateRef: 'RC-77' })],
  harvest: [
    event('harvest', {
      parts: [
        { partId: 90421, type: 'ram', serialNumber: 'M471A1K43' },
        { partId: 90422, type: 'ssd', serialNumber: null },
      ],
    }),
  ],
  moved: [
    event('moved', { fromSiteId: FROM_SITE, toSiteId: TO_SITE, reason: 'ورشة الإصلاح' }, moved),
    event('moved', { fromSiteId: null, toSiteId: TO_SITE, reason: null }, { toSite: moved.toSite }),
  ],
  note: [event('note', { text: 'شاشة مكسورة في الزاوية' })],
  hardware_report: [
    event('hardware_report', {
      format: 'lshw',
      sha256: 'c'.repeat(64),
      serialNumber: 'PF000001',
      drives: ['S3Z9X0'],
      warnings: 2,
      forced: true,
    }),
  ],
  sanitization: [
    event(
      'sanitization',
      {
        sanitizationId: 90423,
        driveSerial: 'S3Z9X0',
        method: 'purge',
        technique: 'ata_sanitize',
        result: 'passed',
        evidence: 'none',
        state: 'awaiting_confirmation',
        verifierId: USER,
      },
      { verifierName: 'خالد' },
    ),
    event('sanitization', {
      sanitizationId: 90423,
      driveSerial: null,
      method: 'purge',
      technique: 'factory_reset_encrypted',
      result: 'passed',
      evidenceSha256: 'd'.repeat(64),
      evidence: 'photo',
      state: 'counted',
      verifierId: null,
    }),
  ],
  sanitization_confirmed: [
    event(
      'sanitization_confirmed',
      { sanitizationId: 90423, driveSerial: 'S3Z9X0', operatorId: USER, result: 'passed' },
      { operatorName: 'سارة' },
    ),
  ],
  sanitization_rejected: [
    event(
      'sanitization_rejected',
      { sanitizationId: 90423, driveSerial: 'S3Z9X0', operatorId: USER, result: 'passed', reason: 'الرقم لا يطابق' },
      { operatorName: 'سارة' },
    ),
  ],
  wipe_verified: [event('wipe_verified', { sampleId: 90423, result: 'passed', notes: null })],
  label_printed: [event('label_printed', { format: 'roll' }), event('label_printed', { format: 'a4' })],
};

const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

describe('device history sentences (issue 20 point 2)', () => {
  let builder: SentenceModule;
  const contexts = {} as Record<Language, ReturnType<typeof contextFor>>;
  before(async () => {
    builder = await load<SentenceModule>('features/devices/history/eventSentence.ts');
    for (const language of ['ar', 'en', 'fr'] as const)
      contexts[language] = contextFor(language, await dictionary(language));
  });

  it('has a sentence for every event type of the shared enum, and a sample of each here', () => {
    expect(builder.SENTENCE_TYPES).to.include.members([...DEVICE_EVENT_TYPES]);
    expect(Object.keys(SAMPLES)).to.have.members([...DEVICE_EVENT_TYPES]);
  });

  for (const language of ['ar', 'en', 'fr'] as const)
    it(`reads every event type as a sentence in ${language}: no ICU brace, no JSON, no id`, () => {
      for (const [type, events] of Object.entries(SAMPLES))
        for (const e of events) {
          const sentence = plain(builder.eventSentence(e, contexts[language]));
          const where = `${language} ${type}: ${sentence}`;
          expect(sentence.length, where).to.be.greaterThan(8);
          expect(sentence, where).not.to.match(/[{}[\]]/);
          expect(sentence, where).not.to.match(/:\s*["{[]/);
          expect(sentence, where).not.to.match(/\b(undefined|null|NaN|true|false)\b/);
          for (const id of [...IDS, e.id]) expect(sentence, where).not.to.include(String(id));
          expect(sentence, where).not.to.match(/[a-f0-9]{16}/); // no hash
          expect(sentence, where).not.to.match(/\b[a-z]+[A-Z][a-zA-Z]*\b/); // no payload key (camelCase)
          expect(sentence, where).not.to.match(/\b[a-z]+_[a-z_]+\b/); // no raw enum value (snake_case)
        }
    });

  it('names what the server resolved, in the user’s script, each name isolated', () => {
    const { ar, en, fr } = contexts;
    const say = (ctx: typeof ar, e: DeviceEventDto) => builder.eventSentence(e, ctx);
    expect(say(ar, SAMPLES.triage[0])).to.equal('فرز: يحتاج إلى إصلاح — \u2068البطارية لا تشحن\u2069');
    expect(say(en, SAMPLES.triage[0])).to.equal('Triage: needs repair — \u2068البطارية لا تشحن\u2069');
    expect(plain(say(ar, SAMPLES.intake[0]))).to.equal('استلام: استُلم ضمن التبرع DN-2026-0042، وفيه قرصان');
    expect(plain(say(fr, SAMPLES.intake[0]))).to.equal('Réception : reçu avec le don DN-2026-0042, 2 disques');
    expect(plain(say(ar, SAMPLES.moved[0]))).to.equal('نقل: من مستودع الدمام إلى فرع الخبر — ورشة الإصلاح');
    expect(say(en, SAMPLES.moved[0])).to.include('from \u2068مستودع الدمام\u2069 to \u2068فرع الخبر\u2069');
    expect(plain(say(ar, SAMPLES.refurbish[0]))).to.include('فحص الجودة: كل الفحوص ناجحة');
    expect(plain(say(ar, SAMPLES.refurbish[1]))).to.equal(
      'فحص الجودة: فشل فحص البطارية والصوت، فعاد الجهاز إلى الإصلاح',
    );
    expect(plain(say(en, SAMPLES.refurbish[1]))).to.equal(
      'QA: Battery and Audio failed, so the device went back to repair',
    );
    // A name in Latin script where it has one, outside Arabic.
    expect(plain(say(en, SAMPLES.transfer_custody[0]))).to.equal(
      'Custody: handed to Insan in batch BT-2026-0001, to pass on to a family',
    );
    expect(plain(say(ar, SAMPLES.transfer_custody[0]))).to.include('جمعية إنسان');
    expect(plain(say(ar, SAMPLES.sanitization[0]))).to.include('بانتظار تأكيد خالد');
    expect(plain(say(ar, SAMPLES.sanitization_confirmed[0]))).to.include('سجل سارة للقرص S3Z9X0');
    expect(plain(say(ar, SAMPLES.allocate[0]))).to.include('برنامج المرحلة الأولى');
    expect(plain(say(en, SAMPLES.allocate[0]))).to.include('programme Phase 1');
  });

  it('reads no training override reason or certificate code, even were one left in the payload', () => {
    const e = event('handover', {
      allocationId: 90419,
      certificateCode: 'ABCDEFGHJK',
      trainingOverrideReason: 'ظروف الأسرة الصحية',
      handedOverAt: '2026-12-01T08:00:00.000Z',
      trainingOverride: { courseId: 90420 },
    });
    for (const ctx of Object.values(contexts)) {
      const sentence = builder.eventSentence(e, ctx);
      expect(sentence).not.to.include('ABCDEFGHJK');
      expect(sentence).not.to.include('ظروف');
    }
  });
});
