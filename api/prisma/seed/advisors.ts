/**
 * Demo digital advisors (conseillers numériques): their profiles, their booking resources with weekly
 * rules in several places, the advisor appointment types, some past appointments with activity reports
 * (so that statistics show something) and some appointments to come for the demo residents.
 *
 * Deterministic and idempotent: every row has an id derived from a fixed key, and is upserted by it.
 * Appointments are placed relative to `now` (past weeks, next weeks) the first time; a later run leaves
 * existing bookings and reports as they are rather than moving them, so it can never collide with them.
 * Each appointment is built from one of its advisor's rules (weekday, place, start inside the window) and
 * blocks its range with the engine's own `blockedRange`, so the rows are those the engine would write.
 */
import type {
  ActivityTopic,
  AppointmentModality,
  AutonomyLevel,
  BookingStatus,
  EquipmentUsed,
  Prisma,
  ReferralTarget,
} from "../../src/generated/prisma/client.js";
import { blockedRange } from "../../src/scheduling/availability.js";
import { demoId, demoTimeZone, minutesOf, weekInstant } from "./demo-calendar.js";

type Tx = Prisma.TransactionClient;

interface DemoAppointmentType {
  key: string;
  name: string;
  description: string;
  durationMinutes: number;
  bufferAfterMinutes: number;
  modality: AppointmentModality;
}

/** Offered by every advisor (no resource listed: every ADVISOR resource). */
export const demoAdvisorAppointmentTypes: readonly DemoAppointmentType[] = [
  {
    key: "individual",
    name: "Accompagnement numérique individuel",
    description: "Un rendez-vous avec un conseiller numérique pour apprendre à utiliser un ordinateur, une tablette ou un smartphone.",
    durationMinutes: 45,
    bufferAfterMinutes: 15,
    modality: "ON_SITE",
  },
  {
    key: "procedures",
    name: "Aide aux démarches en ligne",
    description: "Être aidé pour une démarche administrative en ligne (CAF, impôts, santé, emploi…). Apportez vos identifiants.",
    durationMinutes: 30,
    bufferAfterMinutes: 15,
    modality: "ON_SITE",
  },
  {
    key: "phone",
    name: "Rendez-vous téléphonique",
    description: "Le conseiller numérique vous appelle pour une question précise ou pour préparer un rendez-vous.",
    durationMinutes: 20,
    bufferAfterMinutes: 10,
    modality: "PHONE",
  },
];

const appointmentTypePolicy = { bufferBeforeMinutes: 0, minimumNoticeMinutes: 120, horizonDays: 60, capacity: 1 } as const;

interface DemoRule {
  weekday: number;
  start: string;
  end: string;
  /** Another place than the home place (its name in demoPlaces). */
  place?: string;
}

interface DemoReport {
  topics: readonly ActivityTopic[];
  durationMinutes: number;
  equipment: readonly EquipmentUsed[];
  autonomy: AutonomyLevel;
  referral?: ReferralTarget;
  referralNote?: string;
}

interface DemoAppointment {
  key: string;
  /** Index in the advisor's rules: the appointment takes its weekday and place. */
  rule: number;
  /** Weeks from the current one (negative: past). */
  week: number;
  /** Local start time, inside the rule's window. */
  at: string;
  type: string;
  resident: string;
  status: BookingStatus;
  note?: string;
  report?: DemoReport;
}

interface DemoWalkIn {
  key: string;
  week: number;
  weekday: number;
  at: string;
  place: string;
  resident?: string;
  report: DemoReport;
}

interface DemoAdvisor {
  email: string;
  homePlace: string;
  presentation: string;
  rules: readonly DemoRule[];
  appointments: readonly DemoAppointment[];
  walkIns?: readonly DemoWalkIn[];
}

const marie = "marie.lambert@example.org";
const paul = "paul.girard@example.org";

export const demoAdvisors: readonly DemoAdvisor[] = [
  {
    email: "nadia.lefebvre@capl.example",
    homePlace: "Médiathèque de Laon (démo)",
    presentation: "Conseillère numérique du Pays de Laon : premiers pas sur ordinateur, courriel, démarches en ligne. Parle aussi arabe.",
    rules: [
      { weekday: 1, start: "09:00", end: "12:00" },
      { weekday: 1, start: "14:00", end: "17:00" },
      { weekday: 3, start: "09:00", end: "12:00" },
      { weekday: 3, start: "14:00", end: "17:00" },
      { weekday: 4, start: "09:00", end: "12:00", place: "Espace France services de Laon (démo)" },
      { weekday: 4, start: "14:00", end: "17:00", place: "Espace France services de Laon (démo)" },
    ],
    appointments: [
      {
        key: "nadia-past-1",
        rule: 0,
        week: -3,
        at: "09:30",
        type: "individual",
        resident: marie,
        status: "CONFIRMED",
        report: { topics: ["EQUIPMENT", "EMAIL"], durationMinutes: 45, equipment: ["COMPUTER"], autonomy: "NOT_AUTONOMOUS" },
      },
      {
        key: "nadia-past-2",
        rule: 4,
        week: -2,
        at: "10:00",
        type: "procedures",
        resident: paul,
        status: "CONFIRMED",
        report: {
          topics: ["ONLINE_PROCEDURES", "HEALTH"],
          durationMinutes: 40,
          equipment: ["COMPUTER", "PRINTER_SCANNER"],
          autonomy: "PARTIALLY_AUTONOMOUS",
          referral: "FRANCE_SERVICES",
          referralNote: "Dossier de complémentaire santé à finir avec l'agent France services.",
        },
      },
      {
        key: "nadia-past-3",
        rule: 3,
        week: -2,
        at: "15:00",
        type: "phone",
        resident: marie,
        status: "CONFIRMED",
        report: { topics: ["SECURITY", "EMAIL", "BROWSING"], durationMinutes: 20, equipment: ["OWN_DEVICE"], autonomy: "AUTONOMOUS" },
      },
      { key: "nadia-past-4", rule: 1, week: -1, at: "14:00", type: "individual", resident: paul, status: "NO_SHOW" },
      // Left without a report on purpose: the one a demo (or the e2e journey) writes.
      {
        key: "nadia-past-5",
        rule: 2,
        week: -1,
        at: "10:00",
        type: "individual",
        resident: marie,
        status: "CONFIRMED",
        note: "Créer une adresse de courriel et la relier à mon téléphone.",
      },
      { key: "nadia-next-1", rule: 0, week: 1, at: "10:00", type: "individual", resident: marie, status: "CONFIRMED", note: "Envoyer des photos à ma famille." },
      { key: "nadia-next-2", rule: 5, week: 1, at: "14:30", type: "procedures", resident: paul, status: "CONFIRMED", note: "Déclaration de revenus en ligne." },
      { key: "nadia-next-3", rule: 3, week: 2, at: "16:00", type: "phone", resident: marie, status: "CONFIRMED" },
    ],
    walkIns: [
      {
        key: "nadia-walk-in-1",
        week: -1,
        weekday: 4,
        at: "11:15",
        place: "Espace France services de Laon (démo)",
        report: { topics: ["ONLINE_PROCEDURES"], durationMinutes: 15, equipment: ["KIOSK"], autonomy: "PARTIALLY_AUTONOMOUS" },
      },
    ],
  },
  {
    email: "karim.benali@capl.example",
    homePlace: "Tiers-lieu numérique de Crépy (démo)",
    presentation: "Conseiller numérique au tiers-lieu de Crépy : smartphone, sécurité en ligne, outils pour les petites entreprises.",
    rules: [
      { weekday: 2, start: "09:00", end: "12:00" },
      { weekday: 2, start: "14:00", end: "18:00" },
      { weekday: 5, start: "09:00", end: "12:30", place: "Tiers-lieu de Mons-en-Laonnois (démo)" },
    ],
    appointments: [
      {
        key: "karim-past-1",
        rule: 0,
        week: -2,
        at: "09:00",
        type: "individual",
        resident: paul,
        status: "CONFIRMED",
        report: {
          topics: ["SMALL_BUSINESS", "DIGITAL_CONTENT", "BROWSING"],
          durationMinutes: 60,
          equipment: ["COMPUTER", "OWN_DEVICE"],
          autonomy: "PARTIALLY_AUTONOMOUS",
          referral: "TRAINING_SESSION",
          referralNote: "Atelier « Être visible en ligne » conseillé.",
        },
      },
      {
        key: "karim-past-2",
        rule: 2,
        week: -1,
        at: "10:30",
        type: "procedures",
        resident: paul,
        status: "CONFIRMED",
        report: { topics: ["EMPLOYMENT", "ONLINE_PROCEDURES"], durationMinutes: 30, equipment: ["SMARTPHONE"], autonomy: "AUTONOMOUS" },
      },
      { key: "karim-next-1", rule: 1, week: 1, at: "15:00", type: "phone", resident: paul, status: "CONFIRMED", note: "Sécuriser mon compte bancaire en ligne." },
      { key: "karim-next-2", rule: 2, week: 2, at: "09:30", type: "individual", resident: marie, status: "CONFIRMED" },
    ],
  },
  {
    email: "lea.garnier@capl.example",
    homePlace: "Médiathèque de Bruyères-et-Montbérault (démo)",
    presentation: "Conseillère numérique à Bruyères-et-Montbérault et Athies-sous-Laon : garder le contact avec ses proches, parentalité et numérique.",
    rules: [
      { weekday: 2, start: "14:00", end: "17:30" },
      { weekday: 4, start: "09:00", end: "12:00" },
      { weekday: 5, start: "14:00", end: "17:00", place: "Bibliothèque d'Athies-sous-Laon (démo)" },
    ],
    appointments: [
      {
        key: "lea-past-1",
        rule: 1,
        week: -1,
        at: "09:00",
        type: "individual",
        resident: marie,
        status: "CONFIRMED",
        report: { topics: ["STAY_IN_TOUCH", "PARENTING"], durationMinutes: 50, equipment: ["TABLET"], autonomy: "PARTIALLY_AUTONOMOUS" },
      },
      {
        key: "lea-past-2",
        rule: 2,
        week: -2,
        at: "14:30",
        type: "procedures",
        resident: marie,
        status: "CONFIRMED",
        report: { topics: ["BUDGET", "ONLINE_PROCEDURES", "DIAGNOSTIC"], durationMinutes: 35, equipment: ["COMPUTER"], autonomy: "NOT_AUTONOMOUS", referral: "SOCIAL_SERVICES" },
      },
      { key: "lea-next-1", rule: 0, week: 1, at: "14:00", type: "individual", resident: marie, status: "CONFIRMED", note: "Installer une application de visio pour parler à mes petits-enfants." },
    ],
  },
];

export interface LoadDemoAdvisorsResult {
  advisors: number;
  appointmentTypes: number;
  bookings: number;
  reports: number;
}

/**
 * Loads the demo advisors inside the demo data's transaction, after places, agents and residents.
 * Needs the agents and places of demo.ts.
 */
export async function loadDemoAdvisors(tx: Tx, now: Date): Promise<LoadDemoAdvisorsResult> {
  const typeIds = new Map<string, string>();
  const types = new Map<string, DemoAppointmentType & { id: string }>();
  for (const type of demoAdvisorAppointmentTypes) {
    const id = demoId(`appointment-type:${type.key}`);
    const data = {
      name: type.name,
      description: type.description,
      durationMinutes: type.durationMinutes,
      bufferAfterMinutes: type.bufferAfterMinutes,
      modality: type.modality,
      resourceKind: "ADVISOR" as const,
      ...appointmentTypePolicy,
    };
    await tx.appointmentType.upsert({ where: { id }, create: { id, ...data }, update: data });
    typeIds.set(type.key, id);
    types.set(type.key, { ...type, id });
  }

  const placeNames = [...new Set(demoAdvisors.flatMap((a) => [a.homePlace, ...a.rules.flatMap((r) => (r.place ? [r.place] : [])), ...(a.walkIns ?? []).map((w) => w.place)]))];
  const places = await tx.place.findMany({ where: { name: { in: placeNames }, isDemo: true }, select: { id: true, name: true } });
  const placeId = (name: string) => {
    const id = places.find((p) => p.name === name)?.id;
    if (!id) throw new Error(`Demo advisors need the place ${name}: load demo.ts's places first`);
    return id;
  };
  const residents = await tx.resident.findMany({
    where: { email: { in: [marie, paul] } },
    select: { id: true, email: true, commune: { select: { inseeCode: true } } },
  });
  const resident = (email: string) => {
    const row = residents.find((r) => r.email === email);
    if (!row) throw new Error(`Demo advisors need the resident ${email}`);
    return row;
  };

  let bookings = 0;
  let reports = 0;
  for (const advisor of demoAdvisors) {
    const agent = await tx.agent.findUnique({ where: { email: advisor.email }, select: { id: true, displayName: true, jobTitle: true } });
    if (!agent) throw new Error(`Demo advisor ${advisor.email} must be one of demo.ts's agents`);
    const resourceId = demoId(`advisor-resource:${advisor.email}`);
    const resource = { kind: "ADVISOR" as const, name: agent.displayName, description: agent.jobTitle, placeId: placeId(advisor.homePlace), timeZone: demoTimeZone };
    await tx.schedulingResource.upsert({ where: { id: resourceId }, create: { id: resourceId, ...resource }, update: resource });
    await tx.availabilityRule.deleteMany({ where: { resourceId } });
    await tx.availabilityRule.createMany({
      data: advisor.rules.map((rule) => ({
        resourceId,
        weekday: rule.weekday,
        startMinute: minutesOf(rule.start),
        endMinute: minutesOf(rule.end),
        placeId: rule.place ? placeId(rule.place) : null,
      })),
    });
    const profile = await tx.advisorProfile.upsert({
      where: { agentId: agent.id },
      create: { id: demoId(`advisor:${advisor.email}`), agentId: agent.id, resourceId, presentation: advisor.presentation },
      update: { resourceId, presentation: advisor.presentation },
      select: { id: true },
    });

    for (const appointment of advisor.appointments) {
      const rule = advisor.rules[appointment.rule];
      const type = types.get(appointment.type);
      if (!rule || !type) throw new Error(`Demo appointment ${appointment.key} names an unknown rule or type`);
      const startsAt = weekInstant(now, appointment.week, rule.weekday, appointment.at);
      const { slotEnd, start, end } = blockedRange(startsAt, { ...type, ...appointmentTypePolicy, bufferBeforeMinutes: 0 });
      const startMinute = minutesOf(appointment.at);
      if (startMinute < minutesOf(rule.start) || startMinute + type.durationMinutes > minutesOf(rule.end)) {
        throw new Error(`Demo appointment ${appointment.key} is outside its rule`);
      }
      const person = resident(appointment.resident);
      const id = demoId(`booking:${appointment.key}`);
      const booking = {
        id,
        resourceId,
        appointmentTypeId: type.id,
        startsAt,
        endsAt: slotEnd,
        blockedFrom: start,
        blockedUntil: end,
        status: appointment.status,
        placeId: placeId(rule.place ?? advisor.homePlace),
        residentId: person.id,
        note: appointment.note ?? null,
        createdAt: new Date(startsAt.getTime() - 7 * 86_400_000),
      };
      // Never moved once written: a later run at another `now` would otherwise shift it onto other bookings.
      const written = await tx.booking.upsert({ where: { id }, create: booking, update: {}, select: { id: true, startsAt: true, placeId: true } });
      bookings++;
      if (!appointment.report) continue;
      await upsertReport(tx, `report:${appointment.key}`, {
        advisorId: profile.id,
        bookingId: written.id,
        placeId: written.placeId,
        residentId: person.id,
        communeInseeCode: person.commune?.inseeCode ?? null,
        occurredAt: written.startsAt,
        createdById: agent.id,
        ...reportData(appointment.report),
      });
      reports++;
    }
    for (const walkIn of advisor.walkIns ?? []) {
      const person = walkIn.resident ? resident(walkIn.resident) : null;
      await upsertReport(tx, `report:${walkIn.key}`, {
        advisorId: profile.id,
        bookingId: null,
        placeId: placeId(walkIn.place),
        residentId: person?.id ?? null,
        communeInseeCode: person?.commune?.inseeCode ?? null,
        occurredAt: weekInstant(now, walkIn.week, walkIn.weekday, walkIn.at),
        createdById: agent.id,
        ...reportData(walkIn.report),
      });
      reports++;
    }
  }
  return { advisors: demoAdvisors.length, appointmentTypes: typeIds.size, bookings, reports };
}

function reportData(report: DemoReport) {
  return {
    topics: [...report.topics],
    durationMinutes: report.durationMinutes,
    equipment: [...report.equipment],
    autonomy: report.autonomy,
    referral: report.referral ?? null,
    referralNote: report.referralNote ?? null,
  };
}

async function upsertReport(tx: Tx, key: string, data: Prisma.ActivityReportUncheckedCreateInput) {
  const id = demoId(key);
  await tx.activityReport.upsert({ where: { id }, create: { ...data, id, createdAt: data.occurredAt }, update: {} });
}
