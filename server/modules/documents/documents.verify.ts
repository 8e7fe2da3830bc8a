// Public verification of a handover certificate: is the code genuine, and if so the asset tag, the date, the
// programme and the beneficiary's initials. Nothing more: a verifier needs no name, ID or device serial.
// An institution's certificate for a whole batch (spec §13) is verified by the same page: the institution is an
// organisation, so its name and city are shown, with the number of devices; never who signed for it (a person).
// A training certificate (spec §14, codes TC-2026-…) shows the trainee's initials only, the course, its hours and the
// day it was completed.
import { handedOverBatchByCertificateCode, handedOverByCertificateCode } from '../allocations/index.js';
import { beneficiaryNameOf, initialsOf, recipientSummariesOf } from '../beneficiaries/index.js';
import { assetTagOf } from '../devices/index.js';
import { programmeNameOf } from '../programmes/index.js';
import { completedByCertificateCode, normaliseTrainingCertificateCode } from '../training/index.js';
import { getSettings } from '../settings/index.js';
import { enFr, gregorianDate, hijriDate, isoDay, printTag, second, secondLanguage } from './documents.format.js';
import { definitions, escapeHtml, licenceFooter, notFoundPage, page, paragraph } from './documents.public-html.js';
import { normaliseCertificateCode } from './documents.schema.js';
import { citiesOf, regionName } from '../../shared/index.js';

export interface VerificationDto {
  genuine: true;
  certificateCode: string;
  assetTag: string;
  handedOverOn: string;
  programme: { name: string; nameLatin: string | null } | null;
  beneficiaryInitials: string;
  issuer: { name: string; nameLatin: string; licence: string };
}

/** An institution's certificate for a batch of devices. */
export interface BatchVerificationDto {
  genuine: true;
  kind: 'institution_batch';
  certificateCode: string;
  institution: { name: string; city: string | null; regionCode: string | null };
  deviceCount: number;
  handedOverOn: string;
  programme: { name: string; nameLatin: string | null } | null;
  issuer: { name: string; nameLatin: string; licence: string };
}

/** A training certificate: the course completed, never more of the trainee than their initials. */
export interface TrainingVerificationDto {
  genuine: true;
  kind: 'training';
  certificateCode: string;
  traineeInitials: string;
  course: { titleAr: string; titleEn: string };
  hours: number;
  completedOn: string;
  issuer: { name: string; nameLatin: string; licence: string };
}

type AnyVerification = VerificationDto | BatchVerificationDto | TrainingVerificationDto;

const isBatch = (v: AnyVerification): v is BatchVerificationDto => 'deviceCount' in v;
const isTraining = (v: AnyVerification): v is TrainingVerificationDto => 'traineeInitials' in v;

/**
 * The certificate behind a code, or null when no handed-over allocation, institution batch or completed training
 * carries it.
 */
export async function verifyCertificate(rawCode: string): Promise<AnyVerification | null> {
  if (normaliseTrainingCertificateCode(rawCode)) return verifyTrainingCertificate(rawCode);
  const code = normaliseCertificateCode(rawCode);
  if (!code) return null;
  const allocation = await handedOverByCertificateCode(code);
  if (!allocation?.handedOverAt) return verifyBatchCertificate(code);
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

async function verifyBatchCertificate(code: string): Promise<BatchVerificationDto | null> {
  const batch = await handedOverBatchByCertificateCode(code);
  if (!batch?.handedOverAt || batch.beneficiaryId == null) return null;
  const [institutions, programme, settings] = await Promise.all([
    recipientSummariesOf([batch.beneficiaryId]),
    programmeNameOf(batch.programmeId),
    getSettings(),
  ]);
  const institution = institutions.get(batch.beneficiaryId);
  return {
    genuine: true,
    kind: 'institution_batch',
    certificateCode: code,
    institution: {
      name: institution?.name ?? '',
      city: institution?.city ?? null,
      regionCode: institution?.regionCode ?? null,
    },
    deviceCount: batch.deviceCount,
    handedOverOn: isoDay(batch.handedOverAt),
    programme: programme ? { name: programme.name, nameLatin: programme.nameLatin } : null,
    issuer: { name: settings.charityName, nameLatin: settings.charityNameLatin, licence: settings.charityLicence },
  };
}

async function verifyTrainingCertificate(rawCode: string): Promise<TrainingVerificationDto | null> {
  const found = await completedByCertificateCode(rawCode);
  const code = found?.enrolment.certificateCode;
  const completedAt = found?.enrolment.completedAt;
  if (!found || !code || !completedAt) return null;
  const { enrolment, course } = found;
  const [trainee, settings] = await Promise.all([
    // Only the name is read, and only its initials leave this function.
    beneficiaryNameOf(enrolment.beneficiaryId),
    getSettings(),
  ]);
  return {
    genuine: true,
    kind: 'training',
    certificateCode: code,
    traineeInitials: trainee ? initialsOf(trainee.name) : '',
    course: { titleAr: course.titleAr, titleEn: course.titleEn },
    hours: course.hours,
    completedOn: isoDay(completedAt),
    issuer: { name: settings.charityName, nameLatin: settings.charityNameLatin, licence: settings.charityLicence },
  };
}

/** The first section of every verification page: the certificate is genuine, issued by the charity. */
function genuine(issuer: { name: string; nameLatin: string }): string {
  return (
    `<p class="status ok">✓ شهادة صحيحة · <span lang="${secondLanguage()}">${enFr('Genuine certificate', 'Certificat authentique')}</span></p>` +
    paragraph(
      {
        ar: `صدرت هذه الشهادة عن ${issuer.name} وهي مسجلة لديها.`,
        en: `This certificate was issued by ${issuer.nameLatin || issuer.name} and is on its records.`,
        fr: `Ce certificat a été délivré par ${issuer.nameLatin || issuer.name} et figure dans ses registres.`,
      },
      'note',
    )
  );
}

/** The page of a genuine certificate, with the charity's seal (documents.public-seal.ts) in its header. */
export function verificationPage(v: AnyVerification, seal?: string): string {
  if (isBatch(v)) return batchVerificationPage(v, seal);
  if (isTraining(v)) return trainingVerificationPage(v, seal);
  const day = new Date(`${v.handedOverOn}T12:00:00Z`);
  const date = gregorianDate(day);
  return page({
    title: {
      ar: 'التحقق من شهادة التسليم',
      en: 'Handover certificate verification',
      fr: 'Vérification du certificat de remise',
    },
    subtitle: escapeHtml(`${v.issuer.name} · ${v.issuer.nameLatin}`),
    seal,
    sections: [
      genuine(v.issuer),
      definitions([
        {
          label: { ar: 'رقم الشهادة', en: 'Certificate number', fr: 'Numéro du certificat' },
          value: v.certificateCode,
          ltr: true,
        },
        { label: { ar: 'رمز الأصل', en: 'Asset tag', fr: 'Étiquette d’inventaire' }, value: v.assetTag, ltr: true },
        {
          label: { ar: 'تاريخ التسليم', en: 'Handover date', fr: 'Date de remise' },
          value: `${date.ar} · ${hijriDate(day).ar}`,
          valueEn: second(date),
        },
        {
          label: { ar: 'البرنامج', en: 'Programme', fr: 'Programme' },
          value: v.programme?.name ?? '',
          valueEn: v.programme?.nameLatin,
        },
        {
          label: { ar: 'المستفيد (الأحرف الأولى)', en: 'Beneficiary (initials)', fr: 'Bénéficiaire (initiales)' },
          value: v.beneficiaryInitials,
        },
      ]),
    ],
    footer: licenceFooter(v.issuer.licence),
  });
}

/** A listed city's name in the second language ('' for one typed freely: no guess at a transliteration). */
function cityLatin(city: string | null, regionCode: string | null): string {
  const listed = citiesOf(regionCode).find((c) => c.nameAr === city);
  return listed ? second({ ar: listed.nameAr, en: listed.nameEn, fr: listed.nameFr }) : '';
}

function batchVerificationPage(v: BatchVerificationDto, seal?: string): string {
  const day = new Date(`${v.handedOverOn}T12:00:00Z`);
  const date = gregorianDate(day);
  const region = v.institution.regionCode;
  return page({
    title: {
      ar: 'التحقق من شهادة تسليم أجهزة لجهة',
      en: 'Institution handover certificate verification',
      fr: 'Vérification du certificat de remise à une institution',
    },
    subtitle: escapeHtml(`${v.issuer.name} · ${v.issuer.nameLatin}`),
    seal,
    sections: [
      genuine(v.issuer),
      definitions([
        {
          label: { ar: 'رقم الشهادة', en: 'Certificate number', fr: 'Numéro du certificat' },
          value: v.certificateCode,
          ltr: true,
        },
        { label: { ar: 'الجهة المستلمة', en: 'Institution', fr: 'Institution' }, value: v.institution.name },
        {
          label: { ar: 'المدينة', en: 'City', fr: 'Ville' },
          value: [v.institution.city, regionName(region, 'ar')].filter(Boolean).join('، '),
          valueEn:
            [cityLatin(v.institution.city, region), regionName(region, secondLanguage())].filter(Boolean).join(', ') ||
            null,
        },
        {
          label: { ar: 'عدد الأجهزة', en: 'Number of devices', fr: 'Nombre d’appareils' },
          value: String(v.deviceCount),
          ltr: true,
        },
        {
          label: { ar: 'تاريخ التسليم', en: 'Handover date', fr: 'Date de remise' },
          value: `${date.ar} · ${hijriDate(day).ar}`,
          valueEn: second(date),
        },
        {
          label: { ar: 'البرنامج', en: 'Programme', fr: 'Programme' },
          value: v.programme?.name ?? '',
          valueEn: v.programme?.nameLatin,
        },
      ]),
    ],
    footer: licenceFooter(v.issuer.licence),
  });
}

function trainingVerificationPage(v: TrainingVerificationDto, seal?: string): string {
  const day = new Date(`${v.completedOn}T12:00:00Z`);
  const date = gregorianDate(day);
  return page({
    title: {
      ar: 'التحقق من شهادة إتمام دورة تدريبية',
      en: 'Training certificate verification',
      fr: 'Vérification de l’attestation de formation',
    },
    subtitle: escapeHtml(`${v.issuer.name} · ${v.issuer.nameLatin}`),
    seal,
    sections: [
      genuine(v.issuer),
      definitions([
        {
          label: { ar: 'رقم الشهادة', en: 'Certificate number', fr: 'Numéro du certificat' },
          value: v.certificateCode,
          ltr: true,
        },
        { label: { ar: 'الدورة', en: 'Course', fr: 'Formation' }, value: v.course.titleAr, valueEn: v.course.titleEn },
        { label: { ar: 'عدد الساعات', en: 'Hours', fr: 'Heures' }, value: String(v.hours), ltr: true },
        {
          label: { ar: 'تاريخ الإتمام', en: 'Completed on', fr: 'Terminée le' },
          value: `${date.ar} · ${hijriDate(day).ar}`,
          valueEn: second(date),
        },
        {
          label: { ar: 'المتدرّب (الأحرف الأولى)', en: 'Trainee (initials)', fr: 'Stagiaire (initiales)' },
          value: v.traineeInitials,
        },
      ]),
    ],
    footer: licenceFooter(v.issuer.licence),
  });
}

/** The page for a code nobody issued: a training certificate's code is told apart by its TC- prefix. */
export const unknownCertificatePage = (rawCode = ''): string =>
  notFoundPage(
    normaliseTrainingCertificateCode(rawCode)
      ? {
          ar: 'لا توجد شهادة تدريب بهذا الرقم. تأكد من الرقم أو تواصل مع الجمعية.',
          en: 'No training certificate has this number. Check the number or contact the charity.',
          fr: 'Aucune attestation de formation ne porte ce numéro. Vérifiez le numéro ou contactez l’association.',
        }
      : {
          ar: 'لا توجد شهادة تسليم بهذا الرقم. تأكد من الرقم أو تواصل مع الجمعية.',
          en: 'No handover certificate has this number. Check the number or contact the charity.',
          fr: 'Aucun certificat de remise ne porte ce numéro. Vérifiez le numéro ou contactez l’association.',
        },
  );
