// The training routes (spec §14). Managers run courses (create, patch, sessions, enrolments, drops); the workshop
// staff may take attendance too; every staff role and viewers read them (names only for managers). Partners: none.
// The certificate and the trainee cards carry trainees' names: managers only.
import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { actorOf, ALL_ROLES, idParams, MANAGERS, STAFF, type Access } from '../auth/index.js';
import { sendPdf, traineeCards, trainingCertificate } from '../documents/index.js';
import { takeAttendance } from './training.attendance.js';
import { drop, enrol, enrolmentDto, readEnrolment } from './training.enrolments.js';
import {
  attendanceInput,
  courseInput,
  courseListQuery,
  coursePatch,
  enrolmentInput,
  sessionInput,
  sessionParams,
} from './training.schema.js';
import { addSession, createCourse, listCourses, patchCourse, readCourse } from './training.service.js';

export const trainingRoutes = defineRoutes<Access>([
  {
    method: 'post',
    path: '/api/courses',
    access: MANAGERS,
    handler: async (req, res) => res.status(201).json(await createCourse(parse(courseInput, req.body), actorOf(req))),
  },
  {
    method: 'get',
    path: '/api/courses',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await listCourses(parse(courseListQuery, req.query))),
  },
  {
    method: 'get',
    path: '/api/courses/:id',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await readCourse(parse(idParams, req.params).id, actorOf(req).role)),
  },
  {
    method: 'patch',
    path: '/api/courses/:id',
    access: MANAGERS,
    handler: async (req, res) =>
      res.json(await patchCourse(parse(idParams, req.params).id, parse(coursePatch, req.body))),
  },
  {
    method: 'post',
    path: '/api/courses/:id/sessions',
    access: MANAGERS,
    handler: async (req, res) =>
      res.status(201).json(await addSession(parse(idParams, req.params).id, parse(sessionInput, req.body).date)),
  },
  {
    method: 'put',
    path: '/api/courses/:id/sessions/:sessionId/attendance',
    access: STAFF,
    handler: async (req, res) => {
      const { id, sessionId } = parse(sessionParams, req.params);
      res.json(await takeAttendance(id, sessionId, parse(attendanceInput, req.body).present, actorOf(req)));
    },
  },
  {
    method: 'post',
    path: '/api/courses/:id/enrolments',
    access: MANAGERS,
    handler: async (req, res) => {
      const actor = actorOf(req);
      const { beneficiaryId } = parse(enrolmentInput, req.body);
      const { enrolment, created } = await enrol(parse(idParams, req.params).id, beneficiaryId, actor);
      res.status(created ? 201 : 200).json(await enrolmentDto(enrolment, actor.role));
    },
  },
  {
    method: 'get',
    path: '/api/courses/:id/cards.pdf',
    access: MANAGERS,
    handler: async (req, res) => sendPdf(res, await traineeCards(parse(idParams, req.params).id)),
  },
  {
    method: 'get',
    path: '/api/enrolments/:id',
    access: ALL_ROLES,
    handler: async (req, res) => res.json(await readEnrolment(parse(idParams, req.params).id, actorOf(req).role)),
  },
  {
    method: 'post',
    path: '/api/enrolments/:id/drop',
    access: MANAGERS,
    handler: async (req, res) => {
      const actor = actorOf(req);
      res.json(await enrolmentDto(await drop(parse(idParams, req.params).id, actor), actor.role));
    },
  },
  {
    method: 'get',
    path: '/api/enrolments/:id/certificate.pdf',
    access: MANAGERS,
    handler: async (req, res) => sendPdf(res, await trainingCertificate(parse(idParams, req.params).id)),
  },
]);
