// The training documents as jobs for documents.http.ts (spec §14): each loads its data first (404, 409 or 422 sent as
// JSON before any byte), then draws. The training routes (server/modules/training/training.routes.ts) send them.
import { NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { certificateBeneficiariesOf } from '../beneficiaries/index.js';
import { courseTrainees } from '../training/index.js';
import { loadLetterhead } from './documents.letterhead.js';
import type { PdfJob } from './documents.service.js';
import { drawTraineeCards } from './documents.trainee-cards-pdf.js';
import { loadTrainingCertificate } from './documents.training-certificate-data.js';
import { drawTrainingCertificate, TRAINING_CERTIFICATE_TITLE } from './documents.training-certificate-pdf.js';

/** GET /api/enrolments/:id/certificate.pdf */
export async function trainingCertificate(enrolmentId: number): Promise<PdfJob> {
  const [data, letterhead] = await Promise.all([loadTrainingCertificate(enrolmentId), loadLetterhead()]);
  return {
    fileName: `training-certificate-${data.certificateCode}.pdf`,
    options: {
      size: 'A4',
      title: `${TRAINING_CERTIFICATE_TITLE.en} ${data.certificateCode}`,
      author: letterhead.nameLatin || letterhead.name,
      subject: data.course.titleEn,
    },
    draw: (doc) => drawTrainingCertificate(doc, data, letterhead),
  };
}

/** GET /api/courses/:id/cards.pdf: a card for each trainee holding a place; 422 NO_TRAINEES when nobody does. */
export async function traineeCards(courseId: number): Promise<PdfJob> {
  const found = await courseTrainees(courseId);
  if (!found) throw new NotFoundError(`Course ${courseId} not found`);
  const { course, trainees } = found;
  if (!trainees.length)
    throw new UnprocessableError('NO_TRAINEES', `Course ${courseId} has no trainee to print a card for`);
  const [people, letterhead] = await Promise.all([
    certificateBeneficiariesOf(trainees.map((t) => t.beneficiaryId)),
    loadLetterhead(),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const cards = trainees.map((t) => ({ traineeCode: t.traineeCode, name: names.get(t.beneficiaryId) ?? '' }));
  return {
    fileName: `trainee-cards-course-${courseId}.pdf`,
    options: {
      size: 'A4',
      title: `Trainee cards: ${course.titleEn}`,
      author: letterhead.nameLatin || letterhead.name,
      subject: `${cards.length} cards`,
    },
    draw: (doc) =>
      drawTraineeCards(doc, cards, { titleAr: course.titleAr, titleEn: course.titleEn, owner: letterhead.name }),
  };
}
