/**
 * Demo training data: a course catalogue for every audience (residents; artisans and shopkeepers;
 * agents), rooms with a group appointment type at the demo médiathèques, tiers-lieux, fab lab and town
 * hall, sessions at those places (one past with its attendance, one full with a waiting list, the
 * others with free seats), demo learners enrolled in them, and the equipment of the places as bookable
 * resources with their appointment types and weekly rules: the fab lab's 3D printer and laser cutter
 * (MACHINE), public computers at the médiathèques (COMPUTER), kiosks at France services and the town
 * halls (KIOSK).
 *
 * Deterministic and idempotent, like advisors.ts: ids come from demoId, rows are upserted by them.
 * Sessions are placed relative to `now` (past week, weeks to come) the first time and never moved by a
 * later run, so a rerun cannot collide with them; their room booking is written as createGroupSession
 * writes it (the type's buffers around the session, the room's place), so the engine sees the room taken.
 */
import type { AppointmentModality, AttendanceStatus, Prisma, SchedulingResourceKind, TrainingAudience, TrainingLevel, TrainingTheme } from "../../src/generated/prisma/client.js";
import { blockedRange } from "../../src/scheduling/availability.js";
import { demoId, demoTimeZone, minutesOf, weekInstant } from "./demo-calendar.js";

type Tx = Prisma.TransactionClient;

interface DemoCourse {
  key: string;
  title: string;
  description: string;
  themes: readonly TrainingTheme[];
  level: TrainingLevel;
  audience: TrainingAudience;
  durationMinutes: number;
}

export const demoCourses: readonly DemoCourse[] = [
  {
    key: "computer-basics",
    title: "Premiers pas sur l'ordinateur",
    description: "Allumer l'ordinateur, utiliser la souris et le clavier, ranger ses fichiers : les bases pour se lancer, à son rythme.",
    themes: ["COMPUTER_BASICS"],
    level: "BEGINNER",
    audience: "RESIDENTS",
    durationMinutes: 120,
  },
  {
    key: "smartphone",
    title: "Bien utiliser son smartphone",
    description: "Réglages, applications, photos, appels en visio : prendre en main son téléphone ou sa tablette. Venez avec votre appareil.",
    themes: ["SMARTPHONE"],
    level: "BEGINNER",
    audience: "RESIDENTS",
    durationMinutes: 120,
  },
  {
    key: "email",
    title: "Le courriel au quotidien",
    description: "Créer une adresse, écrire, répondre, joindre un document et trier ses messages.",
    themes: ["EMAIL"],
    level: "BEGINNER",
    audience: "RESIDENTS",
    durationMinutes: 90,
  },
  {
    key: "procedures",
    title: "Faire ses démarches administratives en ligne",
    description: "CAF, impôts, Ameli, France Travail : créer ses comptes, FranceConnect, déposer un justificatif en toute sécurité.",
    themes: ["ONLINE_PROCEDURES", "ONLINE_SAFETY"],
    level: "INTERMEDIATE",
    audience: "RESIDENTS",
    durationMinutes: 120,
  },
  {
    key: "safety",
    title: "Se protéger des arnaques en ligne",
    description: "Reconnaître un faux message, choisir ses mots de passe, protéger ses données personnelles et réagir en cas de problème.",
    themes: ["ONLINE_SAFETY"],
    level: "BEGINNER",
    audience: "RESIDENTS",
    durationMinutes: 90,
  },
  {
    key: "ecommerce",
    title: "Vendre en ligne : boutique et réseaux sociaux pour artisans et commerçants",
    description: "Ouvrir une boutique en ligne, présenter ses produits, animer une page sur les réseaux sociaux et prendre des commandes.",
    themes: ["ECOMMERCE_VISIBILITY", "SOCIAL_NETWORKS"],
    level: "INTERMEDIATE",
    audience: "BUSINESSES",
    durationMinutes: 180,
  },
  {
    key: "visibility",
    title: "Être visible en ligne : moteurs de recherche et fiche d'établissement",
    description: "Apparaître sur les cartes et les moteurs de recherche, tenir à jour ses horaires, répondre aux avis des clients.",
    themes: ["ECOMMERCE_VISIBILITY"],
    level: "BEGINNER",
    audience: "BUSINESSES",
    durationMinutes: 120,
  },
  {
    key: "ai-agents",
    title: "L'intelligence artificielle au service public : usages et précautions",
    description: "Ce que les outils d'IA savent faire pour rédiger et résumer, ce qu'il ne faut pas leur confier (données des usagers), et comment vérifier.",
    themes: ["ARTIFICIAL_INTELLIGENCE", "ONLINE_SAFETY"],
    level: "INTERMEDIATE",
    audience: "AGENTS",
    durationMinutes: 150,
  },
  {
    key: "shared-documents",
    title: "Travailler à plusieurs sur des documents partagés",
    description: "Co-écrire un document, partager un tableau, suivre les versions : les outils collaboratifs de l'agglomération.",
    themes: ["OFFICE_TOOLS"],
    level: "INTERMEDIATE",
    audience: "AGENTS",
    durationMinutes: 120,
  },
  {
    key: "3d-printing",
    title: "Initiation à l'impression 3D",
    description: "Du modèle à l'objet : trouver ou dessiner un modèle, préparer l'impression et lancer l'imprimante du fab lab.",
    themes: ["DIGITAL_FABRICATION"],
    level: "BEGINNER",
    audience: "RESIDENTS",
    durationMinutes: 180,
  },
];

interface DemoRule {
  weekday: number;
  start: string;
  end: string;
}

interface DemoResource {
  key: string;
  kind: SchedulingResourceKind;
  name: string;
  description: string;
  place: string;
  rules: readonly DemoRule[];
}

const libraryHours: readonly DemoRule[] = [
  { weekday: 2, start: "14:00", end: "18:00" },
  { weekday: 3, start: "10:00", end: "12:00" },
  { weekday: 3, start: "14:00", end: "18:00" },
  { weekday: 5, start: "14:00", end: "18:00" },
  { weekday: 6, start: "10:00", end: "12:00" },
  { weekday: 6, start: "14:00", end: "17:00" },
];
const fabLabHours: readonly DemoRule[] = [
  { weekday: 3, start: "14:00", end: "18:00" },
  { weekday: 6, start: "10:00", end: "17:00" },
];
const officeHours: readonly DemoRule[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: "09:00", end: "12:00" },
  { weekday, start: "14:00", end: "17:00" },
]);

const laonLibrary = "Médiathèque de Laon (démo)";
const athiesLibrary = "Bibliothèque d'Athies-sous-Laon (démo)";
const bruyeresLibrary = "Médiathèque de Bruyères-et-Montbérault (démo)";
const crepyTiersLieu = "Tiers-lieu numérique de Crépy (démo)";
const monsTiersLieu = "Tiers-lieu de Mons-en-Laonnois (démo)";
const fabLab = "Fab lab du Pays de Laon (démo)";
const laonTownHall = "Hôtel de ville de Laon (démo)";

/** Rooms host sessions only (no weekly rule: they are not booked slot by slot). */
export const demoRooms: readonly DemoResource[] = [
  { key: "room:laon-library", kind: "ROOM", name: "Salle d'animation numérique", description: "12 postes, vidéoprojecteur.", place: laonLibrary, rules: [] },
  { key: "room:athies-library", kind: "ROOM", name: "Salle de l'heure du conte", description: "Tables modulables, 10 places.", place: athiesLibrary, rules: [] },
  { key: "room:bruyeres-library", kind: "ROOM", name: "Espace multimédia", description: "8 postes et un écran.", place: bruyeresLibrary, rules: [] },
  { key: "room:crepy-tiers-lieu", kind: "ROOM", name: "Salle de formation", description: "Grande table, écran, accès au wifi.", place: crepyTiersLieu, rules: [] },
  { key: "room:mons-tiers-lieu", kind: "ROOM", name: "Atelier partagé", description: "Salle de réunion du tiers-lieu.", place: monsTiersLieu, rules: [] },
  { key: "room:fab-lab", kind: "ROOM", name: "Atelier du fab lab", description: "Établis et machines du fab lab.", place: fabLab, rules: [] },
  { key: "room:laon-town-hall", kind: "ROOM", name: "Salle du conseil", description: "Salle de réunion et de formation des agents.", place: laonTownHall, rules: [] },
];

export const demoEquipment: readonly DemoResource[] = [
  { key: "machine:3d-printer", kind: "MACHINE", name: "Imprimante 3D Prusa MK4", description: "Impression PLA et PETG, plateau de 25 × 21 cm, buse de 0,4 mm.", place: fabLab, rules: fabLabHours },
  { key: "machine:laser-cutter", kind: "MACHINE", name: "Découpeuse laser Trotec Speedy 100", description: "Découpe et gravure du bois, du carton et de l'acrylique, jusqu'à 61 × 30 cm.", place: fabLab, rules: fabLabHours },
  { key: "computer:laon-1", kind: "COMPUTER", name: "Poste informatique public n° 1", description: "Ordinateur avec imprimante et scanner.", place: laonLibrary, rules: libraryHours },
  { key: "computer:laon-2", kind: "COMPUTER", name: "Poste informatique public n° 2", description: "Ordinateur avec casque pour les visios.", place: laonLibrary, rules: libraryHours },
  { key: "computer:athies", kind: "COMPUTER", name: "Poste informatique public", description: "Ordinateur avec imprimante.", place: athiesLibrary, rules: libraryHours },
  { key: "computer:bruyeres", kind: "COMPUTER", name: "Poste informatique public", description: "Ordinateur avec imprimante et scanner.", place: bruyeresLibrary, rules: libraryHours },
  { key: "kiosk:france-services", kind: "KIOSK", name: "Borne France services", description: "Borne de démarches en ligne avec scanner de documents.", place: "Espace France services de Laon (démo)", rules: officeHours },
  { key: "kiosk:laon-town-hall", kind: "KIOSK", name: "Borne de démarches en ligne", description: "Borne en libre-service dans le hall d'accueil.", place: laonTownHall, rules: officeHours },
  {
    key: "kiosk:mons-town-hall",
    kind: "KIOSK",
    name: "Borne de démarches en ligne",
    description: "Borne en libre-service aux heures d'ouverture de la mairie.",
    place: "Mairie de Mons-en-Laonnois (démo)",
    rules: [
      { weekday: 2, start: "09:00", end: "12:00" },
      { weekday: 4, start: "09:00", end: "12:00" },
    ],
  },
];

interface DemoAppointmentType {
  key: string;
  name: string;
  description: string;
  kind: SchedulingResourceKind;
  /** Resources that offer it (their keys); none: every resource of its kind. */
  resources: readonly string[];
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  horizonDays: number;
  capacity: number;
  modality: AppointmentModality;
}

export const demoTrainingAppointmentTypes: readonly DemoAppointmentType[] = [
  {
    key: "room-group-session",
    name: "Séance de formation collective",
    description: "Un atelier en groupe avec un médiateur numérique : inscrivez-vous à une séance du catalogue.",
    kind: "ROOM",
    resources: [],
    durationMinutes: 120,
    bufferBeforeMinutes: 15,
    bufferAfterMinutes: 15,
    minimumNoticeMinutes: 0,
    horizonDays: 180,
    capacity: 12,
    modality: "ON_SITE",
  },
  {
    key: "3d-printing-slot",
    name: "Impression 3D (créneau de 2 heures)",
    description: "L'imprimante 3D du fab lab pour deux heures. Apportez votre fichier STL ; un animateur est présent.",
    kind: "MACHINE",
    resources: ["machine:3d-printer"],
    durationMinutes: 120,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    minimumNoticeMinutes: 1440,
    horizonDays: 30,
    capacity: 1,
    modality: "ON_SITE",
  },
  {
    key: "laser-cutting-slot",
    name: "Découpe laser (créneau d'une heure)",
    description: "La découpeuse laser du fab lab pour une heure, après la formation de sécurité.",
    kind: "MACHINE",
    resources: ["machine:laser-cutter"],
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    minimumNoticeMinutes: 1440,
    horizonDays: 30,
    capacity: 1,
    modality: "ON_SITE",
  },
  {
    key: "public-computer-slot",
    name: "Poste informatique en libre accès",
    description: "Un ordinateur de la médiathèque pour une heure : démarches, impression, recherche d'emploi.",
    kind: "COMPUTER",
    resources: [],
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 30,
    horizonDays: 14,
    capacity: 1,
    modality: "ON_SITE",
  },
  {
    key: "kiosk-slot",
    name: "Borne de démarches en ligne",
    description: "La borne pour une demi-heure, avec un agent d'accueil à proximité si besoin.",
    kind: "KIOSK",
    resources: [],
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 30,
    horizonDays: 14,
    capacity: 1,
    modality: "ON_SITE",
  },
];

interface DemoLearner {
  email: string;
  displayName: string;
  inseeCode: string;
}

/** Learners enrolled in the demo sessions. They have no password: only marie and paul (demo.ts) log in. */
export const demoLearners: readonly DemoLearner[] = [
  { email: "jeanne.carpentier@example.org", displayName: "Jeanne Carpentier", inseeCode: "02408" },
  { email: "andre.lemaire@example.org", displayName: "André Lemaire", inseeCode: "02408" },
  { email: "fatima.haddad@example.org", displayName: "Fatima Haddad", inseeCode: "02408" },
  { email: "gilbert.dufour@example.org", displayName: "Gilbert Dufour", inseeCode: "02028" },
  { email: "monique.lefort@example.org", displayName: "Monique Lefort", inseeCode: "02028" },
  { email: "kevin.mercier@example.org", displayName: "Kévin Mercier", inseeCode: "02238" },
  { email: "odile.renard@example.org", displayName: "Odile Renard", inseeCode: "02128" },
  { email: "yannick.boulanger@example.org", displayName: "Yannick Boulanger", inseeCode: "02408" },
  { email: "sylvie.masson@example.org", displayName: "Sylvie Masson", inseeCode: "02497" },
  { email: "bernard.colin@example.org", displayName: "Bernard Colin", inseeCode: "02408" },
];

const marie = "marie.lambert@example.org";
const paul = "paul.girard@example.org";
const learner = (i: number) => demoLearners[i]!.email;

interface DemoEnrolment {
  resident: string;
  attendance?: AttendanceStatus;
}

interface DemoSession {
  key: string;
  course: string;
  room: string;
  /** Weeks from the current one (negative: past). */
  week: number;
  weekday: number;
  /** Local start time. */
  at: string;
  capacity: number;
  trainer?: string;
  /** In enrolment order: the first `capacity` are ENROLLED, the others WAITLISTED. */
  enrolments: readonly DemoEnrolment[];
}

export const demoSessions: readonly DemoSession[] = [
  {
    key: "smartphone-laon-past",
    course: "smartphone",
    room: "room:laon-library",
    week: -1,
    weekday: 2,
    at: "14:00",
    capacity: 8,
    trainer: "nadia.lefebvre@capl.example",
    enrolments: [
      { resident: marie, attendance: "PRESENT" },
      { resident: learner(0), attendance: "PRESENT" },
      { resident: learner(1), attendance: "PRESENT" },
      { resident: learner(2), attendance: "ABSENT" },
      { resident: learner(7), attendance: "EXCUSED" },
    ],
  },
  {
    // Full, with three people waiting: the demo of the waiting list.
    key: "computer-basics-laon",
    course: "computer-basics",
    room: "room:laon-library",
    week: 1,
    weekday: 2,
    at: "14:00",
    capacity: 8,
    trainer: "nadia.lefebvre@capl.example",
    enrolments: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ resident: learner(i) })).concat([{ resident: paul }]),
  },
  {
    key: "email-athies",
    course: "email",
    room: "room:athies-library",
    week: 1,
    weekday: 3,
    at: "14:00",
    capacity: 10,
    trainer: "lea.garnier@capl.example",
    enrolments: [{ resident: marie }, { resident: learner(3) }, { resident: learner(4) }],
  },
  {
    key: "safety-bruyeres",
    course: "safety",
    room: "room:bruyeres-library",
    week: 2,
    weekday: 1,
    at: "14:00",
    capacity: 12,
    trainer: "lea.garnier@capl.example",
    enrolments: [{ resident: learner(6) }],
  },
  {
    key: "procedures-laon",
    course: "procedures",
    room: "room:laon-library",
    week: 3,
    weekday: 2,
    at: "14:00",
    capacity: 10,
    trainer: "nadia.lefebvre@capl.example",
    enrolments: [],
  },
  {
    key: "ecommerce-crepy",
    course: "ecommerce",
    room: "room:crepy-tiers-lieu",
    week: 2,
    weekday: 3,
    at: "09:00",
    capacity: 10,
    trainer: "karim.benali@capl.example",
    enrolments: [{ resident: paul }, { resident: learner(5) }],
  },
  {
    key: "visibility-mons",
    course: "visibility",
    room: "room:mons-tiers-lieu",
    week: 3,
    weekday: 3,
    at: "09:30",
    capacity: 10,
    trainer: "karim.benali@capl.example",
    enrolments: [{ resident: learner(8) }],
  },
  {
    key: "3d-printing-fab-lab",
    course: "3d-printing",
    room: "room:fab-lab",
    week: 2,
    weekday: 6,
    at: "10:00",
    capacity: 6,
    enrolments: [{ resident: learner(7) }, { resident: learner(9) }],
  },
  {
    key: "ai-agents-town-hall",
    course: "ai-agents",
    room: "room:laon-town-hall",
    week: 2,
    weekday: 4,
    at: "09:30",
    capacity: 12,
    enrolments: [],
  },
];

export interface LoadDemoTrainingResult {
  courses: number;
  rooms: number;
  equipment: number;
  appointmentTypes: number;
  sessions: number;
  enrolments: number;
}

/**
 * Loads the demo training data inside the demo data's transaction, after places, agents, residents
 * and the advisors (demo.ts, advisors.ts).
 */
export async function loadDemoTraining(tx: Tx, now: Date): Promise<LoadDemoTrainingResult> {
  const courseIds = new Map<string, string>();
  for (const course of demoCourses) {
    const id = demoId(`course:${course.key}`);
    const data = { title: course.title, description: course.description, themes: [...course.themes], level: course.level, audience: course.audience, durationMinutes: course.durationMinutes, isDemo: true };
    await tx.course.upsert({ where: { id }, create: { id, ...data }, update: data });
    courseIds.set(course.key, id);
  }

  const resources = [...demoRooms, ...demoEquipment];
  const placeNames = [...new Set(resources.map((r) => r.place))];
  const places = await tx.place.findMany({ where: { name: { in: placeNames }, isDemo: true }, select: { id: true, name: true } });
  const placeId = (name: string) => {
    const id = places.find((p) => p.name === name)?.id;
    if (!id) throw new Error(`Demo training needs the place ${name}: load demo.ts's places first`);
    return id;
  };
  const resourceIds = new Map<string, { id: string; placeId: string }>();
  for (const resource of resources) {
    const id = demoId(`resource:${resource.key}`);
    const data = { kind: resource.kind, name: resource.name, description: resource.description, placeId: placeId(resource.place), timeZone: demoTimeZone };
    await tx.schedulingResource.upsert({ where: { id }, create: { id, ...data }, update: data });
    resourceIds.set(resource.key, { id, placeId: data.placeId });
  }
  const withRules = resources.filter((r) => r.rules.length > 0);
  await tx.availabilityRule.deleteMany({ where: { resourceId: { in: withRules.map((r) => resourceIds.get(r.key)!.id) } } });
  await tx.availabilityRule.createMany({
    data: withRules.flatMap((resource) =>
      resource.rules.map((rule) => ({ resourceId: resourceIds.get(resource.key)!.id, weekday: rule.weekday, startMinute: minutesOf(rule.start), endMinute: minutesOf(rule.end) })),
    ),
  });

  const types = new Map<string, DemoAppointmentType & { id: string }>();
  for (const type of demoTrainingAppointmentTypes) {
    const id = demoId(`appointment-type:${type.key}`);
    const listed = type.resources.map((key) => {
      const resource = resourceIds.get(key);
      if (!resource) throw new Error(`Demo appointment type ${type.key} names an unknown resource ${key}`);
      return { id: resource.id };
    });
    const data = {
      name: type.name,
      description: type.description,
      resourceKind: type.kind,
      durationMinutes: type.durationMinutes,
      bufferBeforeMinutes: type.bufferBeforeMinutes,
      bufferAfterMinutes: type.bufferAfterMinutes,
      minimumNoticeMinutes: type.minimumNoticeMinutes,
      horizonDays: type.horizonDays,
      capacity: type.capacity,
      modality: type.modality,
    };
    await tx.appointmentType.upsert({ where: { id }, create: { id, ...data, resources: { connect: listed } }, update: { ...data, resources: { set: listed } } });
    types.set(type.key, { ...type, id });
  }

  const communes = await tx.commune.findMany({ where: { inseeCode: { in: [...new Set(demoLearners.map((l) => l.inseeCode))] } }, select: { id: true, inseeCode: true } });
  for (const person of demoLearners) {
    const communeId = communes.find((c) => c.inseeCode === person.inseeCode)?.id;
    if (!communeId) throw new Error(`Demo learner ${person.email} needs commune ${person.inseeCode}`);
    const data = { displayName: person.displayName, communeId, isDemo: true };
    await tx.resident.upsert({ where: { email: person.email }, create: { email: person.email, ...data }, update: data });
  }
  const residentEmails = [...new Set(demoSessions.flatMap((s) => s.enrolments.map((e) => e.resident)))];
  const residents = await tx.resident.findMany({ where: { email: { in: residentEmails } }, select: { id: true, email: true } });
  const residentId = (email: string) => {
    const id = residents.find((r) => r.email === email)?.id;
    if (!id) throw new Error(`Demo sessions need the resident ${email}`);
    return id;
  };
  const trainers = await tx.agent.findMany({ where: { email: { in: demoSessions.flatMap((s) => (s.trainer ? [s.trainer] : [])) } }, select: { id: true, email: true } });

  const roomType = types.get("room-group-session")!;
  const enrolments: Prisma.GroupEnrolmentCreateManyInput[] = [];
  for (const session of demoSessions) {
    const course = demoCourses.find((c) => c.key === session.course);
    const room = resourceIds.get(session.room);
    if (!course || !room) throw new Error(`Demo session ${session.key} names an unknown course or room`);
    if (session.capacity > roomType.capacity) throw new Error(`Demo session ${session.key} seats more than its room's type`);
    const startsAt = weekInstant(now, session.week, session.weekday, session.at);
    const { slotEnd: endsAt, start: blockedFrom, end: blockedUntil } = blockedRange(startsAt, { ...roomType, durationMinutes: course.durationMinutes });
    const createdAt = new Date(startsAt.getTime() - 21 * 86_400_000);
    const bookingId = demoId(`booking:session:${session.key}`);
    const groupSessionId = demoId(`group-session:${session.key}`);
    // Never moved once written: a later run at another `now` would otherwise shift it onto other bookings.
    await tx.booking.upsert({
      where: { id: bookingId },
      create: { id: bookingId, resourceId: room.id, appointmentTypeId: roomType.id, startsAt, endsAt, blockedFrom, blockedUntil, placeId: room.placeId, status: "CONFIRMED", createdAt },
      update: {},
    });
    await tx.groupSession.upsert({
      where: { id: groupSessionId },
      create: { id: groupSessionId, resourceId: room.id, appointmentTypeId: roomType.id, startsAt, endsAt, capacity: session.capacity, roomBookingId: bookingId, createdAt },
      update: {},
    });
    const trainerId = session.trainer ? trainers.find((a) => a.email === session.trainer)?.id : null;
    if (trainerId === undefined) throw new Error(`Demo session ${session.key} needs the trainer ${session.trainer}`);
    const trainingSessionId = demoId(`training-session:${session.key}`);
    await tx.trainingSession.upsert({
      where: { id: trainingSessionId },
      create: { id: trainingSessionId, courseId: courseIds.get(course.key)!, groupSessionId, trainerId, createdAt },
      update: {},
    });
    session.enrolments.forEach((enrolment, i) => {
      enrolments.push({
        id: demoId(`enrolment:${session.key}:${enrolment.resident}`),
        groupSessionId,
        residentId: residentId(enrolment.resident),
        status: i < session.capacity ? "ENROLLED" : "WAITLISTED",
        attendance: enrolment.attendance ?? null,
        // One hour apart, in list order: the order of the waiting list.
        createdAt: new Date(createdAt.getTime() + (i + 1) * 3_600_000),
      });
    });
  }
  await tx.groupEnrolment.createMany({ data: enrolments, skipDuplicates: true });
  return {
    courses: demoCourses.length,
    rooms: demoRooms.length,
    equipment: demoEquipment.length,
    appointmentTypes: types.size,
    sessions: demoSessions.length,
    enrolments: enrolments.length,
  };
}
