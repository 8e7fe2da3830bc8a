// A device's history as sentences (issue 20 point 2): one sentence per event, in the user's language, naming the
// sites, people, donation, programme and partner the server resolved (DeviceEventDto.names) rather than their ids.
// Every name and code from the data is isolated (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, see isolate.ts), so
// a Latin serial in Arabic text or an Arabic site in English keeps the punctuation around it in place; the timeline
// renders each isolate as a <bdi> (HistorySentence.tsx). Pure (no React): test/client/history-sentences.test.ts
// formats every event type in ar, en and fr with it.
import type { DeviceEventDto, EventNameRef } from '../../../api/types';
import type { MessageKey } from '../../../i18n';
import { isolate } from '../../../i18n/isolate';

export interface SentenceContext {
  language: 'ar' | 'en' | 'fr';
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** An enum value in the user's language (useEnumLabel): `label('qa', 'battery')`. */
  label: (group: string, value: string | null | undefined) => string;
  number: (n: number) => string;
  date: (iso: string) => string;
}

type Payload = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A site's, programme's or partner's name in the user's script where it has one. */
function nameOf(ref: EventNameRef | null | undefined, ctx: SentenceContext): string | null {
  if (!ref) return null;
  return isolate(ctx.language !== 'ar' && ref.nameLatin ? ref.nameLatin : ref.name);
}

/** Items of a list, joined the language's way ("البطارية والصوت", "battery and audio", "batterie et audio"). */
function joinList(items: string[], ctx: SentenceContext): string {
  if (items.length <= 1) return items[0] ?? '';
  try {
    return new Intl.ListFormat(ctx.language, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(ctx.language === 'ar' ? '، ' : ', ');
  }
}

/** A sentence followed by what qualifies it: "فرز: يحتاج إلى إصلاح — البطارية لا تشحن". */
function withDetails(sentence: string, details: (string | null | undefined)[], ctx: SentenceContext): string {
  return details
    .filter((d): d is string => Boolean(d))
    .reduce((s, detail) => ctx.t('history.detail', { sentence: s, detail }), sentence);
}

/** Free text someone typed (findings, a reason, a note): isolated, as it may be in another script. */
const typed = (v: unknown): string | null => {
  const s = str(v);
  return s ? isolate(s) : null;
};

function partText(p: unknown, ctx: SentenceContext): string | null {
  if (!p || typeof p !== 'object') return null;
  const part = p as Payload;
  const type = str(part.type);
  const about = str(part.description) ?? str(part.serialNumber);
  if (!type && !about) return null;
  if (!type) return isolate(about!);
  return about ? ctx.t('history.part', { part: isolate(type), about: isolate(about) }) : isolate(type);
}

function driveTarget(p: Payload): { target: string; drive: string } {
  const serial = str(p.driveSerial);
  return serial ? { target: 'drive', drive: isolate(serial) } : { target: 'device', drive: '' };
}

type Builder = (e: DeviceEventDto, p: Payload, ctx: SentenceContext) => string;

const intake: Builder = (e, p, ctx) =>
  ctx.t('history.intake', {
    donation: e.names.donationCode ? isolate(e.names.donationCode) : ctx.t('history.unknown'),
    drives: list(p.drives).length,
  });

const BUILDERS: Record<string, Builder> = {
  intake,
  created: intake,

  triage: (_e, p, ctx) => {
    const disposition = str(p.disposition) ?? 'reuse';
    const outcome = disposition !== 'reuse' ? disposition : p.needsRepair === true ? 'repair' : 'ok';
    return withDetails(ctx.t('history.triage', { outcome }), [typed(p.findings)], ctx);
  },

  repair: (_e, p, ctx) => {
    const parts = list(p.partsUsed)
      .map((x) => partText(x, ctx))
      .filter((x): x is string => Boolean(x));
    return withDetails(
      ctx.t('history.repair', {
        fixed: p.fixed === false ? 'no' : 'yes',
        disposition: ctx.label('disposition', str(p.disposition) ?? 'parts'),
      }),
      [typed(p.workDone), parts.length ? ctx.t('history.partsUsed', { parts: joinList(parts, ctx) }) : null],
      ctx,
    );
  },

  complete_wipe: (_e, p, ctx) =>
    withDetails(
      ctx.t('history.completeWipe', {
        kind: p.noStorage === true ? 'none' : p.deviceRecord != null && !num(p.drives) ? 'device' : 'drives',
        drives: num(p.drives) ?? 0,
      }),
      [p.verificationSampled === true ? ctx.t('history.sampled') : null],
      ctx,
    ),

  sanitization: (e, p, ctx) => {
    const state = str(p.state);
    return withDetails(
      ctx.t('history.sanitization', {
        ...driveTarget(p),
        technique: ctx.label('technique', str(p.technique)),
        result: ctx.label('wipeResult', str(p.result)),
      }),
      [
        state === 'awaiting_confirmation'
          ? e.names.verifierName
            ? ctx.t('wipe.awaitingBy', { name: isolate(e.names.verifierName) })
            : ctx.t('wipe.awaitingAnyone')
          : null,
        str(p.evidence) && p.evidence !== 'none' ? ctx.t('history.withEvidence') : null,
      ],
      ctx,
    );
  },

  sanitization_confirmed: (e, p, ctx) =>
    ctx.t('history.sanitizationConfirmed', {
      ...driveTarget(p),
      operator: e.names.operatorName ? isolate(e.names.operatorName) : ctx.t('history.colleague'),
    }),

  sanitization_rejected: (e, p, ctx) =>
    withDetails(
      ctx.t('history.sanitizationRejected', {
        ...driveTarget(p),
        operator: e.names.operatorName ? isolate(e.names.operatorName) : ctx.t('history.colleague'),
      }),
      [typed(p.reason)],
      ctx,
    ),

  wipe_verified: (_e, p, ctx) =>
    withDetails(
      ctx.t('history.wipeVerified', { result: ctx.label('wipeResult', str(p.result)) }),
      [typed(p.notes)],
      ctx,
    ),

  refurbish: (_e, p, ctx) => {
    const qa = p.qa && typeof p.qa === 'object' ? (p.qa as Payload) : {};
    const failed = Object.entries(qa)
      .filter(([, v]) => v === 'fail')
      .map(([k]) => ctx.label('qa', k));
    if (failed.length)
      return withDetails(ctx.t('history.qaFailed', { items: joinList(failed, ctx) }), [typed(p.notes)], ctx);
    const about = [
      str(p.grade) ? ctx.t('history.grade', { grade: ctx.label('grade', str(p.grade)) }) : null,
      str(p.os) ? ctx.t('history.os', { os: isolate(str(p.os)!) }) : null,
      str(p.licence) ? ctx.label('licence', str(p.licence)) : null,
    ].filter((x): x is string => Boolean(x));
    return withDetails(
      ctx.t('history.refurbished'),
      [
        about.length ? about.join(ctx.language === 'ar' ? '، ' : ', ') : null,
        Object.keys(qa).length ? ctx.t('history.qaPassed') : null,
        typed(p.notes),
      ],
      ctx,
    );
  },

  allocate: (e, p, ctx) => {
    const partner = nameOf(e.names.partner, ctx);
    const batch = e.names.batchCode ? isolate(e.names.batchCode) : null;
    const to = partner ? 'partner' : batch ? 'batch' : 'family';
    const programme = nameOf(e.names.programme, ctx);
    return withDetails(
      ctx.t('history.allocate', { to, partner: partner ?? '', batch: batch ?? '' }),
      [
        programme ? ctx.t('history.programme', { programme }) : null,
        p.override === true ? ctx.t('history.override') : null,
      ],
      ctx,
    );
  },

  cancel_allocation: (e, p, ctx) =>
    withDetails(
      ctx.t('history.cancelAllocation'),
      [e.names.batchCode ? ctx.t('history.batch', { batch: isolate(e.names.batchCode) }) : null, typed(p.reason)],
      ctx,
    ),

  handover: (e, p, ctx) =>
    withDetails(
      ctx.t('history.handover', { date: str(p.handedOverAt) ? ctx.date(str(p.handedOverAt)!) : '' }),
      [
        e.names.batchCode ? ctx.t('history.batch', { batch: isolate(e.names.batchCode) }) : null,
        p.trainingOverride ? ctx.t('history.trainingOverride') : null,
      ],
      ctx,
    ),

  transfer_custody: (e, _p, ctx) =>
    ctx.t('history.transferCustody', {
      partner: nameOf(e.names.partner, ctx) ?? ctx.t('history.aPartner'),
      batch: e.names.batchCode ? isolate(e.names.batchCode) : ctx.t('history.unknown'),
    }),

  custody_returned: (e, p, ctx) => {
    const site = nameOf(e.names.toSite, ctx);
    return withDetails(
      ctx.t('history.custodyReturned', {
        partner: nameOf(e.names.partner, ctx) ?? ctx.t('history.aPartner'),
        hasSite: site ? 'yes' : 'no',
        site: site ?? '',
      }),
      [typed(p.reason)],
      ctx,
    );
  },

  return: (_e, p, ctx) => withDetails(ctx.t('history.returned'), [typed(p.reason)], ctx),

  recycle: (_e, p, ctx) =>
    ctx.t('history.recycle', {
      recycler: typed(p.recycler) ?? ctx.t('history.unknown'),
      weight: ctx.number(num(p.weightKg) ?? 0),
      ref: typed(p.certificateRef) ?? ctx.t('history.unknown'),
    }),

  harvest: (_e, p, ctx) => {
    const parts = list(p.parts)
      .map((x) => partText(x, ctx))
      .filter((x): x is string => Boolean(x));
    return withDetails(
      ctx.t('history.harvest', { n: parts.length }),
      [parts.length ? joinList(parts, ctx) : null],
      ctx,
    );
  },

  moved: (e, p, ctx) => {
    const from = nameOf(e.names.fromSite, ctx);
    return withDetails(
      ctx.t('history.moved', {
        hasFrom: from ? 'yes' : 'no',
        from: from ?? '',
        to: nameOf(e.names.toSite, ctx) ?? ctx.t('history.unknown'),
      }),
      [typed(p.reason)],
      ctx,
    );
  },

  note: (_e, p, ctx) => ctx.t('history.note', { text: typed(p.text) ?? '' }),

  hardware_report: (_e, p, ctx) =>
    withDetails(
      ctx.t('history.hardwareReport', {
        format: typed(p.format) ?? ctx.t('history.unknown'),
        serial: typed(p.serialNumber) ?? ctx.t('history.unknown'),
        drives: list(p.drives).length,
      }),
      [
        num(p.warnings) ? ctx.t('history.warnings', { n: num(p.warnings)! }) : null,
        p.forced === true ? ctx.t('history.forced') : null,
      ],
      ctx,
    ),

  label_printed: (_e, p, ctx) => ctx.t('history.labelPrinted', { format: str(p.format) === 'roll' ? 'roll' : 'a4' }),
};

/** The event's sentence; an event type this client does not know yet reads as its name and status change. */
export function eventSentence(e: DeviceEventDto, ctx: SentenceContext): string {
  const build = BUILDERS[e.type];
  if (build) return build(e, e.payload ?? {}, ctx);
  const type = ctx.label('eventType', e.type);
  return e.toStatus ? ctx.t('history.other', { type, to: ctx.label('deviceStatus', e.toStatus) }) : type;
}

/** The event types this builder reads (the unit test checks it covers every type of DEVICE_EVENT_TYPES). */
export const SENTENCE_TYPES = Object.keys(BUILDERS);
