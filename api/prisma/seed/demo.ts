/**
 * The demo data set: a few agents and places in real communes of the agglomeration, so that every
 * screen has something to show on a fresh install. Deterministic (same rows every time), idempotent,
 * every row flagged `isDemo`, and never loaded when NODE_ENV=production (see seedIfEmpty).
 * Names and addresses are illustrative, not a directory of the real establishments.
 */
import type { PlaceKind, PrismaClient } from "../../src/generated/prisma/client.js";

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

interface DemoAgent {
  email: string;
  displayName: string;
  jobTitle: string;
}

export const demoAgents: readonly DemoAgent[] = [
  { email: "camille.martin@capl.example", displayName: "Camille Martin", jobTitle: "Administratrice de la plateforme" },
  { email: "nadia.lefebvre@capl.example", displayName: "Nadia Lefebvre", jobTitle: "Conseillère numérique" },
  { email: "julien.dupont@capl.example", displayName: "Julien Dupont", jobTitle: "Agent du service enfance" },
  { email: "sophie.bernard@capl.example", displayName: "Sophie Bernard", jobTitle: "Chargée de communication interne" },
  { email: "thomas.petit@capl.example", displayName: "Thomas Petit", jobTitle: "Coordinateur télésanté" },
];

export interface LoadDemoResult {
  places: number;
  agents: number;
}

export async function loadDemoData(prisma: PrismaClient): Promise<LoadDemoResult> {
  return prisma.$transaction(async (tx) => {
    const codes = [...new Set(demoPlaces.map((p) => p.inseeCode))];
    const communes = await tx.commune.findMany({ where: { inseeCode: { in: codes } }, select: { id: true, inseeCode: true } });
    const communeId = new Map(communes.map((c) => [c.inseeCode, c.id]));
    for (const place of demoPlaces) {
      const id = communeId.get(place.inseeCode);
      if (!id) throw new Error(`Demo data needs commune ${place.inseeCode}: load the territory first`);
      const data = { kind: place.kind, street: place.street, postalCode: place.postalCode, isDemo: true };
      await tx.place.upsert({
        where: { communeId_name: { communeId: id, name: place.name } },
        create: { communeId: id, name: place.name, ...data },
        update: data,
      });
    }
    for (const agent of demoAgents) {
      const data = { displayName: agent.displayName, jobTitle: agent.jobTitle, isDemo: true };
      await tx.agent.upsert({ where: { email: agent.email }, create: { email: agent.email, ...data }, update: data });
    }
    return { places: demoPlaces.length, agents: demoAgents.length };
  });
}
