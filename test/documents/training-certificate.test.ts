// The training certificate (GET /api/enrolments/:id/certificate.pdf), its verification page (/verify/<TC code>:
// the trainee's initials only) and the trainee cards (GET /api/courses/:id/cards.pdf), read back with poppler and zbar.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { decodeBarcodes, pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { binary, pdfInfo, savePdf, setCharity } from './documents.helpers.js';
import { isoDay } from '../../server/modules/documents/documents.format.js';
import {
  COURSE_TITLE_AR,
  COURSE_TITLE_EN,
  FOUR_DATES,
  addSessions,
  completedTrainee,
  createCourse,
  enrolNew,
  markPresent,
} from '../helpers/training.js';

const TRAINEE = 'سارة أحمد العتيبي';
const certificate = (id: number, token: string) =>
  binary(api().get(`/api/enrolments/${id}/certificate.pdf`).set(bearer(token)));
const cards = (id: number, token: string) => binary(api().get(`/api/courses/${id}/cards.pdf`).set(bearer(token)));

describe('GET /api/enrolments/:id/certificate.pdf (the training certificate)', () => {
  let manager: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    await setCharity((await signIn('admin')).token);
  });

  it('when the course is completed, prints the trainee, the course in Arabic and English, hours, attendance, code and a QR to /verify', async () => {
    const { enrolment } = await completedTrainee(manager, TRAINEE);
    const code = enrolment.certificateCode!;

    const file = savePdf(await certificate(enrolment.id, manager), 'training-certificate');

    const text = pdfText(file);
    const flat = text.replace(/\s+/g, ' ');
    expect(text).to.include('Training Completion Certificate').and.include('شهادة إتمام دورة');
    expect(text).to.include(TRAINEE);
    expect(flat).to.include(COURSE_TITLE_AR);
    expect(text, 'the English title on its own row').to.include(COURSE_TITLE_EN);
    expect(text).to.include('12 hours').and.include('12ساعة');
    expect(text).to.include('75%').and.include('3 of 4 sessions');
    expect(text).to.include('1 November 2026').and.include('30 November 2026');
    expect(text, 'the trainer').to.include('سارة القحطاني');
    expect(text).to.include(code).and.include(enrolment.traineeCode);
    expect(text).to.include('Nimah Computer Refurbishing Charity');
    expect(pdfInfo(file)).to.include({ Pages: '1', Title: `Training Completion Certificate ${code}` });
    expect(decodeBarcodes(file)).to.deep.equal([`QR-Code:http://nimah.test/verify/${code}`]);
  });

  it('when its QR code is followed, /verify shows the initials, the course, hours and completion date, never the name', async () => {
    const { enrolment } = await completedTrainee(manager, TRAINEE);
    const [qr] = decodeBarcodes(savePdf(await certificate(enrolment.id, manager), 'training-certificate-qr'));
    const path = new URL(qr.replace(/^QR-Code:/, '')).pathname;
    // The day in the charity's time zone (from 21:00 UTC it is the next day in Riyadh).
    const completedOn = isoDay(new Date(enrolment.completedAt!));

    const page = await api().get(path);

    expect(page.status).to.equal(200);
    expect(page.text)
      .to.include('Genuine certificate')
      .and.include('Training certificate verification')
      .and.include('س. ع.')
      .and.include(COURSE_TITLE_AR)
      .and.include(COURSE_TITLE_EN)
      .and.include('>12<');
    expect(page.text).to.not.include(TRAINEE).and.not.include('سارة').and.not.include(enrolment.traineeCode);
    const json = await api().get(path).set('Accept', 'application/json').expect(200);
    expect(json.body).to.deep.equal({
      genuine: true,
      kind: 'training',
      certificateCode: enrolment.certificateCode,
      traineeInitials: 'س. ع.',
      course: { titleAr: COURSE_TITLE_AR, titleEn: COURSE_TITLE_EN },
      hours: 12,
      completedOn,
      issuer: {
        name: 'جمعية نعمة لإعادة تأهيل الحواسيب',
        nameLatin: 'Nimah Computer Refurbishing Charity',
        licence: 'LIC-4471',
      },
    });
  });

  it('when the code is typed in lower case without hyphens, /verify still finds it; an unknown one is a 404', async () => {
    const { enrolment } = await completedTrainee(manager, TRAINEE);
    const typed = enrolment.certificateCode!.toLowerCase().replace(/-/g, '');

    const page = await api().get(`/verify/${typed}`).set('Accept', 'application/json').expect(200);
    const unknown = await api().get('/verify/TC-2026-AAAAAAAAAA');

    expect(page.body).to.include({ kind: 'training', certificateCode: enrolment.certificateCode });
    expect(unknown.status).to.equal(404);
    expect(unknown.text).to.include('No training certificate has this number');
  });

  it('when the trainee has not completed the course, answers 409 CERTIFICATE_NOT_ISSUED; an unknown enrolment 404', async () => {
    const course = await createCourse(manager);
    const sessions = await addSessions(manager, course.id, FOUR_DATES);
    const trainee = await enrolNew(manager, course.id, TRAINEE);
    await markPresent(manager, course.id, sessions[0].id, [trainee.id]);

    const res = await api().get(`/api/enrolments/${trainee.id}/certificate.pdf`).set(bearer(manager)).expect(409);

    expect(res.body.error).to.include({ code: 'CERTIFICATE_NOT_ISSUED' });
    expect(res.body.error.details).to.deep.equal({ status: 'enrolled', attendancePercent: 25 });
    await api().get('/api/enrolments/9999/certificate.pdf').set(bearer(manager)).expect(404);
  });
});

describe('GET /api/courses/:id/cards.pdf (trainee cards)', () => {
  let manager: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  it('prints a card for each trainee holding a place: name, course in Arabic and English, and the code as a Code128', async () => {
    const course = await createCourse(manager, { capacity: 2 });
    const a = await enrolNew(manager, course.id, 'نورة القحطاني');
    const b = await enrolNew(manager, course.id, 'خالد الدوسري');
    const waiting = await enrolNew(manager, course.id, 'منيرة الشمري');

    const file = savePdf(await cards(course.id, manager), 'trainee-cards');

    const text = pdfText(file);
    expect(text).to.include('نورة القحطاني').and.include('خالد الدوسري').and.not.include('منيرة');
    expect(text).to.include(COURSE_TITLE_AR).and.include(COURSE_TITLE_EN);
    expect(text).to.include(a.traineeCode).and.include(b.traineeCode).and.not.include(waiting.traineeCode);
    expect(pdfInfo(file)).to.include({ Pages: '1' });
    expect(decodeBarcodes(file).sort()).to.deep.equal(
      [`CODE-128:${a.traineeCode}`, `CODE-128:${b.traineeCode}`].sort(),
    );
  });

  it('when eleven trainees hold a place, takes a second page', async () => {
    const course = await createCourse(manager);
    for (let i = 0; i < 11; i += 1) await enrolNew(manager, course.id);

    const file = savePdf(await cards(course.id, manager), 'trainee-cards-11');

    expect(pdfInfo(file)).to.include({ Pages: '2' });
    expect(decodeBarcodes(file, 200)).to.have.length(11);
  });

  it('when nobody holds a place, answers 422 NO_TRAINEES; an unknown course 404', async () => {
    const course = await createCourse(manager);

    const res = await api().get(`/api/courses/${course.id}/cards.pdf`).set(bearer(manager)).expect(422);

    expect(res.body.error).to.include({ code: 'NO_TRAINEES' });
    await api().get('/api/courses/9999/cards.pdf').set(bearer(manager)).expect(404);
  });
});
