/**
 * The demo data set: agents (one per role, one with two module roles, one limited to Laon), residents,
 * a partner key and places in real communes of the agglomeration, so that every screen and every access
 * rule can be tried on a fresh install. Deterministic (same rows every time), idempotent,
 * every row flagged `isDemo`, and never loaded when NODE_ENV=production (see seedIfEmpty).
 * Names and addresses are illustrative, not a directory of the real establishments.
 */
import type { PlaceKind, PrismaClient, Role } from "../../src/generated/prisma/client.js";
import { hashPassword } from "../../src/modules/identity/password.js";
import { sha256 } from "../../src/modules/identity/tokens.js";
import { defaultCostBudget } from "../../src/modules/partners/api-client.service.js";
import { loadDemoAdvisors } from "./advisors.js";
import { loadDemoTraining } from "./training.js";

interface DemoPlace {
  inseeCode: string;
  kind: PlaceKind;
  name: string;
  street: string;
  postalCode: string;
}

export const demoPlaces: readonly DemoPlace[] = [
  { inseeCode: "02408", kind: "MEDIATHEQUE", name: "Médiathèque de Laon (démo)", street: "1 rue du Cloître", postalCode: "02000" },
  { inseeCode: "02408", kind: "MAIRIE", name: "Hôtel de ville de Laon (démo)", street: "Place du Général-Leclerc", postalCode: "02000" },
  { inseeCode: "02408", kind: "HEALTH_CENTRE", name: "Centre de santé de Laon (démo)", street: "12 avenue Charles-de-Gaulle", postalCode: "02000" },
  { inseeCode: "02408", kind: "MAKERSPACE", name: "Fab lab du Pays de Laon (démo)", street: "3 rue des Minimes", postalCode: "02000" },
  { inseeCode: "02408", kind: "COWORKING", name: "Espace de coworking Voltaire (démo)", street: "Zone d'activités Voltaire", postalCode: "02000" },
  { inseeCode: "02408", kind: "VISIO_ROOM", name: "Salle de visioconférence de l'agglomération (démo)", street: "Rue Paul-Doumer", postalCode: "02000" },
  { inseeCode: "02408", kind: "CRECHE", name: "Multi-accueil Les Petits Remparts (démo)", street: "8 rue de la Herse", postalCode: "02000" },
  { inseeCode: "02408", kind: "SCHOOL", name: "Restaurant scolaire de Laon (démo)", street: "5 rue Saint-Martin", postalCode: "02000" },
  { inseeCode: "02408", kind: "FRANCE_SERVICES", name: "Espace France services de Laon (démo)", street: "2 place Aubry", postalCode: "02000" },
  { inseeCode: "02028", kind: "MEDIATHEQUE", name: "Bibliothèque d'Athies-sous-Laon (démo)", street: "Place de la Mairie", postalCode: "02840" },
  { inseeCode: "02028", kind: "LEISURE_CENTRE", name: "Accueil de loisirs d'Athies-sous-Laon (démo)", street: "Rue de Laon", postalCode: "02840" },
  { inseeCode: "02238", kind: "TIERS_LIEU", name: "Tiers-lieu numérique de Crépy (démo)", street: "Rue du Château", postalCode: "02870" },
  { inseeCode: "02238", kind: "SCHOOL", name: "Groupe scolaire de Crépy (démo)", street: "Rue de l'École", postalCode: "02870" },
  { inseeCode: "02128", kind: "HEALTH_CENTRE", name: "Maison de santé de Bruyères-et-Montbérault (démo)", street: "Rue de Laon", postalCode: "02860" },
  { inseeCode: "02128", kind: "MEDIATHEQUE", name: "Médiathèque de Bruyères-et-Montbérault (démo)", street: "Place de l'Église", postalCode: "02860" },
  { inseeCode: "02037", kind: "CRECHE", name: "Micro-crèche d'Aulnois-sous-Laon (démo)", street: "Rue Principale", postalCode: "02000" },
  { inseeCode: "02497", kind: "TIERS_LIEU", name: "Tiers-lieu de Mons-en-Laonnois (démo)", street: "Rue de la Mairie", postalCode: "02000" },
  { inseeCode: "02497", kind: "MAIRIE", name: "Mairie de Mons-en-Laonnois (démo)", street: "Place de la Mairie", postalCode: "02000" },
  { inseeCode: "02157", kind: "LEISURE_CENTRE", name: "Centre de loisirs de Chambry (démo)", street: "Rue du Stade", postalCode: "02000" },
  { inseeCode: "02697", kind: "HEALTH_CENTRE", name: "Cabinet de télésanté de Samoussy (démo)", street: "Rue de Sissonne", postalCode: "02840" },
];

/** The password of every demo account (README lists them). Demo data is never loaded in production. */
export const demoPassword = "Couronne-demo-2026";

/** The demo partner key of the Bibliothèque départementale de l'Aisne (read:training, read:territory). */
export const demoPartnerKey = "ck_00000000bda0_demo-key-of-the-bibliotheque-departementale-de-l-aisne";

interface DemoAgent {
  email: string;
  displayName: string;
  jobTitle: string;
  roles: readonly { role: Role; communeInseeCodes?: readonly string[] }[];
}

export const demoAgents: readonly DemoAgent[] = [
  { email: "camille.martin@capl.example", displayName: "Camille Martin", jobTitle: "Administratrice de la plateforme", roles: [{ role: "ADMIN" }] },
  { email: "julien.dupont@capl.example", displayName: "Julien Dupont", jobTitle: "Agent du service enfance", roles: [{ role: "PORTAL" }] },
  { email: "sophie.bernard@capl.example", displayName: "Sophie Bernard", jobTitle: "Chargée de communication interne", roles: [{ role: "INTRANET" }] },
  { email: "nadia.lefebvre@capl.example", displayName: "Nadia Lefebvre", jobTitle: "Conseillère numérique", roles: [{ role: "TRAINING" }] },
  { email: "karim.benali@capl.example", displayName: "Karim Benali", jobTitle: "Conseiller numérique", roles: [{ role: "TRAINING" }] },
  { email: "lea.garnier@capl.example", displayName: "Léa Garnier", jobTitle: "Conseillère numérique", roles: [{ role: "TRAINING" }] },
  { email: "thomas.petit@capl.example", displayName: "Thomas Petit", jobTitle: "Coordinateur télésanté", roles: [{ role: "TELEHEALTH" }] },
  { email: "louise.moreau@capl.example", displayName: "Louise Moreau", jobTitle: "Chargée de mission aménagement numérique", roles: [{ role: "TERRITORY" }] },
  {
    email: "emma.roux@capl.example",
    displayName: "Emma Roux",
    jobTitle: "Coordinatrice enfance et vie interne",
    roles: [{ role: "PORTAL" }, { role: "INTRANET" }],
  },
  {
    email: "hugo.fournier@capl.example",
    displayName: "Hugo Fournier",
    jobTitle: "Agent d'accueil de la mairie de Laon",
    roles: [{ role: "PORTAL", communeInseeCodes: ["02408"] }, { role: "TRAINING", communeInseeCodes: ["02408"] }],
  },
];

interface DemoResident {
  email: string;
  displayName: string;
  phone: string;
  inseeCode: string;
}

export const demoResidents: readonly DemoResident[] = [
  { email: "marie.lambert@example.org", displayName: "Marie Lambert", phone: "+33323000001", inseeCode: "02408" },
  { email: "paul.girard@example.org", displayName: "Paul Girard", phone: "+33323000002", inseeCode: "02238" },
];

export interface LoadDemoResult {
  places: number;
  agents: number;
  residents: number;
  apiClients: number;
}

export async function loadDemoData(prisma: PrismaClient, now = new Date()): Promise<LoadDemoResult> {
  // Hashing is slow by design: done before the transaction so it holds no lock meanwhile.
  const passwordHash = await hashPassword(demoPassword);
  return prisma.$transaction(async (tx) => {
    const codes = [...new Set([...demoPlaces.map((p) => p.inseeCode), ...demoResidents.map((r) => r.inseeCode), "02408"])];
    const communes = await tx.commune.findMany({ where: { inseeCode: { in: codes } }, select: { id: true, inseeCode: true } });
    const communeId = (code: string) => {
      const id = communes.find((c) => c.inseeCode === code)?.id;
      if (!id) throw new Error(`Demo data needs commune ${code}: load the territory first`);
      return id;
    };
    for (const place of demoPlaces) {
      const data = { kind: place.kind, street: place.street, postalCode: place.postalCode, isDemo: true };
      const id = communeId(place.inseeCode);
      await tx.place.upsert({
        where: { communeId_name: { communeId: id, name: place.name } },
        create: { communeId: id, name: place.name, ...data },
        update: data,
      });
    }
    for (const agent of demoAgents) {
      const data = { displayName: agent.displayName, jobTitle: agent.jobTitle, passwordHash, isDemo: true };
      const row = await tx.agent.upsert({ where: { email: agent.email }, create: { email: agent.email, ...data }, update: data });
      await tx.roleGrant.deleteMany({ where: { agentId: row.id } });
      for (const grant of agent.roles) {
        const connect = (grant.communeInseeCodes ?? []).map((code) => ({ id: communeId(code) }));
        await tx.roleGrant.create({ data: { agentId: row.id, role: grant.role, communes: { connect } } });
      }
    }
    for (const resident of demoResidents) {
      const data = { displayName: resident.displayName, phone: resident.phone, communeId: communeId(resident.inseeCode), passwordHash, isDemo: true };
      await tx.resident.upsert({ where: { email: resident.email }, create: { email: resident.email, ...data }, update: data });
    }
    const keyPrefix = demoPartnerKey.split("_").slice(0, 2).join("_");
    const partner = {
      name: "Bibliothèque départementale de l'Aisne (démo)",
      keyHash: sha256(demoPartnerKey),
      scopes: ["read:training", "read:territory"],
      expiresAt: new Date(now.getTime() + 365 * 86_400_000),
      allowedIpRanges: [],
      costCapacity: defaultCostBudget.costCapacity,
      costRefillPerSecond: defaultCostBudget.costRefillPerSecond,
      revokedAt: null,
      isDemo: true,
    };
    await tx.apiClient.upsert({ where: { keyPrefix }, create: { keyPrefix, ...partner }, update: partner });
    await loadDemoAdvisors(tx, now);
    await loadDemoTraining(tx, now);
    return { places: demoPlaces.length, agents: demoAgents.length, residents: demoResidents.length, apiClients: 1 };
  });
}
