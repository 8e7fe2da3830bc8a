// Training courses (spec §14): courses, their sessions, enrolments of beneficiaries and attendance per session
// (tables courses, course_sessions, enrolments, attendances; migration 33).
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import type { CourseMode, EnrolmentStatus } from '../../shared/index.js';

export class Course extends Model<InferAttributes<Course>, InferCreationAttributes<Course>> {
  declare id: CreationOptional<number>;
  declare titleAr: string;
  declare titleEn: string;
  declare hours: number;
  declare mode: CourseMode;
  declare siteId: number | null;
  declare location: string | null;
  declare trainer: string;
  declare capacity: number;
  /** YYYY-MM-DD */
  declare startsOn: string;
  declare endsOn: string;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class CourseSession extends Model<InferAttributes<CourseSession>, InferCreationAttributes<CourseSession>> {
  declare id: CreationOptional<number>;
  declare courseId: number;
  /** YYYY-MM-DD */
  declare date: string;
  declare attendanceTakenAt: CreationOptional<Date | null>;
  declare attendanceTakenBy: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class Enrolment extends Model<InferAttributes<Enrolment>, InferCreationAttributes<Enrolment>> {
  declare id: CreationOptional<number>;
  declare courseId: number;
  declare beneficiaryId: number;
  declare status: EnrolmentStatus;
  declare traineeCode: string;
  /** As counted when attendance was last taken (or a session added): the course's sessions attended, and in percent. */
  declare sessionsAttended: CreationOptional<number>;
  declare attendancePercent: CreationOptional<number>;
  declare certificateCode: CreationOptional<string | null>;
  declare completedAt: CreationOptional<Date | null>;
  /** When the enrolment joined the waiting list: it moves up in this order. */
  declare waitlistedAt: CreationOptional<Date | null>;
  declare droppedAt: CreationOptional<Date | null>;
  declare enrolledBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class Attendance extends Model<InferAttributes<Attendance>, InferCreationAttributes<Attendance>> {
  declare id: CreationOptional<number>;
  declare sessionId: number;
  declare enrolmentId: number;
  declare createdAt: CreationOptional<Date>;
}

const int = (allowNull = true) => ({ type: DataTypes.INTEGER, allowNull });
const str = (length: number, allowNull = true) => ({ type: DataTypes.STRING(length), allowNull });
const time = () => ({ type: DataTypes.DATE(3), allowNull: true });

export function initTrainingModels(sequelize: Sequelize): void {
  Course.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      titleAr: str(200, false),
      titleEn: str(200, false),
      hours: int(false),
      mode: str(8, false),
      siteId: int(),
      location: str(300),
      trainer: str(200, false),
      capacity: int(false),
      startsOn: { type: DataTypes.DATEONLY, allowNull: false },
      endsOn: { type: DataTypes.DATEONLY, allowNull: false },
      createdBy: int(),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'courses' },
  );
  CourseSession.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      courseId: int(false),
      date: { type: DataTypes.DATEONLY, allowNull: false },
      attendanceTakenAt: time(),
      attendanceTakenBy: int(),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'course_sessions' },
  );
  Enrolment.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      courseId: int(false),
      beneficiaryId: int(false),
      status: str(12, false),
      traineeCode: str(16, false),
      sessionsAttended: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      attendancePercent: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      certificateCode: str(24),
      completedAt: time(),
      waitlistedAt: time(),
      droppedAt: time(),
      enrolledBy: int(),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'enrolments' },
  );
  Attendance.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      sessionId: int(false),
      enrolmentId: int(false),
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'attendances', updatedAt: false },
  );
}
