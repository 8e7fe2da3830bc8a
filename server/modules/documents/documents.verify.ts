// Public verification of a handover certificate: is the code genuine, and if so the asset tag, the date, the
// programme and the beneficiary's initials. Nothing more: a verifier needs no name, ID or device serial.
import { handedOverByCertificateCode } from '../allocations/index.js';
import { beneficiaryNameOf, initialsOf } from '../beneficiaries/index.js';
import { assetTagOf } from '../devices/index.js';
import { programmeNameOf } from '../programmes/index.js';
import { getSettings } from '../settings/index.js';
import { gregorianDate, hijriDate, isoDay, printTag } from './documents.format.js';
import { definitions, escapeHtml, notFoundPage, page, paragraph } from './documents.public-html.js';
import { normaliseCertificateCode } from './documents.schema.js';

export interface VerificationDto {
  genuine: true;
  certificateCode: string;
  assetTag: string;
  handedOverOn: string;
  programme: { name: string; nameLatin: string | null } | null;
  beneficiaryInitials: string;
  issuer: { name: string; nameLatin: string; licence: string };
}

/** The certificate behind a code, or null when no handed-over allocation carries it. */
export async function verifyCertificate(rawCode: string): Promise<VerificationDto | null> {
  const code = normaliseCertificateCode(rawCode);
  if (!code) return null;
  const allocation = await handedOverByCertificateCode(code);
  if (!allocation?.handedOverAt) return null;
  const [assetTag, beneficiary, programme, settings] = await Promise.all([
    assetTagOf(allocation.deviceId),
    // Only the name is read, and only its initials leave this function.
    beneficiaryNameOf(allocation.beneficiaryId),
    allocation.programmeId ? programmeNameOf(allocation.programmeId) : null,
    getSettings(),
  ]);
  return {
    genuine: true,
    certificateCode: code,
    assetTag: printTag(assetTag ?? ''),
    handedOverOn: isoDay(new Date(allocation.handedOverAt)),
    programme: programme ? { name: programme.name, nameLatin: programme.nameLatin } : null,
    beneficiaryInitials: beneficiary ? initialsOf(beneficiary.name) : '',
    issuer: { name: settings.charityName, nameLatin: settings.charityNameLatin, licence: settings.charityLicence },
  };
}

export function verificationPage(v: VerificationDto): string {
  const day = new Date(`${v.handedOverOn}T12:00:00Z`);
  const date = gregorianDate(day);
  return page({
    title: { ar: 'التحقق من شهادة التسليم', en: 'Handover certificate verification' },
    subtitle: escapeHtml(`${v.issuer.name} · ${v.issuer.nameLatin}`),
    sections: [
      `<p class="status ok">✓ شهادة صحيحة · <span lang="en">Genuine certificate</span></p>` +
        paragraph(
          {
            ar: `صدرت هذه الشهادة عن ${v.issuer.name} وهي مسجلة لديها.`,
            en: `This certificate was issued by ${v.issuer.nameLatin || v.issuer.name} and is on its records.`,
          },
          'note',
        ),
      definitions([
        { label: { ar: 'رقم الشهادة', en: 'Certificate number' }, value: v.certificateCode, ltr: true },
        { label: { ar: 'رقم الأصل', en: 'Asset tag' }, value: v.assetTag, ltr: true },
        {
          label: { ar: 'تاريخ التسليم', en: 'Handover date' },
          value: `${date.ar} · ${hijriDate(day).ar}`,
          valueEn: date.en,
        },
        {
          label: { ar: 'البرنامج', en: 'Programme' },
          value: v.programme?.name ?? '—',
          valueEn: v.programme?.nameLatin,
        },
        { label: { ar: 'المستفيد (الأحرف الأولى)', en: 'Beneficiary (initials)' }, value: v.beneficiaryInitials },
      ]),
    ],
    footer: escapeHtml(`ترخيص رقم ${v.issuer.licence || '—'} · Licence No. ${v.issuer.licence || '—'}`),
  });
}

export const unknownCertificatePage = (): string =>
  notFoundPage({
    ar: 'لا توجد شهادة تسليم بهذا الرقم. تأكد من الرقم أو تواصل مع الجمعية.',
    en: 'No handover certificate has this number. Check the number or contact the charity.',
  });
