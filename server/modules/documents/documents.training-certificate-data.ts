// Everything a training certificate prints (spec §14), read through the training, beneficiaries and sites modules.
// The trainee is read with only their name: nothing else of the beneficiary's record reaches the document.
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { beneficiaryNameOf } from '../beneficiaries/index.js';
import { findSite } from '../sites/index.js';
import { enrolmentWithCourse, type CourseFacts } from '../training/index.js';
import { verifyUrlOf } from './documents.handover-certificate-data.js';
import type { TrainingCertificateData } from './documents.training-certificate-pdf.js';

/** Where the course met: the site's name (Arabic and Latin) and the free-text location, or online. */
export async function placeOf(
  course: Pick<CourseFacts, 'mode' | 'siteId' | 'location'>,
): Promise<TrainingCertificateData['place']> {
  const site = course.siteId != null ? await findSite(course.siteId) : null;
  return {
    online: course.mode === 'online',
    site: site ? { name: site.name, nameLatin: site.nameLatin ?? null } : null,
    location: course.location,
  };
}

/** 404 for an unknown enrolment, 409 CERTIFICATE_NOT_ISSUED until the trainee completed the course. */
export async function loadTrainingCertificate(enrolmentId: number): Promise<TrainingCertificateData> {
  const found = await enrolmentWithCourse(enrolmentId);
  if (!found) throw new NotFoundError(`Enrolment ${enrolmentId} not found`);
  const { enrolment, course, sessions } = found;
  if (enrolment.status !== 'completed' || !enrolment.certificateCode || !enrolment.completedAt)
    throw new ConflictError(
      'CERTIFICATE_NOT_ISSUED',
      `Enrolment ${enrolmentId} is ${enrolment.status}; its certificate exists once the course is completed`,
      { status: enrolment.status, attendancePercent: enrolment.attendancePercent },
    );
  const [trainee, place] = await Promise.all([beneficiaryNameOf(enrolment.beneficiaryId), placeOf(course)]);
  return {
    certificateCode: enrolment.certificateCode,
    completedAt: enrolment.completedAt,
    traineeName: trainee?.name ?? '',
    traineeCode: enrolment.traineeCode,
    course: {
      titleAr: course.titleAr,
      titleEn: course.titleEn,
      hours: course.hours,
      trainer: course.trainer,
      startsOn: course.startsOn,
      endsOn: course.endsOn,
    },
    place,
    sessionsAttended: enrolment.sessionsAttended,
    sessions,
    attendancePercent: enrolment.attendancePercent,
    verifyUrl: verifyUrlOf(enrolment.certificateCode),
  };
}
