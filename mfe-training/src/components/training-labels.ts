import type { fr } from '../strings.fr.ts';

/** The API's training enums (schema.graphql) and the key of each value's label in strings.fr.ts. */

type StringKey = keyof typeof fr;

export const THEME_LABELS = {
  COMPUTER_BASICS: 'themeComputerBasics',
  SMARTPHONE: 'themeSmartphone',
  EMAIL: 'themeEmail',
  ONLINE_PROCEDURES: 'themeOnlineProcedures',
  ONLINE_SAFETY: 'themeOnlineSafety',
  OFFICE_TOOLS: 'themeOfficeTools',
  SOCIAL_NETWORKS: 'themeSocialNetworks',
  ECOMMERCE_VISIBILITY: 'themeEcommerceVisibility',
  ARTIFICIAL_INTELLIGENCE: 'themeArtificialIntelligence',
  DIGITAL_FABRICATION: 'themeDigitalFabrication',
} as const satisfies Record<string, StringKey>;
export type TrainingTheme = keyof typeof THEME_LABELS;
export const TRAINING_THEMES = Object.keys(THEME_LABELS) as TrainingTheme[];

export const LEVEL_LABELS = {
  BEGINNER: 'levelBeginner',
  INTERMEDIATE: 'levelIntermediate',
  ADVANCED: 'levelAdvanced',
} as const satisfies Record<string, StringKey>;
export type TrainingLevel = keyof typeof LEVEL_LABELS;
export const TRAINING_LEVELS = Object.keys(LEVEL_LABELS) as TrainingLevel[];

export const AUDIENCE_LABELS = {
  RESIDENTS: 'audienceResidents',
  BUSINESSES: 'audienceBusinesses',
  AGENTS: 'audienceAgents',
} as const satisfies Record<string, StringKey>;
export type TrainingAudience = keyof typeof AUDIENCE_LABELS;
export const TRAINING_AUDIENCES = Object.keys(AUDIENCE_LABELS) as TrainingAudience[];

export const ENROLMENT_STATUS_LABELS = {
  ENROLLED: 'enrolmentStatusEnrolled',
  WAITLISTED: 'enrolmentStatusWaitlisted',
  OFFERED: 'enrolmentStatusOffered',
  CANCELLED: 'enrolmentStatusCancelled',
} as const satisfies Record<string, StringKey>;
export type EnrolmentStatus = keyof typeof ENROLMENT_STATUS_LABELS;

export const ATTENDANCE_LABELS = {
  PRESENT: 'attendancePresent',
  ABSENT: 'attendanceAbsent',
  EXCUSED: 'attendanceExcused',
} as const satisfies Record<string, StringKey>;
export type AttendanceStatus = keyof typeof ATTENDANCE_LABELS;
export const ATTENDANCE_STATUSES = Object.keys(ATTENDANCE_LABELS) as AttendanceStatus[];
