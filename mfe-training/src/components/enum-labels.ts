import type { fr } from '../strings.fr.ts';

/**
 * The API's enums (schema.graphql) that the module's screens show, and the key of each value's label in
 * strings.fr.ts, in the order the forms list them.
 */

type StringKey = keyof typeof fr;

// Training: catalogue, sessions, enrolments.
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

// Advisors: appointments, activity reports, equipment.
export const TOPIC_LABELS = {
  ONLINE_PROCEDURES: 'topicOnlineProcedures',
  EQUIPMENT: 'topicEquipment',
  BROWSING: 'topicBrowsing',
  EMAIL: 'topicEmail',
  SECURITY: 'topicSecurity',
  OFFICE_SOFTWARE: 'topicOfficeSoftware',
  DIGITAL_CONTENT: 'topicDigitalContent',
  STAY_IN_TOUCH: 'topicStayInTouch',
  EMPLOYMENT: 'topicEmployment',
  PARENTING: 'topicParenting',
  SMALL_BUSINESS: 'topicSmallBusiness',
  HEALTH: 'topicHealth',
  BUDGET: 'topicBudget',
  DIAGNOSTIC: 'topicDiagnostic',
} as const satisfies Record<string, StringKey>;
export type ActivityTopic = keyof typeof TOPIC_LABELS;
export const ACTIVITY_TOPICS = Object.keys(TOPIC_LABELS) as ActivityTopic[];

export const EQUIPMENT_USED_LABELS = {
  COMPUTER: 'equipmentUsedComputer',
  TABLET: 'equipmentUsedTablet',
  SMARTPHONE: 'equipmentUsedSmartphone',
  PRINTER_SCANNER: 'equipmentUsedPrinterScanner',
  KIOSK: 'equipmentUsedKiosk',
  OWN_DEVICE: 'equipmentUsedOwnDevice',
} as const satisfies Record<string, StringKey>;
export type EquipmentUsed = keyof typeof EQUIPMENT_USED_LABELS;
export const EQUIPMENT_USED = Object.keys(EQUIPMENT_USED_LABELS) as EquipmentUsed[];

export const AUTONOMY_LABELS = {
  NOT_AUTONOMOUS: 'autonomyNotAutonomous',
  PARTIALLY_AUTONOMOUS: 'autonomyPartiallyAutonomous',
  AUTONOMOUS: 'autonomyAutonomous',
} as const satisfies Record<string, StringKey>;
export type AutonomyLevel = keyof typeof AUTONOMY_LABELS;
export const AUTONOMY_LEVELS = Object.keys(AUTONOMY_LABELS) as AutonomyLevel[];

export const REFERRAL_LABELS = {
  FRANCE_SERVICES: 'referralFranceServices',
  TRAINING_SESSION: 'referralTrainingSession',
  SOCIAL_SERVICES: 'referralSocialServices',
  EMPLOYMENT_SERVICE: 'referralEmploymentService',
  OTHER_ADVISOR: 'referralOtherAdvisor',
  OTHER: 'referralOther',
} as const satisfies Record<string, StringKey>;
export type ReferralTarget = keyof typeof REFERRAL_LABELS;
export const REFERRAL_TARGETS = Object.keys(REFERRAL_LABELS) as ReferralTarget[];

export const BOOKING_STATUS_LABELS = {
  HELD: 'bookingStatusHeld',
  CONFIRMED: 'bookingStatusConfirmed',
  NO_SHOW: 'bookingStatusNoShow',
  CANCELLED: 'bookingStatusCancelled',
  EXPIRED: 'bookingStatusExpired',
} as const satisfies Record<string, StringKey>;
export type BookingStatus = keyof typeof BOOKING_STATUS_LABELS;

export const MODALITY_LABELS = {
  ON_SITE: 'modalityOnSite',
  PHONE: 'modalityPhone',
  VIDEO: 'modalityVideo',
} as const satisfies Record<string, StringKey>;
export type AppointmentModality = keyof typeof MODALITY_LABELS;

/** The resource kinds the equipment screen lists. */
export const EQUIPMENT_KIND_LABELS = {
  MACHINE: 'resourceKindMachine',
  COMPUTER: 'resourceKindComputer',
  KIOSK: 'resourceKindKiosk',
} as const satisfies Record<string, StringKey>;
export type EquipmentKind = keyof typeof EQUIPMENT_KIND_LABELS;
export const EQUIPMENT_KINDS = Object.keys(EQUIPMENT_KIND_LABELS) as EquipmentKind[];

export type SchedulingResourceKind = EquipmentKind | 'ADVISOR' | 'ROOM' | 'PRACTITIONER' | 'DESK';
