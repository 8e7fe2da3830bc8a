// The NIST SP 800-88 certificate of sanitization (Rev. 1 appendix G, Rev. 2 appendix C): device and source, the
// person performing the work, each drive with each record (method, technique, tool, verification, result, times,
// evidence hash), the destination, then the attestation and validation blocks with signature lines. A phone's or
// tablet's own storage (records of the whole device, docs/phones.md) comes first, as the device's built-in storage,
// with its factory reset's encryption check and OS version and the reason it is a purge.
import { ltr } from '../../lib/pdf/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { formatCapacity, isoDateTime, isoDay, printTag, second, wording, type Bilingual } from './documents.format.js';
import {
  COLORS,
  CONTENT_WIDTH,
  MARGIN,
  both,
  drawPageFooters,
  drawSectionHeading,
  drawSubheading,
  drawTitle,
  ensureRoom,
  joinParts,
  type Letterhead,
} from './documents.layout.js';
import { drawLetterhead, drawRunningHeader } from './documents.masthead.js';
import { drawFieldGrid, firstGridLineHeight, type GridCell } from './documents.fields.js';
import { drawSignatureBlocks } from './documents.sanitization-certificate-blocks.js';
import {
  DESTINATIONS,
  DEVICE_TYPES,
  MEDIA_TYPES,
  METHODS,
  RESULTS,
  ROLES,
  TECHNIQUES,
  VERIFICATIONS,
} from './documents.wording.js';
import {
  allRecords,
  type Person,
  type SanitizationCertificateData,
  type SanitizationRecordData,
} from './documents.sanitization-certificate-data.js';
import { DEVICE_LEVEL_TECHNIQUE } from '../../shared/index.js';

export const SANITIZATION_TITLE: Bilingual = {
  ar: 'شهادة محو البيانات',
  en: 'Certificate of Sanitization',
  fr: "Certificat d'effacement des données",
};

type Running = () => number;

export const personText = (p: Person | null): string => (p ? joinParts(p.name, wording(ROLES, p.role).ar) : '');

export function drawSanitizationCertificate(
  doc: PDFKit.PDFDocument,
  data: SanitizationCertificateData,
  ownLetterhead: Letterhead,
  issuedAt: Date,
): void {
  const letterhead = data.demo ? { ...ownLetterhead, demo: true } : ownLetterhead;
  const running = () =>
    drawRunningHeader(doc, letterhead, `${second(SANITIZATION_TITLE)} · ${printTag(data.device.assetTag)}`);
  let y = drawTitle(doc, drawLetterhead(doc, letterhead), SANITIZATION_TITLE);
  drawTextMemo(doc, `وفق المعيار ${ltr('NIST SP 800-88')}`, {
    x: MARGIN,
    y: y - 6,
    width: CONTENT_WIDTH,
    size: 9,
    align: 'center',
    color: COLORS.accent,
    direction: 'rtl',
  });
  y = section(
    doc,
    y + 12,
    { ar: 'الجهاز ومصدره', en: 'Device and source', fr: 'Appareil et provenance' },
    deviceCells(data, issuedAt),
    running,
  );
  y = section(
    doc,
    y,
    { ar: 'القائم بعملية المحو', en: 'Person performing sanitization', fr: "Personne ayant effectué l'effacement" },
    performerCells(data, letterhead),
    running,
  );
  if (data.deviceStorage) {
    const storage = data.deviceStorage;
    y = section(
      doc,
      y,
      {
        ar: 'وحدة التخزين المدمجة في الجهاز',
        en: 'Built-in storage of the device',
        fr: "Stockage intégré de l'appareil",
      },
      [...builtInCells(data), ...(storage.pending.length ? [pendingCell(storage.pending)] : [])],
      running,
    );
    y = drawRecords(doc, y, storage.records, running);
  }
  data.drives.forEach((drive, index) => {
    const title = {
      ar: `القرص ${index + 1} من ${data.drives.length}`,
      en: `Media ${index + 1} of ${data.drives.length}`,
      fr: `Disque ${index + 1} sur ${data.drives.length}`,
    };
    y = section(doc, y, title, mediaCells(drive), running);
    y = drawRecords(doc, y, drive.records, running);
  });
  drawSignatureBlocks(doc, ensureRoom(doc, y + 4, 170, running), data, letterhead);
  drawPageFooters(doc, letterhead, `${printTag(data.device.assetTag)} · ${second(SANITIZATION_TITLE)}`);
}

/** The records of one medium, numbered when there are several. */
function drawRecords(doc: PDFKit.PDFDocument, y: number, records: SanitizationRecordData[], running: Running): number {
  records.forEach((record, i) => {
    if (records.length > 1) {
      y = ensureRoom(doc, y - 8, 16 + firstGridLineHeight(doc, recordCells(record)), running);
      y = drawSubheading(doc, y, {
        ar: `سجل المحو ${i + 1} من ${records.length}`,
        en: `Sanitization record ${i + 1} of ${records.length}`,
        fr: `Rapport d'effacement ${i + 1} sur ${records.length}`,
      });
    }
    y = drawFieldGrid(doc, records.length > 1 ? y : y - 8, recordCells(record), 3, running);
  });
  return y;
}

// The page breaks before a heading rather than between the heading and its first line of cells.
function section(doc: PDFKit.PDFDocument, y: number, title: Bilingual, cells: GridCell[], running: Running): number {
  const top = ensureRoom(doc, y, 24 + firstGridLineHeight(doc, cells), running);
  return drawFieldGrid(doc, drawSectionHeading(doc, top, title), cells, 3, running);
}

function deviceCells(data: SanitizationCertificateData, issuedAt: Date): GridCell[] {
  const d = data.device;
  const destination = d.disposition
    ? wording(DESTINATIONS, d.disposition)
    : { ar: 'لم تُحدد بعد', en: 'Not decided yet', fr: 'Pas encore décidée' };
  return [
    { label: { ar: 'رمز الأصل', en: 'Property number', fr: "Étiquette d'inventaire" }, value: printTag(d.assetTag) },
    {
      label: { ar: 'الجهاز', en: 'Device', fr: 'Appareil' },
      value: joinParts(wording(DEVICE_TYPES, d.type).ar, [d.manufacturer, d.model].filter(Boolean).join(' ')),
    },
    {
      label: { ar: 'الرقم التسلسلي للجهاز', en: 'Device serial', fr: "Numéro de série de l'appareil" },
      value: d.serialNumber ?? '',
    },
    ...(d.imei ? [{ label: { ar: 'الرقم التسلسلي الدولي IMEI', en: 'IMEI', fr: 'IMEI' }, value: ltr(d.imei) }] : []),
    {
      label: { ar: 'المصدر: المتبرع والتبرع', en: 'Source: donor and donation', fr: 'Provenance : donateur et don' },
      value: joinParts(data.source.donorName, data.source.donorNameLatin, data.source.donationCode),
      span: d.imei ? 1 : 2,
    },
    { label: { ar: 'تاريخ الشهادة', en: 'Certificate date', fr: 'Date du certificat' }, value: isoDay(issuedAt) },
    {
      label: { ar: 'الوجهة بعد المحو', en: 'Post-sanitization destination', fr: "Destination après l'effacement" },
      value: both(destination),
      span: 3,
    },
  ];
}

function performerCells(data: SanitizationCertificateData, letterhead: Letterhead): GridCell[] {
  const operators = uniquePeople(allRecords(data).map((r) => r.operator));
  return [
    {
      label: { ar: 'الاسم والمسمى', en: 'Name and title', fr: 'Nom et fonction' },
      value: operators.map(personText).join('، '),
      span: 2,
    },
    { label: { ar: 'الهاتف', en: 'Phone', fr: 'Téléphone' }, value: letterhead.phone },
    { label: { ar: 'الجهة', en: 'Organisation', fr: 'Organisme' }, value: letterhead.name },
    { label: { ar: 'الموقع', en: 'Location', fr: 'Lieu' }, value: data.location ?? letterhead.address, span: 2 },
  ];
}

export function uniquePeople(people: ReadonlyArray<Person | null>): Person[] {
  const seen = new Map<string, Person>();
  for (const p of people) if (p) seen.set(`${p.name}|${p.role}`, p);
  return [...seen.values()];
}

function mediaCells(drive: SanitizationCertificateData['drives'][number]): GridCell[] {
  const cells: GridCell[] = [
    {
      label: { ar: 'الشركة المصنّعة والطراز', en: 'Media make and model', fr: 'Marque et modèle du disque' },
      value: drive.model ?? '',
    },
    { label: { ar: 'الرقم التسلسلي', en: 'Media serial', fr: 'Numéro de série du disque' }, value: drive.serialNumber },
    {
      label: { ar: 'نوع القرص والسعة', en: 'Media type and capacity', fr: 'Type et capacité du disque' },
      value: joinParts(wording(MEDIA_TYPES, drive.mediaType).ar, formatCapacity(drive.capacityBytes)),
    },
  ];
  if (drive.pending.length) cells.push(pendingCell(drive.pending));
  if (drive.records.length) return cells;
  return [
    ...cells,
    {
      label: { ar: 'سجل المحو', en: 'Sanitization record', fr: "Rapport d'effacement" },
      value: both({
        ar: 'لا يوجد سجل محو معتمد لهذا القرص',
        en: 'No counted sanitization record for this drive',
        fr: "Aucun rapport d'effacement validé pour ce disque",
      }),
      span: 3,
      alert: true,
    },
  ];
}

/** A phone's or tablet's storage: soldered to the board, no serial of its own; the device (its IMEI) identifies it. */
function builtInCells(data: SanitizationCertificateData): GridCell[] {
  const d = data.device;
  return [
    {
      label: { ar: 'المعرّف', en: 'Identified by', fr: 'Identifié par' },
      value: d.imei ? `IMEI ${ltr(d.imei)}` : (d.serialNumber ?? ''),
    },
    {
      label: { ar: 'نوع القرص', en: 'Media type', fr: 'Type de disque' },
      value: both({
        ar: 'ذاكرة فلاش مدمجة غير قابلة للنزع',
        en: 'Built-in flash, not removable',
        fr: 'Mémoire flash intégrée, non amovible',
      }),
      span: 2,
    },
  ];
}

/** Records typed in by hand that their verifier has not confirmed: named, so that nobody reads them as evidence. */
function pendingCell(pending: SanitizationCertificateData['drives'][number]['pending']): GridCell {
  const names = [...new Set(pending.map((p) => p.verifier?.name ?? ''))];
  const whom = names.filter(Boolean).join('، ');
  return {
    label: { ar: 'سجلات لم تُعتمد بعد', en: 'Records not counted yet', fr: 'Rapports pas encore validés' },
    value: both({
      ar: `${pending.length} سجل بانتظار تأكيد ${whom || 'زميل'}؛ لا يُعتدّ به`,
      en: `${pending.length} awaiting confirmation by ${whom || 'a colleague'}; not counted`,
      fr: `${pending.length} en attente de confirmation par ${whom || 'un collègue'} ; non validé`,
    }),
    span: 3,
    alert: true,
  };
}

function recordCells(r: SanitizationRecordData): GridCell[] {
  if (r.technique === DEVICE_LEVEL_TECHNIQUE) return factoryResetCells(r);
  const times = timeSpan(r.startedAt, r.finishedAt);
  return [
    {
      label: { ar: 'فئة الطريقة', en: 'Method type', fr: 'Catégorie de méthode' },
      value: both(wording(METHODS, r.method)),
    },
    {
      label: { ar: 'الطريقة المستخدمة', en: 'Method used', fr: 'Méthode utilisée' },
      value: both(wording(TECHNIQUES, r.technique)),
    },
    { label: { ar: 'الأداة والإصدار', en: 'Tool and version', fr: 'Outil et version' }, value: r.tool },
    { label: { ar: 'عدد المرات', en: 'Passes', fr: 'Passes' }, value: r.passes === null ? '' : String(r.passes) },
    {
      label: { ar: 'طريقة التحقق', en: 'Verification', fr: 'Vérification' },
      value: both(wording(VERIFICATIONS, r.verification)),
    },
    {
      label: { ar: 'النتيجة', en: 'Result', fr: 'Résultat' },
      value: both(wording(RESULTS, r.result)),
      alert: r.result !== 'passed',
    },
    {
      label: { ar: 'البدء والانتهاء (محلي)', en: 'Start–finish (local)', fr: 'Début–fin (heure locale)' },
      value: times && ltr(times),
    },
    { label: { ar: 'المنفّذ', en: 'Operator', fr: 'Opérateur' }, value: personText(r.operator) },
    { label: { ar: 'المتحقق', en: 'Verifier', fr: 'Vérificateur' }, value: personText(r.verifier) },
    evidenceCell(r),
  ];
}

/**
 * A factory reset with encryption (docs/phones.md): why it is a purge, whether encryption was verified on (without
 * it the reset is no purge, and says so), the OS that did it, the result and the day.
 */
function factoryResetCells(r: SanitizationRecordData): GridCell[] {
  const verified = r.encryptionVerified === true;
  return [
    {
      label: { ar: 'فئة الطريقة', en: 'Method type', fr: 'Catégorie de méthode' },
      value: both(wording(METHODS, r.method)),
    },
    {
      label: { ar: 'الطريقة المستخدمة', en: 'Method used', fr: 'Méthode utilisée' },
      value: both(wording(TECHNIQUES, r.technique)),
      span: 2,
    },
    {
      label: {
        ar: 'التشفير مفعّل قبل إعادة الضبط',
        en: 'Encryption verified on before the reset',
        fr: 'Chiffrement vérifié avant la réinitialisation',
      },
      value: verified
        ? both({ ar: 'نعم، تحقق منه المنفّذ', en: 'Yes, checked by the operator', fr: "Oui, vérifié par l'opérateur" })
        : both({
            ar: 'لم يُتحقق منه: ليس تطهيرًا',
            en: 'Not verified: not a purge',
            fr: "Non vérifié : ce n'est pas une purge",
          }),
      alert: !verified,
    },
    {
      label: { ar: 'نظام التشغيل وإصداره', en: 'OS and version', fr: "Système d'exploitation et version" },
      value: r.osVersion ? ltr(r.osVersion) : '',
    },
    { label: { ar: 'الأداة', en: 'Tool', fr: 'Outil' }, value: r.tool },
    {
      label: { ar: 'النتيجة', en: 'Result', fr: 'Résultat' },
      value: both(wording(RESULTS, r.result)),
      alert: r.result !== 'passed',
    },
    {
      label: { ar: 'التاريخ (محلي)', en: 'Date (local)', fr: 'Date (heure locale)' },
      value: ltr(isoDateTime(r.finishedAt ?? r.startedAt ?? r.createdAt)),
    },
    { label: { ar: 'المنفّذ', en: 'Operator', fr: 'Opérateur' }, value: personText(r.operator) },
    { label: { ar: 'المتحقق', en: 'Verifier', fr: 'Vérificateur' }, value: personText(r.verifier) },
    {
      label: { ar: 'الأساس', en: 'Basis', fr: 'Fondement' },
      value: both({
        ar: `تطهير بالمحو التشفيري وفق ${ltr('NIST SP 800-88 Rev. 1')}: تخزين الجهاز مشفَّر (تشفير أندرويد على مستوى الملفات أو القرص، ودائمًا في ${ltr('iOS')})، وإعادة ضبط المصنع تُتلف مفتاح التشفير فلا يمكن قراءة البيانات.`,
        en: 'NIST SP 800-88 Rev. 1 purge by cryptographic erase: the storage is encrypted (Android file-based or full-disk encryption; iOS always) and the factory reset destroys the key, so the data can no longer be read.',
        fr: "Purge par effacement cryptographique selon NIST SP 800-88 Rev. 1 : le stockage est chiffré (chiffrement Android par fichier ou du disque entier ; toujours sous iOS) et la réinitialisation d'usine détruit la clé, de sorte que les données ne peuvent plus être lues.",
      }),
      span: 3,
    },
    evidenceCell(r),
  ];
}

const EVIDENCE_LABELS: Record<string, Bilingual> = {
  tool_log: {
    ar: 'الدليل: سجل أداة المحو، بصمة الملف SHA-256',
    en: "Evidence: the tool's log or report, file SHA-256",
    fr: "Preuve : journal ou rapport de l'outil, SHA-256 du fichier",
  },
  photo: {
    ar: 'الدليل: صورة الإتلاف أو شهادته، بصمة الملف SHA-256',
    en: 'Evidence: destruction photo or certificate, file SHA-256',
    fr: 'Preuve : photo ou certificat de destruction, SHA-256 du fichier',
  },
  none: {
    ar: 'الدليل: تأكيد شخص ثانٍ',
    en: 'Evidence: confirmed by a second person',
    fr: 'Preuve : confirmé par une seconde personne',
  },
};

/** Spec §10: per record, the tool and its file's full sha256, or who confirmed a record typed in by hand, and when. */
function evidenceCell(r: SanitizationRecordData): GridCell {
  const label = EVIDENCE_LABELS[r.evidence] ?? EVIDENCE_LABELS.none;
  if (r.evidenceSha256) return { label, value: `${ltr(r.tool)} · ${ltr(r.evidenceSha256)}`, span: 3 };
  const who = r.confirmed?.person?.name ?? '';
  const at = r.confirmed ? ltr(isoDateTime(r.confirmed.at)) : '';
  return {
    label,
    value: both({ ar: `أكّده ${who} في ${at}`, en: `confirmed by ${who} at ${at}`, fr: `confirmé par ${who} le ${at}` }),
    span: 3,
  };
}

/** `2026-11-20 11:00–11:40` on one day, `2026-11-20 23:30 – 2026-11-21 01:10` across midnight. */
function timeSpan(started: Date | null, finished: Date | null): string {
  const a = started ? isoDateTime(started) : '';
  const b = finished ? isoDateTime(finished) : '';
  if (a && b && a.slice(0, 10) === b.slice(0, 10)) return `${a}–${b.slice(11)}`;
  return [a, b].filter(Boolean).join(' – ');
}
